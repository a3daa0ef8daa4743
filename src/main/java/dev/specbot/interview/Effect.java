package dev.specbot.interview;

import dev.specbot.template.Question;
import java.util.Optional;

/**
 * What a transition asks the front end to do: data, carried out by the Slack or terminal adapter.
 */
public sealed interface Effect {
  /**
   * Ask a question.
   *
   * @param total how many questions the interview has
   * @param previousAnswer the answer it already has, when asked again
   */
  record Ask(Question question, int total, Optional<String> previousAnswer) implements Effect {}

  /** Tell the drafter something: a confirmation, or why a command did nothing. */
  record Say(String text) implements Effect {}

  /** Show the document as it stands. */
  record ShowPreview(String markdown) implements Effect {}

  /** Post the finished document. */
  record Publish(String markdown, Progress progress) implements Effect {}

  /** The finished document changed (an answer was edited or deleted): post it again. */
  record Republish(String markdown, String why) implements Effect {}

  /** Ask the drafter to confirm cancelling. */
  record AskToConfirmCancel() implements Effect {}

  /** Explain the commands. */
  record ShowHelp() implements Effect {}

  /** The interview's status or progress changed: refresh whatever shows it. */
  record ProgressChanged(Progress progress) implements Effect {}
}
