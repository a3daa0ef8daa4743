package dev.specbot.review;

import java.util.List;

/** When the reviewers' verdicts approve a spec (open concerns aside, which always block). */
public sealed interface Rule {

  /** Every reviewer approves. */
  static Rule all() {
    return new All();
  }

  /**
   * More than half the reviewers approve and at most {@code maxOutstanding} have not (yet), as
   * rfcbot's final comment period starts.
   */
  static Rule majority(int maxOutstanding) {
    return new Majority(maxOutstanding);
  }

  /** Whether these verdicts approve the spec; nobody asked approves nothing. */
  boolean met(List<Reviewer> reviewers);

  /** The rule in words for help text: "every reviewer approves". */
  String describe();

  /** Every reviewer approves. */
  record All() implements Rule {
    @Override
    public boolean met(List<Reviewer> reviewers) {
      return !reviewers.isEmpty() && approvals(reviewers) == reviewers.size();
    }

    @Override
    public String describe() {
      return "every reviewer approves";
    }
  }

  /**
   * A majority approves, with at most {@code maxOutstanding} reviewers who have not approved.
   *
   * @param maxOutstanding zero or more
   */
  record Majority(int maxOutstanding) implements Rule {
    public Majority {
      if (maxOutstanding < 0) {
        throw new IllegalArgumentException("negative maxOutstanding " + maxOutstanding);
      }
    }

    @Override
    public boolean met(List<Reviewer> reviewers) {
      long approved = approvals(reviewers);
      return approved * 2 > reviewers.size() && reviewers.size() - approved <= maxOutstanding;
    }

    @Override
    public String describe() {
      return "a majority approves, at most " + maxOutstanding + " not yet";
    }
  }

  private static long approvals(List<Reviewer> reviewers) {
    return reviewers.stream().filter(r -> r.verdict() == Verdict.APPROVED).count();
  }
}
