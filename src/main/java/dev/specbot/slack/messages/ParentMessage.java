package dev.specbot.slack.messages;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.template.Template;
import java.util.List;
import java.util.Optional;

/**
 * The interview's parent message in the channel: the spec's card, whose thread the work happens in.
 * Each stage of a spec adds its line to it (the interview's progress, the meeting's time).
 */
public final class ParentMessage {
  private ParentMessage() {}

  public static Message of(Interview interview, Template template, Progress progress) {
    return of(interview, template, progress, Optional.empty());
  }

  /** The parent message; once a meeting is set, its line says when (or that it was cancelled). */
  public static Message of(
      Interview interview, Template template, Progress progress, Optional<String> meetingLine) {
    String title = SlackText.escape(interview.title());
    String templateName = SlackText.escape(template.name());
    String headline =
        "*"
            + title
            + "* - "
            + templateName
            + ", drafted by <@"
            + interview.drafterId()
            + ">: answer in the thread";
    String status =
        progressLine(interview.status(), progress, interview.current())
            + meetingLine.map(line -> " · " + line).orElse("");
    List<LayoutBlock> blocks =
        List.of(
            section(s -> s.text(markdownText(headline))),
            context(c -> c.elements(List.of(markdownText(status)))));
    return Message.of(title + " - " + templateName + ": " + status, blocks);
  }

  public static String progressLine(Status status, Progress progress, int current) {
    String counts =
        progress.answered()
            + " of "
            + progress.total()
            + " answered"
            + (progress.skipped() > 0 ? ", " + progress.skipped() + " skipped" : "");
    return switch (status) {
      case ASKING, CONFIRMING_CANCEL ->
          "In progress: question " + (current + 1) + " of " + progress.total() + " · " + counts;
      case PAUSED ->
          "Paused at question " + (current + 1) + " of " + progress.total() + " · " + counts;
      case FINISHED -> "Finished · " + counts;
      case CANCELLED -> "Cancelled · " + counts;
    };
  }
}
