package dev.specbot.review;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a review's history, for the spec's revision log.
 *
 * @param at when
 * @param userId who did it
 * @param what in plain words, such as "approved" or "raised concern perf"; not escaped for Slack
 */
public record ReviewEvent(Instant at, String userId, String what) {
  public ReviewEvent {
    Objects.requireNonNull(at, "null at");
    Objects.requireNonNull(userId, "null userId");
    Objects.requireNonNull(what, "null what");
  }
}
