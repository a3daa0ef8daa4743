package dev.specbot.slack.messages;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.specbot.interview.Assignee;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.review.Review;
import dev.specbot.review.Stage;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.template.Template;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
            + waitingLine(interview)
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
      case WAITING -> "Waiting on co-authors · " + counts;
      case PAUSED ->
          "Paused at question " + (current + 1) + " of " + progress.total() + " · " + counts;
      case FINISHED, REVISING -> "Finished · " + counts;
      case CANCELLED -> "Cancelled · " + counts;
    };
  }

  /**
   * Who the interview waits on, each once (" · waiting on @Bob"); empty when no question waits on a
   * co-author.
   */
  static String waitingLine(Interview interview) {
    Set<String> coAuthors = new TreeSet<>();
    interview
        .assignments()
        .keySet()
        .forEach(
            questionId ->
                interview.waitingOn(questionId).map(Assignee::id).ifPresent(coAuthors::add));
    return coAuthors.isEmpty()
        ? ""
        : " · waiting on "
            + coAuthors.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
  }

  /**
   * The review's part of the parent's line and of {@code /spec list}: the stage, who it waits on,
   * the open concerns; empty before anyone is asked.
   */
  public static Optional<String> reviewLine(Review review) {
    if (review.stage() == Stage.DRAFT) {
      return Optional.empty();
    }
    List<String> waiting = review.notYetResponded();
    int concerns = review.openConcerns().size();
    return Optional.of(
        review.stage().label()
            + (waiting.isEmpty() || review.stage() != Stage.IN_REVIEW
                ? ""
                : ", waiting on "
                    + waiting.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", ")))
            + (concerns == 0
                ? ""
                : ", " + concerns + " open concern" + (concerns == 1 ? "" : "s")));
  }

  /** The lines a posted spec's stages add to its parent, joined; empty when none has one. */
  public static Optional<String> lines(Optional<String> meetingLine, Optional<Review> review) {
    String joined =
        Stream.concat(meetingLine.stream(), review.flatMap(ParentMessage::reviewLine).stream())
            .collect(Collectors.joining(" · "));
    return Optional.of(joined).filter(line -> !line.isEmpty());
  }
}
