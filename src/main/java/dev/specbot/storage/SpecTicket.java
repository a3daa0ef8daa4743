package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket made (or being made) from a spec's action items, as stored (see V14).
 *
 * @param key the ticket's key, stable while its item stays the same
 * @param position its place in the form's order
 * @param number its GitHub issue's number, once made; empty for a checklist item
 * @param url its GitHub issue's address, once made
 * @param requestedAt when it was queued: the earliest an attempt to create it can have begun
 */
public record SpecTicket(
    String interviewId,
    String key,
    int position,
    String title,
    String section,
    String body,
    State state,
    Optional<Integer> number,
    Optional<String> url,
    Instant requestedAt) {

  /** Where a ticket stands. */
  public enum State {
    /** Its GitHub issue is queued. */
    CREATING,
    /** Its issue is made, or it is a checklist item of the document. */
    CREATED,
    /** GitHub refused it for good: it may be proposed again. */
    REFUSED
  }

  public SpecTicket {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(key, "null key");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(section, "null section");
    Objects.requireNonNull(body, "null body");
    Objects.requireNonNull(state, "null state");
    Objects.requireNonNull(number, "null number");
    Objects.requireNonNull(url, "null url");
    Objects.requireNonNull(requestedAt, "null requestedAt");
  }
}
