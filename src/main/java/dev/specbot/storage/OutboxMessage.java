package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A message waiting in the outbox to be sent.
 *
 * @param id app-generated
 * @param lane messages of one lane are sent one after another, in {@code seq} order
 * @param seq its place in the lane, from 1
 * @param kind what to do with the payload, as the sender names it
 * @param payload what to send, as the sender wrote it (JSON)
 * @param attempts how many times sending it failed so far
 * @param nextAttemptAt when it may be sent (again)
 * @param urgency when not every due message can go at once, lower goes first
 */
public record OutboxMessage(
    String id,
    String lane,
    long seq,
    String kind,
    String payload,
    int attempts,
    Instant nextAttemptAt,
    int urgency) {

  public OutboxMessage {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(lane, "null lane");
    Objects.requireNonNull(kind, "null kind");
    Objects.requireNonNull(payload, "null payload");
    Objects.requireNonNull(nextAttemptAt, "null nextAttemptAt");
  }
}
