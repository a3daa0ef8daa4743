package dev.specbot.slack.listeners;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.interviews.InterviewMessages;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.StoredInterview;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code /spec} and the start form it opens: starting an interview, {@code help}, {@code templates}
 * and {@code list}. A start hands over to the {@link Interviewer} and acknowledges.
 */
final class SpecCommand {

  private final TemplateCatalog catalog;
  private final Interviewer interviewer;
  private final Directory directory;

  SpecCommand(TemplateCatalog catalog, Interviewer interviewer, Directory directory) {
    this.catalog = catalog;
    this.interviewer = interviewer;
    this.directory = directory;
  }

  Response slashCommand(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload command = request.getPayload();
    String text = Optional.ofNullable(command.getText()).orElse("").strip();
    String[] words = text.split("\\s+", 2);
    String first = words[0].toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      return openStartForm(command, ctx, Optional.empty());
    }
    Optional<String> reply =
        switch (first) {
          case "help" -> Optional.of(InterviewMessages.commandHelp(catalog));
          case "templates" -> Optional.of(InterviewMessages.templateList(catalog));
          case "list" -> Optional.of(listOf(command.getUserId()));
          default -> Optional.empty();
        };
    if (reply.isPresent()) {
      return ctx.ack(reply.get());
    }
    Optional<Template> template = catalog.find(first);
    if (template.isEmpty()) {
      return ctx.ack(
          "I don't know `"
              + SlackText.escape(words[0])
              + "`. Use a template id ("
              + catalog.all().stream()
                  .map(t -> "`" + t.id() + "`")
                  .collect(Collectors.joining(", "))
              + ") followed by a title, or `help`, `templates` or `list`.");
    }
    if (words.length < 2 || words[1].isBlank()) {
      return openStartForm(command, ctx, Optional.of(template.get().id()));
    }
    String title = words[1].strip();
    if (!InterviewMessages.titleFits(title)) {
      return ctx.ack(InterviewMessages.titleTooLong(title, template.get().id()));
    }
    directory.warm(command.getUserId());
    interviewer.start(
        template.get(),
        title,
        command.getUserId(),
        command.getUserName(),
        new SlackPlace(
            command.getTeamId(), command.getChannelId(), Optional.empty(), Optional.empty()));
    return ctx.ack();
  }

  /**
   * Opens the form at once: the trigger it needs expires within seconds, so this cannot wait in the
   * outbox.
   */
  private Response openStartForm(
      SlashCommandPayload command, SlashCommandContext ctx, Optional<String> templateId) {
    View form = InterviewMessages.startModal(catalog, command.getChannelId(), templateId);
    if (Forms.open(ctx.client(), command.getTriggerId(), form, command.getUserId())) {
      return ctx.ack();
    }
    return ctx.ack(
        "I could not open the form just now. Start directly with `/spec TEMPLATE TITLE`, e.g. `/spec "
            + templateId.orElse("echo-tech-spec")
            + " Payment retries`.");
  }

  Response startForm(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload submission = request.getPayload();
    Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
    Optional<Template> template =
        Forms.value(values, ActionIds.TEMPLATE_BLOCK)
            .map(ViewState.Value::getSelectedOption)
            .map(ViewState.SelectedOption::getValue)
            .flatMap(catalog::find);
    String title =
        Forms.value(values, ActionIds.TITLE_BLOCK)
            .map(ViewState.Value::getValue)
            .orElse("")
            .strip();
    if (template.isEmpty()) {
      return ctx.ackWithErrors(Map.of(ActionIds.TEMPLATE_BLOCK, "Pick a template."));
    }
    if (title.isEmpty()) {
      return ctx.ackWithErrors(Map.of(ActionIds.TITLE_BLOCK, "Give the spec a title."));
    }
    if (!InterviewMessages.titleFits(title)) {
      // The form's max_length stops this in Slack's own client; a crafted submission gets here.
      return ctx.ackWithErrors(
          Map.of(ActionIds.TITLE_BLOCK, InterviewMessages.titleTooLongInForm(title)));
    }
    String channel =
        Forms.value(values, ActionIds.CHANNEL_BLOCK)
            .map(ViewState.Value::getSelectedConversation)
            .orElse(submission.getView().getPrivateMetadata());
    if (channel == null || channel.isBlank()) {
      // Opened from the Home tab there is no channel to fall back on.
      return ctx.ackWithErrors(Map.of(ActionIds.CHANNEL_BLOCK, "Pick a channel to post it in."));
    }
    directory.warm(submission.getUser().getId());
    interviewer.start(
        template.get(),
        title,
        submission.getUser().getId(),
        submission.getUser().getName(),
        new SlackPlace(submission.getTeam().getId(), channel, Optional.empty(), Optional.empty()));
    return ctx.ack();
  }

  private String listOf(String userId) {
    List<StoredInterview> interviews = interviewer.interviewsOf(userId);
    if (interviews.isEmpty()) {
      return "You have no specs yet. Start one with `/spec`.";
    }
    StringBuilder text = new StringBuilder("*Your specs*");
    List<StoredInterview> shown = interviews.subList(0, Math.min(20, interviews.size()));
    Map<String, String> stageLines = interviewer.stageLines(shown);
    for (StoredInterview stored : shown) {
      String title = SlackText.escape(stored.interview().title());
      String name =
          catalog
              .find(stored.interview().templateId())
              .map(Template::name)
              .orElse(stored.interview().templateId());
      text.append("\n• ")
          .append(
              stored
                  .place()
                  .permalink()
                  .map(url -> "<" + url + "|" + title + ">")
                  .orElse("*" + title + "*"))
          .append(" (")
          .append(SlackText.escape(name))
          .append("): ")
          .append(stored.interview().status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      Optional.ofNullable(stageLines.get(stored.interview().id()))
          .ifPresent(line -> text.append(" · ").append(line));
    }
    return text.toString();
  }
}
