package dev.specbot.slack.interviews;

import com.slack.api.model.block.LayoutBlock;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.blocks.SpecBlocks;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import java.util.ArrayList;
import java.util.List;

/** Turns an interview's effects into what the bot sends in Slack. */
final class EffectDeliveries {
  private EffectDeliveries() {}

  static List<Delivery> of(Effect effect, Interview interview, Template template) {
    String id = interview.id();
    if (effect instanceof Effect.Ask ask) {
      return inThread(id, InterviewMessages.question(ask, id));
    } else if (effect instanceof Effect.Say say) {
      // The interview's words are plain text (they name the template's questions): escaped here.
      String text = SlackText.escape(say.text());
      return inThread(
          id,
          interview.status() == Status.PAUSED
              ? InterviewMessages.paused(text, id)
              : Message.say(text));
    } else if (effect instanceof Effect.ShowHelp) {
      return inThread(id, Message.say(InterviewMessages.help()));
    } else if (effect instanceof Effect.AskToConfirmCancel) {
      return inThread(id, InterviewMessages.confirmCancel(id));
    } else if (effect instanceof Effect.ShowPreview preview) {
      return document(
          id,
          "Preview of *" + SlackText.escape(interview.title()) + "* as it stands:",
          preview.markdown());
    } else if (effect instanceof Effect.Publish publish) {
      return publish(interview, template, publish);
    } else if (effect instanceof Effect.Republish republish) {
      return List.of(
          Delivery.fileInThread(
              id,
              "The spec, updated: " + SlackText.escape(republish.why()),
              SpecRenderer.fileName(interview.title()),
              republish.markdown()),
          Delivery.canvas(id, interview.title(), republish.markdown()));
    }
    return List.of();
  }

  private static List<Delivery> publish(
      Interview interview, Template template, Effect.Publish publish) {
    // The spec in the thread, where its drafter is waiting, then its file in the channel: the file
    // takes three calls of their own, and its methods' limits would hold the spec up behind it.
    List<Delivery> deliveries =
        new ArrayList<>(document(interview.id(), "The finished spec:", publish.markdown()));
    deliveries.add(
        Delivery.upload(
            interview.id(),
            summary(interview, template, publish.progress()),
            SpecRenderer.fileName(interview.title()),
            publish.markdown()));
    deliveries.add(Delivery.canvas(interview.id(), interview.title(), publish.markdown()));
    return deliveries;
  }

  static String summary(Interview interview, Template template, Progress progress) {
    return "*"
        + SlackText.escape(interview.title())
        + "* is ready: "
        + SlackText.escape(template.name())
        + " drafted by <@"
        + interview.drafterId()
        + ">, "
        + progress.answered()
        + " of "
        + progress.total()
        + " sections answered"
        + (progress.skipped() > 0 ? ", " + progress.skipped() + " skipped" : "")
        + ". Read it here or in the "
        + Delivery.THREAD_LINK
        + ".";
  }

  /** A document as Block Kit messages in the thread, the first one opening with {@code intro}. */
  private static List<Delivery> document(String interviewId, String intro, String markdown) {
    List<Delivery> deliveries = new ArrayList<>();
    List<List<LayoutBlock>> messages = SpecBlocks.messages(intro, markdown);
    for (int i = 0; i < messages.size(); i++) {
      String text = intro + " (part " + (i + 1) + " of " + messages.size() + ")";
      deliveries.add(
          Delivery.forInterview(
              Delivery.Kind.POST_IN_THREAD,
              interviewId,
              text,
              Message.blocksJson(messages.get(i))));
    }
    return deliveries;
  }

  private static List<Delivery> inThread(String interviewId, Message message) {
    return List.of(Delivery.inThread(interviewId, message));
  }
}
