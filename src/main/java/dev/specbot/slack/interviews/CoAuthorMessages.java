package dev.specbot.slack.interviews;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.template.Question;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the bot says about co-authors: a question handed over (in the thread, mentioning them, and
 * to them in private with a link to the thread), taken back, asked of them, answered by them, and
 * the wait for them. Every text a user gave (titles, names) is escaped.
 */
final class CoAuthorMessages {
  private CoAuthorMessages() {}

  static List<Delivery> of(Effect effect, Interview interview, Optional<String> permalink) {
    String id = interview.id();
    if (effect instanceof Effect.Assigned assigned) {
      return List.of(
          Delivery.inThread(id, handedOver(assigned, interview)),
          Delivery.direct(id, assigned.assignee().id(), privately(assigned, interview, permalink)));
    } else if (effect instanceof Effect.Unassigned taken) {
      return List.of(
          Delivery.inThread(
              id,
              Message.say(
                  "<@"
                      + interview.drafterId()
                      + "> took "
                      + labels(taken.questions())
                      + " back from "
                      + mention(taken.assignee())
                      + "; they are the drafter's to answer again.")),
          Delivery.direct(id, taken.assignee().id(), takenBack(taken, interview)),
          // Their row is gone once this is written, so the spec's own refresh misses them.
          Delivery.homeIfOpened(taken.assignee().id()));
    } else if (effect instanceof Effect.Released released) {
      return releasedTo(released, interview);
    } else if (effect instanceof Effect.AskCoAuthor ask) {
      return List.of(
          Delivery.inThread(
              id,
              Message.say(
                  mention(ask.assignee())
                      + ", next: "
                      + heading(ask.question(), ask.total())
                      + hint(ask.question())
                      + "\nReply in this thread to answer.")));
    } else if (effect instanceof Effect.CoAuthorAnswered answered) {
      return List.of(
          Delivery.inThread(
              id,
              Message.say(
                  "Thanks "
                      + mention(answered.assignee())
                      + ": that answers "
                      + label(answered.question())
                      + ".")));
    } else if (effect instanceof Effect.Waiting waiting) {
      return List.of(Delivery.inThread(id, Message.say(waitingText(waiting))));
    }
    return List.of();
  }

  private static Message handedOver(Effect.Assigned assigned, Interview interview) {
    Question first = assigned.questions().get(0);
    return Message.say(
        mention(assigned.assignee())
            + ", <@"
            + interview.drafterId()
            + "> handed you "
            + labels(assigned.questions())
            + ". Reply in this thread to answer; your first reply answers "
            + label(first)
            + "."
            + hint(first));
  }

  private static Message privately(
      Effect.Assigned assigned, Interview interview, Optional<String> permalink) {
    String thread = permalink.map(url -> "<" + url + "|the spec's thread>").orElse("its thread");
    return Message.say(
        "<@"
            + interview.drafterId()
            + "> handed you "
            + labels(assigned.questions())
            + " of *"
            + SlackText.escape(interview.title())
            + "*. Answer by replying in "
            + thread
            + ".");
  }

  /** Each co-author still waited on, told privately; their homes published again. */
  private static List<Delivery> releasedTo(Effect.Released released, Interview interview) {
    Map<Assignee, List<Question>> byCoAuthor = new LinkedHashMap<>();
    for (Effect.Waited waited : released.released()) {
      byCoAuthor.computeIfAbsent(waited.assignee(), a -> new ArrayList<>()).add(waited.question());
    }
    List<Delivery> deliveries = new ArrayList<>();
    byCoAuthor.forEach(
        (coAuthor, questions) -> {
          String text =
              "<@"
                  + interview.drafterId()
                  + "> "
                  + (released.posted() ? "posted" : "cancelled")
                  + " *"
                  + SlackText.escape(interview.title())
                  + "* before "
                  + labels(questions)
                  + " was answered: nothing there waits on you now.";
          deliveries.add(Delivery.direct(interview.id(), coAuthor.id(), Message.say(text)));
          deliveries.add(Delivery.homeIfOpened(coAuthor.id()));
        });
    return deliveries;
  }

  private static Message takenBack(Effect.Unassigned taken, Interview interview) {
    return Message.say(
        "<@"
            + interview.drafterId()
            + "> took "
            + labels(taken.questions())
            + " of *"
            + SlackText.escape(interview.title())
            + "* back: nothing there waits on you now.");
  }

  private static String waitingText(Effect.Waiting waiting) {
    String who =
        waiting.waiting().stream()
            .map(w -> mention(w.assignee()) + " for " + label(w.question()))
            .collect(Collectors.joining(", "));
    return "Waiting on "
        + who
        + "; I'll post the spec when the last of them is answered, or reply `finish` to post it"
        + " now.";
  }

  private static String heading(Question question, int total) {
    return "*Question "
        + question.number()
        + " of "
        + total
        + "* · *"
        + SlackText.escape(question.title())
        + "*";
  }

  /** The question's own wording or guidance, cut short: the thread has the rest. */
  private static String hint(Question question) {
    String words = question.prompt().orElse(question.hint()).strip();
    return words.isEmpty()
        ? ""
        : "\n>" + Message.cut(SlackText.escape(words), 500).replace("\n", "\n>");
  }

  private static String labels(List<Question> questions) {
    return questions.stream().map(CoAuthorMessages::label).collect(Collectors.joining(", "));
  }

  private static String label(Question question) {
    return question.number() + " (" + SlackText.escape(question.title()) + ")";
  }

  private static String mention(Assignee assignee) {
    return "<@" + assignee.id() + ">";
  }
}
