package dev.specbot.template;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The spec's review as the document shows it: whether it is approved, who approved it, and what
 * happened, in plain words. Names are display names, as they should read in the document; the
 * renderer escapes them.
 *
 * @param approved whether the spec is approved
 * @param approvals the reviewers who approved it, in the order they did
 * @param events what happened in the review, oldest first
 */
public record ReviewRecord(boolean approved, List<Signoff> approvals, List<Entry> events) {
  /** A spec nobody has asked to review: the document shows no review at all. */
  public static final ReviewRecord NONE = new ReviewRecord(false, List.of(), List.of());

  public ReviewRecord {
    approvals = List.copyOf(Objects.requireNonNull(approvals, "null approvals"));
    events = List.copyOf(Objects.requireNonNull(events, "null events"));
  }

  /** Whether there is no review to show: not approved, no approvals and no events. */
  public boolean isEmpty() {
    return !approved && approvals.isEmpty() && events.isEmpty();
  }

  /**
   * One reviewer's approval.
   *
   * @param reviewer the reviewer's display name
   * @param on the day they approved
   */
  public record Signoff(String reviewer, LocalDate on) {
    public Signoff {
      Objects.requireNonNull(reviewer, "null reviewer");
      Objects.requireNonNull(on, "null on");
    }
  }

  /**
   * One line of the review's history.
   *
   * @param on the day it happened
   * @param who the display name of who did it
   * @param what in plain words, such as "approved", "requested changes", "raised concern perf" or
   *     "review requested from Bob Example, Carol Example"
   */
  public record Entry(LocalDate on, String who, String what) {
    public Entry {
      Objects.requireNonNull(on, "null on");
      Objects.requireNonNull(who, "null who");
      Objects.requireNonNull(what, "null what");
    }
  }
}
