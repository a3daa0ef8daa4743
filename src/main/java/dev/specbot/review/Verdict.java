package dev.specbot.review;

/** What one reviewer said of the spec as it stands. */
public enum Verdict {
  /** Asked, and has not answered yet (or was asked again). */
  PENDING,
  APPROVED,
  CHANGES_REQUESTED,
  /** Approved, then an answer changed: the approval waits to be given again. */
  STALE
}
