package dev.specbot.interview;

import java.util.List;

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

  /**
   * Hand questions to a teammate: their replies in the thread answer them.
   *
   * @param numbers the questions, 1-based
   * @param wholeSection every unanswered question of the groups those questions are in
   * @param assigneeId the teammate's Slack user id
   * @param assigneeName the teammate as the document names them; blank when not known yet
   */
  record Assign(List<Integer> numbers, boolean wholeSection, String assigneeId, String assigneeName)
      implements Input {
    public Assign {
      numbers = List.copyOf(numbers);
    }

    /** The same hand-over, with the teammate's name as the document should read it. */
    public Assign named(String name) {
      return new Assign(numbers, wholeSection, assigneeId, name);
    }
  }

  /** Take questions back from the co-author they were handed to. */
  record Unassign(List<Integer> numbers) implements Input {
    public Unassign {
      numbers = List.copyOf(numbers);
    }
  }

  /** A reply from a co-author: it answers the first question waiting on them. */
  record CoAuthorAnswer(String userId, String text) implements Input {}

  /** A command written wrongly: {@code why} tells the drafter how to write it. */
  record Unclear(String why) implements Input {}
}
