package dev.specbot.slack.reviews;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.specbot.review.Concern;
import dev.specbot.review.Remark;
import dev.specbot.review.Review;
import dev.specbot.review.ReviewEffect;
import dev.specbot.review.Reviewer;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the bot says about a spec's review, as text and Block Kit; every user text escaped. */
final class ReviewMessages {
  /** The board shows the latest remarks, each cut short: the thread has them whole. */
  private static final int SHOWN_REMARKS = 5;

  private static final int REMARK_TEXT = 200;

  private ReviewMessages() {}

  /** The DM that asks someone to review, with the two verdicts a reviewer can give from it. */
  static Message askToReview(
      String interviewId, String title, String drafterId, Optional<String> permalink) {
    String text =
        "<@"
            + drafterId
            + "> asks you to review *"
            + SlackText.escape(title)
            + "*"
            + permalink.map(url -> ": <" + url + "|open the spec's thread>").orElse("")
            + ". Approve it, request changes or comment here, or write in its thread (`concern"
            + " NAME: WHAT` blocks approval until you resolve it).";
    return Message.withButtons(
        text,
        Message.buttonOf(ActionIds.APPROVE, "Approve", interviewId, "primary"),
        Message.buttonOf(ActionIds.REQUEST_CHANGES, "Request changes", interviewId, null),
        Message.buttonOf(ActionIds.COMMENT, "Comment", interviewId, null));
  }

  /** A nudge to a reviewer who has not responded, with the same buttons as the request. */
  static Message nudge(
      String interviewId,
      String title,
      String drafterId,
      Optional<String> permalink,
      int number,
      int max) {
    String text =
        "Reminder "
            + number
            + " of "
            + max
            + ": <@"
            + drafterId
            + "> is waiting for your review of *"
            + SlackText.escape(title)
            + "*"
            + permalink.map(url -> ": <" + url + "|open the spec's thread>").orElse("")
            + ".";
    return Message.withButtons(
        text,
        Message.buttonOf(ActionIds.APPROVE, "Approve", interviewId, "primary"),
        Message.buttonOf(ActionIds.REQUEST_CHANGES, "Request changes", interviewId, null));
  }

  /** To the drafter, in the thread: a reviewer stayed silent through every nudge. */
  static Message stalled(String reviewerId, int nudges) {
    return Message.say(
        "The review is waiting on <@"
            + reviewerId
            + ">, who has not responded after "
            + nudges
            + (nudges == 1 ? " reminder" : " reminders")
            + ". Ask them directly, or write `review @someone` to ask someone else.");
  }

  /**
   * Posted with the spec: who should review it (the people the spec names suggested), and a Request
   * review button.
   */
  static Message offer(String interviewId, List<String> suggested) {
    String text =
        "*Ready for review?* Pick who should review the spec, or write `review @alice @bob`.";
    List<LayoutBlock> blocks =
        List.of(
            section(
                s ->
                    s.blockId(ActionIds.REVIEWERS_BLOCK)
                        .text(markdownText(text))
                        .accessory(
                            multiUsersSelect(
                                m -> {
                                  m.actionId(ActionIds.REVIEWERS)
                                      .placeholder(plainText("Reviewers"));
                                  if (!suggested.isEmpty()) {
                                    m.initialUsers(suggested);
                                  }
                                  return m;
                                }))),
            actions(
                a ->
                    a.elements(
                        List.<BlockElement>of(
                            Message.buttonOf(
                                ActionIds.REQUEST_REVIEW,
                                "Request review",
                                interviewId,
                                "primary")))));
    return Message.of(text, blocks);
  }

  static Message requested(List<String> added, List<String> all) {
    return Message.say(
        "Review requested from "
            + mentions(added.isEmpty() ? all : added)
            + ". Reviewers: `approve`, `request changes: WHAT`, `concern NAME: WHAT` here, or"
            + " the buttons in the DM I sent you. `who has reviewed` shows where it stands.");
  }

  static Message said(ReviewEffect effect) {
    return Message.say(text(effect));
  }

  private static String text(ReviewEffect effect) {
    if (effect instanceof ReviewEffect.Approved approved) {
      return "<@" + approved.by() + "> approved the spec.";
    }
    if (effect instanceof ReviewEffect.ChangesRequested changes) {
      return "<@"
          + changes.by()
          + "> requested changes"
          + changes.section().map(s -> " to *" + SlackText.escape(s) + "*").orElse("")
          + ": "
          + SlackText.escape(changes.text());
    }
    if (effect instanceof ReviewEffect.ConcernRaised raised) {
      Concern concern = raised.concern();
      String name = SlackText.escape(concern.name());
      return "<@"
          + concern.authorId()
          + "> raised the concern *"
          + name
          + "*: "
          + SlackText.escape(concern.text())
          + ". It blocks approval until <@"
          + concern.authorId()
          + "> writes `resolve "
          + name
          + "`.";
    }
    if (effect instanceof ReviewEffect.ConcernResolved resolved) {
      return "<@"
          + resolved.concern().authorId()
          + "> resolved the concern *"
          + SlackText.escape(resolved.concern().name())
          + "*.";
    }
    if (effect instanceof ReviewEffect.StageChanged changed) {
      return stageText(changed.to());
    }
    throw new IllegalArgumentException("not said in the thread: " + effect);
  }

