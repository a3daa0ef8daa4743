package dev.specbot.review;

/** Where a spec stands from its first draft to its completion. */
public enum Stage {
  /** Posted, and nobody asked to review it yet. */
  DRAFT("Draft"),
  /** Reviewers asked; not approved yet. */
  IN_REVIEW("In review"),
  /** A reviewer asked for changes. */
  CHANGES_REQUESTED("Changes requested"),
  /** The rule is met and no concern is open. */
  APPROVED("Approved"),
  /** Approved, and the drafter said the work started. */
  IN_PROGRESS("In progress"),
  /** The drafter said the work is done. */
  COMPLETED("Completed");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  /** The stage as a person reads it: "Changes requested". */
  public String label() {
    return label;
  }

  /**
   * The stage as a spec document writes it, as the technical specification template's {@code
   * **Status**: [DRAFT/APPROVED/IN_PROGRESS/COMPLETED]} does.
   */
  public String documentValue() {
    return name();
  }

  /** Whether the drafter has moved the spec on from its review: the verdicts no longer move it. */
  boolean isMovedOn() {
    return this == IN_PROGRESS || this == COMPLETED;
  }
}
