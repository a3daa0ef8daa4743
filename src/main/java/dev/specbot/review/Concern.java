package dev.specbot.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named objection that blocks approval until the person who raised it resolves it (rfcbot's
 * {@code concern}).
 *
 * @param name short, unique among the open concerns of a review (compared ignoring case)
 * @param authorId who raised it, the only one who may resolve it
 * @param text what the concern is
 * @param raisedAt when it was raised
 * @param resolvedAt when its author resolved it; empty while open
 */
public record Concern(
    String name, String authorId, String text, Instant raisedAt, Optional<Instant> resolvedAt) {
  public Concern {
    Objects.requireNonNull(name, "null name");
    Objects.requireNonNull(authorId, "null authorId");
    Objects.requireNonNull(text, "null text");
    Objects.requireNonNull(raisedAt, "null raisedAt");
    Objects.requireNonNull(resolvedAt, "null resolvedAt");
  }

  public boolean isOpen() {
    return resolvedAt.isEmpty();
  }

  /** Whether this is the concern called {@code other}; names are compared ignoring case. */
  boolean isNamed(String other) {
    return name.equalsIgnoreCase(other);
  }

  Concern resolved(Instant now) {
    return new Concern(name, authorId, text, raisedAt, Optional.of(now));
  }
}
