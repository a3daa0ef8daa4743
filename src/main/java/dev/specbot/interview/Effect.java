package dev.specbot.interview;

import dev.specbot.template.Question;
import java.util.List;
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

  /** Questions were handed to a co-author: tell them, in the thread and in private. */
  record Assigned(List<Question> questions, Assignee assignee) implements Effect {
    public Assigned {
      questions = List.copyOf(questions);
    }
  }

  /** Questions were taken back from their co-author: the drafter answers them again. */
  record Unassigned(List<Question> questions, Assignee assignee) implements Effect {
    public Unassigned {
      questions = List.copyOf(questions);
    }
  }

  /** Ask a co-author the next question waiting on them, mentioning them. */
  record AskCoAuthor(Question question, int total, Assignee assignee) implements Effect {}

  /** A co-author's reply was taken as the answer to {@code question}. */
  record CoAuthorAnswered(Question question, Assignee assignee) implements Effect {}

  /**
   * Only questions waiting on co-authors are left: the interview waits for them.
   *
   * @param waiting each question left, in template order, with whom it waits on
   */
  record Waiting(List<Waited> waiting) implements Effect {
    public Waiting {
      waiting = List.copyOf(waiting);
    }
  }

  /**
   * The interview was posted or cancelled while questions still waited on co-authors: they are
   * theirs no more.
   *
   * @param posted whether it was posted (else cancelled)
   * @param released each question, with whom it waited on
   */
  record Released(boolean posted, List<Waited> released) implements Effect {
    public Released {
      released = List.copyOf(released);
    }
  }

  /** A question left for a co-author, and who. */
  record Waited(Question question, Assignee assignee) {}
}
