package dev.specbot.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One person asked to review a spec.
 *
 * @param userId a Slack user id
 * @param verdict what they said, or {@link Verdict#PENDING}
 * @param at when they gave the verdict; empty while pending
 */
public record Reviewer(String userId, Verdict verdict, Optional<Instant> at) {
  public Reviewer {
    Objects.requireNonNull(userId, "null userId");
    Objects.requireNonNull(verdict, "null verdict");
    Objects.requireNonNull(at, "null at");
  }

  static Reviewer asked(String userId) {
    return new Reviewer(userId, Verdict.PENDING, Optional.empty());
  }

  Reviewer with(Verdict newVerdict, Instant now) {
    return new Reviewer(userId, newVerdict, Optional.of(now));
  }

  /** The same reviewer, approved before an answer changed. The approval's time is kept. */
  Reviewer stale() {
    return new Reviewer(userId, Verdict.STALE, at);
  }

  Reviewer askedAgain() {
    return asked(userId);
  }
}