  private static String stageText(Stage to) {
    return switch (to) {
      case APPROVED -> "*Approved*: every reviewer it needs approved, and no concern is open.";
      case CHANGES_REQUESTED ->
          "The spec is now *Changes requested*. Edit the answers, then write `review` to ask the"
              + " same people again.";
      case IN_REVIEW -> "The spec is now *In review*.";
      case IN_PROGRESS -> "The spec is now *In progress*.";
      case COMPLETED -> "The spec is now *Completed*.";
      case DRAFT -> "The spec is a *Draft* again.";
    };
  }

  /** To a reviewer who approved before the spec changed. */
  static Message stale(String title, String section, String before, String after) {
    return Message.say(
        "*"
            + SlackText.escape(title)
            + "* changed after you approved it. *"
            + SlackText.escape(section)
            + "* was: "
            + SlackText.escape(before)
            + "\nNow: "
            + SlackText.escape(after)
            + "\nYour approval is marked stale until you approve again.");
  }

  /** Who has reviewed: each requested reviewer's verdict, and the open concerns. */
  static Message board(Review review) {
    if (review.reviewers().isEmpty()) {
      return Message.say("Nobody has been asked to review yet: write `review @name @name`.");
    }
    StringBuilder text =
        new StringBuilder("*")
            .append(review.stage().label())
            .append("* · ")
            .append(review.rule().describe());
    for (Verdict verdict : Verdict.values()) {
      List<String> who =
          review.reviewers().stream()
              .filter(r -> r.verdict() == verdict)
              .map(Reviewer::userId)
              .toList();
      if (!who.isEmpty()) {
        text.append("\n• ").append(verdictLabel(verdict)).append(": ").append(mentions(who));
      }
    }
    for (Concern concern : review.openConcerns()) {
      text.append("\n• Open concern *")
          .append(SlackText.escape(concern.name()))
          .append("* (<@")
          .append(concern.authorId())
          .append(">): ")
          .append(SlackText.escape(concern.text()));
    }
    List<Remark> remarks = review.remarks();
    if (!remarks.isEmpty()) {
      text.append("\n• ")
          .append(remarks.size())
          .append(remarks.size() == 1 ? " remark" : " remarks")
          .append(" (comments and requested changes)")
          .append(remarks.size() > SHOWN_REMARKS ? ", the latest:" : ":");
      for (Remark remark :
          remarks.subList(Math.max(0, remarks.size() - SHOWN_REMARKS), remarks.size())) {
        text.append("\n    <@")
            .append(remark.authorId())
            .append(">")
            .append(remark.section().map(s -> " on *" + SlackText.escape(s) + "*").orElse(""))
            .append(": ")
            .append(SlackText.escape(Message.cut(remark.text().replace('\n', ' '), REMARK_TEXT)));
      }
    }
    return Message.say(text.toString());
  }

  static String refusal(ReviewEffect.Refused refused) {
    return switch (refused.reason()) {
      case NOT_ASKED ->
          "Only the people asked to review this spec can approve it or request changes. You can"
              + " still comment in its thread, or raise a concern with `concern NAME: WHAT`.";
      case DRAFTER_CANNOT_APPROVE -> "You drafted this spec, so your approval does not count.";
      case NOT_THE_DRAFTER -> "Only the spec's drafter can ask for reviews or change its status.";
      case NOT_CONCERN_AUTHOR -> "Only the person who raised a concern can resolve it.";
      case NO_SUCH_CONCERN ->
          "There is no open concern by that name: `who has reviewed` lists them.";
      case CONCERN_EXISTS -> "A concern by that name is already open: pick another name.";
      case NOT_APPROVED_YET -> "The spec can move on once it is approved.";
      case NO_REVIEWERS -> "Name who should review it, for example `review @alice @bob`.";
      case NOT_IN_PROGRESS -> "The spec can be completed once it is in progress.";
      case ALREADY_THERE -> "The spec is there already.";
      case ALREADY_REQUESTED ->
          "Those people have been asked already: `who has reviewed` shows it.";
      case ALREADY_APPROVED -> "You approved it already.";
    };
  }

  static String verdictLabel(Verdict verdict) {
    return switch (verdict) {
      case APPROVED -> "Approved";
      case CHANGES_REQUESTED -> "Changes requested";
      case PENDING -> "Not yet";
      case STALE -> "Approved before the last change";
    };
  }

  private static String mentions(List<String> userIds) {
    return userIds.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
  }
}
