package dev.specbot.interview;

/**
 * What the drafter did: answered, or gave a command (typed in the thread or pressed as a button).
 */
public sealed interface Input {
  /** A reply that answers the current question. */
  record Answer(String text) implements Input {}

  /** Leave the current question unanswered and go on. */
  record Skip() implements Input {}

  /** Go back to the previous question. */
  record Back() implements Input {}

  /** Skip every unanswered question of the current question's group. */
  record SkipSection() implements Input {}

  /** Ask question {@code number} (1-based) again, then return to the first unanswered one. */
  record Goto(int number) implements Input {}

  /** Show the document as it stands. */
  record Preview() implements Input {}

  record Pause() implements Input {}

  record Resume() implements Input {}

  /** Assemble the document now; unanswered sections are marked. */
  record Finish() implements Input {}

  /** Ask to cancel; it takes a confirmation. */
  record Cancel() implements Input {}

  record ConfirmCancel() implements Input {}

  /** Withdraw a cancel request and go on. */
  record KeepGoing() implements Input {}

  record Help() implements Input {}
}
