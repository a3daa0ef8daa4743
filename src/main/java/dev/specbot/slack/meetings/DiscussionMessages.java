package dev.specbot.slack.meetings;

import com.slack.api.model.block.LayoutBlock;
import dev.specbot.discussion.Agenda;
import dev.specbot.review.Concern;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the discussion's stage says in the thread: the agenda as the meeting starts, the question of
 * what was decided as it ends, and the answers to the drafter's decisions. Every text a user wrote
 * is escaped; the agenda keeps within a message's blocks (its parts are capped by {@link Agenda}).
 */
final class DiscussionMessages {
  private DiscussionMessages() {}

  static Message agenda(Agenda agenda, String title, Optional<String> permalink) {
    String where = permalink.map(url -> " (<" + url + "|the spec>)").orElse("");
    List<String> parts = new ArrayList<>();
    parts.add("*Agenda for the discussion of " + SlackText.escape(title) + "*" + where);
    parts.add(openQuestions(agenda));
    agenda.questions().forEach(open -> parts.add(openQuestion(open)));
    parts.add(concerns(agenda));
    agenda.concerns().forEach(concern -> parts.add(concern(concern)));
    if (agenda.left() > 0) {
      parts.add("_…and " + agenda.left() + " more: the spec has them all._");
    }
    parts.add(readers(agenda));
    List<LayoutBlock> blocks = parts.stream().map(Message::sectionOf).toList();
    String text =
        "Agenda for the discussion of "
            + SlackText.escape(title)
            + ": "
            + count(agenda.questions().size(), "section")
            + " of open questions, "
            + count(agenda.concerns().size(), "open concern")
            + ". "
            + readers(agenda);
    return Message.of(text, blocks);
  }

  private static String openQuestions(Agenda agenda) {
    return agenda.questions().isEmpty()
        ? "*Open questions*: the template has no section for them."
        : "*Open questions*";
  }

  private static String openQuestion(Agenda.OpenQuestions open) {
    String answer =
        open.answer()
            .map(SlackText::escape)
            .map(DiscussionMessages::quoted)
            .orElse("_none written_");
    return "*"
        + SlackText.escape(open.section())
        + "*\n"
        + answer
        + (open.shortened() ? "\n_Shortened: the spec has it whole._" : "");
  }

  private static String concerns(Agenda agenda) {
    return agenda.concerns().isEmpty() ? "*Open review concerns*: none." : "*Open review concerns*";
  }

  private static String concern(Concern concern) {
    return "• *"
        + SlackText.escape(concern.name())
        + "* (<@"
        + concern.authorId()
        + ">): "
        + SlackText.escape(concern.text());
  }

  private static String readers(Agenda agenda) {
    String read =
        agenda.read().isEmpty()
            ? "Nobody has read it yet."
            : "Read it: " + mentions(agenda.read()) + ".";
    return agenda.notYetRead().isEmpty()
        ? read
        : read + " Not yet: " + mentions(agenda.notYetRead()) + ".";
  }

  /** Each line of an escaped text as a quote. */
  private static String quoted(String text) {
    return "&gt; " + text.replace("\n", "\n&gt; ");
  }

  static Message askForDecisions(String interviewId, String drafterId, String title) {
    return Message.withButtons(
        "<@"
            + drafterId
            + ">, the discussion of *"
            + SlackText.escape(title)
            + "* is over: what was decided? Reply here with one decision per reply, and"
            + " `@person: what they will do` for a follow-up. Write `done` (or press That's all)"
            + " when that's all, or `no decisions`. I'll write them into the spec. (Review commands"
            + " such as `approve` still work meanwhile.)",
        Message.buttonOf(ActionIds.DECISIONS_DONE, "That's all", interviewId, null));
  }

  static Message noted(boolean followUp, String ownerMention, int decisions, int followUps) {
    String what = followUp ? "Noted the follow-up for " + ownerMention : "Noted";
    return Message.say(
        what
            + " ("
            + count(decisions, "decision")
            + ", "
            + count(followUps, "follow-up")
            + " so far). Write the next one, or `done` when that's all.");
  }

  static Message unclear(String reason) {
    return Message.say(
        SlackText.escape(reason)
            + " Nothing was recorded. Write one decision per reply, `@person: what they will do`"
            + " for a follow-up, or `done`.");
  }

  static Message closed(int decisions, int followUps) {
    if (decisions == 0 && followUps == 0) {
      return Message.say(
          "Noted: no decisions. The spec records that the discussion took place and its step is"
              + " ticked.");
    }
    return Message.say(
        "Thanks: "
            + count(decisions, "decision")
            + " and "
            + count(followUps, "follow-up")
            + " are in the spec, each with its date, and the discussion's step is ticked.");
  }

  private static String mentions(List<String> ids) {
    return ids.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
