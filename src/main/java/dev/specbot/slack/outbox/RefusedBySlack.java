package dev.specbot.slack.outbox;

import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.Message;
import dev.specbot.storage.StoredInterview;
import java.util.Set;

/** What the drafter is told when Slack refuses one of the interview's messages for good. */
final class RefusedBySlack {
  /** Errors about the message itself: the thread still works, so the note goes there. */
  private static final Set<String> MESSAGE_ERRORS =
      Set.of(
          "invalid_blocks", "msg_too_long", "invalid_arguments", "no_text", "too_many_attachments");

  private RefusedBySlack() {}

  static Delivery notice(Delivery refused, StoredInterview stored, String error) {
    String interviewId = stored.interview().id();
    if (MESSAGE_ERRORS.contains(error)) {
      String text =
          "Slack refused one of my messages here (`"
              + error
              + "`), so it is missing from this thread. Your answers are safe: reply `preview` to"
              + " see the document as it stands.";
      return Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, interviewId, text, null);
    }
    String text =
        "I can no longer post in <#"
            + stored.place().channelId()
            + ">, where your spec *"
            + SlackText.escape(Message.cut(stored.interview().title(), 200))
            + "* is (Slack says `"
            + error
            + "`). Your answers are kept; start a new interview with `/spec` in a channel I can"
            + " post in, or invite me back.";
    return Delivery.direct(interviewId, stored.interview().drafterId(), Message.say(text));
  }
}
