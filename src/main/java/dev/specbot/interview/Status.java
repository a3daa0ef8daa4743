package dev.specbot.interview;

/** Where an interview stands. */
public enum Status {
  /** Asking its current question. */
  ASKING,
  /**
   * Only questions handed to co-authors are left: no question for the drafter until one is taken
   * back or asked again; it finishes by itself when the last co-author answers.
   */
  WAITING,
  /** Paused by the drafter: no questions, no nudges, until resumed. */
  PAUSED,
  /** The drafter asked to cancel and has not confirmed yet. */
  CONFIRMING_CANCEL,
  /** The document is assembled and posted. */
  FINISHED,
  /**
   * Posted, and asking one question again ({@code goto N}): the next answer replaces its answer.
   */
  REVISING,
  /** Cancelled by the drafter; its answers are kept. */
  CANCELLED;

  /** Whether the interview still takes answers. */
  public boolean isOpen() {
    return this == ASKING || this == WAITING || this == PAUSED || this == CONFIRMING_CANCEL;
  }
}
