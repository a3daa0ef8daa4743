package dev.specbot.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a transition asks the Slack side to do, as data: it words each effect, with mentions and
 * escaping.
 */
public sealed interface ReviewEffect {
  /**
   * Reviewers were asked.
   *
   * @param newReviewers the people this request asks: added, or (a request naming nobody) asked
   *     again
   * @param all every reviewer now, in the order they were first asked
   */
  record Requested(List<String> newReviewers, List<String> all) implements ReviewEffect {
    public Requested {
      newReviewers = List.copyOf(newReviewers);
      all = List.copyOf(all);
    }
  }

  record Approved(String by) implements ReviewEffect {
    public Approved {
      Objects.requireNonNull(by, "null by");
    }
  }

  record ChangesRequested(String by, Optional<String> section, String text)
      implements ReviewEffect {
    public ChangesRequested {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(text, "null text");
    }
  }

  record Commented(Remark remark) implements ReviewEffect {
    public Commented {
      Objects.requireNonNull(remark, "null remark");
    }
  }

  record ConcernRaised(Concern concern) implements ReviewEffect {
    public ConcernRaised {
      Objects.requireNonNull(concern, "null concern");
    }
  }

  record ConcernResolved(Concern concern) implements ReviewEffect {
    public ConcernResolved {
      Objects.requireNonNull(concern, "null concern");
    }
  }

  /** The spec's stage changed: refresh whatever shows it. */
  record StageChanged(Stage from, Stage to) implements ReviewEffect {
    public StageChanged {
      Objects.requireNonNull(from, "null from");
      Objects.requireNonNull(to, "null to");
    }
  }

  /**
   * An answer changed after these reviewers approved: their approvals wait to be given again.
   *
   * @param before the answer before, cut to about 80 characters on one line
   * @param after the answer after, cut the same way
   */
  record ApprovalsStale(List<String> reviewers, String section, String before, String after)
      implements ReviewEffect {
    public ApprovalsStale {
      reviewers = List.copyOf(reviewers);
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(before, "null before");
      Objects.requireNonNull(after, "null after");
    }
  }

  /** Show who has reviewed and what each said, from the transition's review. */
  record Board() implements ReviewEffect {}

  /** The input changed nothing, for this reason; tell only {@code userId}. */
  record Refused(String userId, Refusal reason) implements ReviewEffect {
    public Refused {
      Objects.requireNonNull(userId, "null userId");
      Objects.requireNonNull(reason, "null reason");
    }
  }
}
