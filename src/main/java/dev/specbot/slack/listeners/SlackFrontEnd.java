package dev.specbot.slack.listeners;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import com.slack.api.model.view.ViewState;
import dev.specbot.interview.Input;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.interviews.CatchUp;
import dev.specbot.slack.interviews.InterviewMessages;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.interviews.ReplyText;
import dev.specbot.slack.interviews.Revisions;
import dev.specbot.slack.meetings.MeetingActions;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /spec}, the start form, replies in interview threads and the interview
 * buttons. Each handler hands over to the {@link Interviewer} and acknowledges; nothing slow
 * happens here.
 */
public final class SlackFrontEnd {
  private static final Logger log = LoggerFactory.getLogger(SlackFrontEnd.class);
  private static final Pattern BUTTONS = Pattern.compile("^specbot_.*");

  /** The meeting's buttons and pickers, and Read it, share this prefix. */
  private static final String MEETING_ACTIONS = "specbot_meeting_";

  private final TemplateCatalog catalog;
  private final Interviewer interviewer;
  private final MeetingActions meetings;
  private final Directory directory;
  private final Revisions revisions;
  private final CatchUp catchUp;

  public SlackFrontEnd(
      TemplateCatalog catalog,
      Interviewer interviewer,
      MeetingActions meetings,
      Directory directory,
      Revisions revisions,
      CatchUp catchUp) {
    this.catalog = catalog;
    this.interviewer = interviewer;
    this.meetings = meetings;
    this.directory = directory;
    this.revisions = revisions;
    this.catchUp = catchUp;
  }

  public App app(AppConfig config) {
    App app = new App(config);
    app.command("/spec", this::slashCommand);
    app.viewSubmission(ActionIds.START_VIEW, this::startForm);
    app.event(
        MessageEvent.class, (payload, ctx) -> reply(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        MessageFileShareEvent.class,
        (payload, ctx) -> fileShare(payload.getEventId(), payload.getEvent(), ctx));
    // Subtypes specbot receives but does not act on; unhandled events get a 404 and Slack retries
    // them.
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(
        MessageChangedEvent.class,
        (payload, ctx) -> changed(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        MessageDeletedEvent.class,
        (payload, ctx) -> {
          MessageDeletedEvent deleted = payload.getEvent();
          revisions.deleted(payload.getEventId(), deleted.getChannel(), deleted.getDeletedTs());
          return ctx.ack();
        });
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> ctx.ack());
    app.blockAction(BUTTONS, this::button);
    return app;
  }

  private Response slashCommand(SlashCommandRequest request, SlashCommandContext ctx) {
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
    try {
      var opened =
          ctx.client()
              .viewsOpen(
                  r ->
                      r.triggerId(command.getTriggerId())
                          .view(
                              InterviewMessages.startModal(
                                  catalog, command.getChannelId(), templateId)));
      if (opened.isOk()) {
        return ctx.ack();
      }
      log.warn("views.open failed for user {}: {}", command.getUserId(), opened.getError());
    } catch (Exception e) {
      log.warn("views.open failed for user {}", command.getUserId(), e);
    }
    return ctx.ack(
        "I could not open the form just now. Start directly with `/spec TEMPLATE TITLE`, e.g. `/spec "
            + templateId.orElse("echo-tech-spec")
            + " Payment retries`.");
  }

  private Response startForm(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload submission = request.getPayload();
    Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
    Optional<Template> template =
        value(values, ActionIds.TEMPLATE_BLOCK)
            .map(ViewState.Value::getSelectedOption)
            .map(ViewState.SelectedOption::getValue)
            .flatMap(catalog::find);
    String title =
        value(values, ActionIds.TITLE_BLOCK).map(ViewState.Value::getValue).orElse("").strip();
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
        value(values, ActionIds.CHANNEL_BLOCK)
            .map(ViewState.Value::getSelectedConversation)
            .orElse(submission.getView().getPrivateMetadata());
    directory.warm(submission.getUser().getId());
    interviewer.start(
        template.get(),
        title,
        submission.getUser().getId(),
        submission.getUser().getName(),
        new SlackPlace(submission.getTeam().getId(), channel, Optional.empty(), Optional.empty()));
    return ctx.ack();
  }

  private static Optional<ViewState.Value> value(
      Map<String, Map<String, ViewState.Value>> values, String block) {
    return Optional.ofNullable(values.get(block)).map(actions -> actions.get(block));
  }

  private Response reply(String eventId, MessageEvent message, EventContext ctx) {
    if (message.getThreadTs() != null && message.getBotId() == null) {
      threadReply(
          eventId,
          message.getChannel(),
          message.getThreadTs(),
          message.getTs(),
          message.getUser(),
          message.getText());
    }
    return ctx.ack();
  }

  /**
   * A message in a thread, for the interviewer: after the replies the bot missed there while it was
   * down, when it has not read that thread yet.
   */
  private void threadReply(
      String eventId, String channel, String threadTs, String ts, String user, String text) {
    catchUp.afterCatchUp(
        channel, threadTs, () -> interviewer.reply(eventId, channel, threadTs, ts, user, text));
  }

  /** An edited message: if it was an answer, the answer changes with it. */
  private Response changed(String eventId, MessageChangedEvent event, EventContext ctx) {
    MessageChangedEvent.Message message = event.getMessage();
    if (message != null && message.getBotId() == null && message.getUser() != null) {
      revisions.edited(
          eventId,
          event.getChannel(),
          message.getTs(),
          message.getUser(),
          Optional.ofNullable(message.getText()).orElse(""));
    }
    return ctx.ack();
  }

  /** A reply with files: its text and a link to each file, so nothing attached is lost. */
  private Response fileShare(String eventId, MessageFileShareEvent message, EventContext ctx) {
    if (message.getThreadTs() != null && message.getUser() != null) {
      threadReply(
          eventId,
          message.getChannel(),
          message.getThreadTs(),
          message.getTs(),
          message.getUser(),
          ReplyText.of(message.getText(), message.getFiles()));
    }
    return ctx.ack();
  }

  private Response button(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    BlockActionPayload.Action action = payload.getActions().get(0);
    String messageTs = payload.getContainer() == null ? "" : payload.getContainer().getMessageTs();
    String key = messageTs + ":" + action.getActionTs() + ":" + payload.getUser().getId();
    if (action.getActionId().startsWith(MEETING_ACTIONS)) {
      meetings.press(
          new MeetingActions.Press(
              key,
              action.getActionId(),
              Optional.ofNullable(action.getValue()).orElse(""),
              payload.getUser().getId(),
              payload.getChannel().getId(),
              pickers(payload.getState())));
      return ctx.ack();
    }
    Optional<Input> input = inputOf(action.getActionId());
    if (input.isPresent()) {
      interviewer.press(
          key,
          action.getValue(),
          payload.getUser().getId(),
          payload.getChannel().getId(),
          input.get());
    }
    return ctx.ack();
  }

  /** The schedule pickers' values, as the message held them when a button was pressed. */
  private static MeetingActions.Pickers pickers(ViewState state) {
    if (state == null || state.getValues() == null) {
      return MeetingActions.Pickers.NONE;
    }
    Map<String, ViewState.Value> when =
        state.getValues().getOrDefault(ActionIds.WHEN_BLOCK, Map.of());
    Map<String, ViewState.Value> who =
        state.getValues().getOrDefault(ActionIds.WHO_BLOCK, Map.of());
    Optional<ViewState.Value> date = Optional.ofNullable(when.get(ActionIds.DATE));
    Optional<ViewState.Value> time = Optional.ofNullable(when.get(ActionIds.TIME));
    Optional<ViewState.Value> length = Optional.ofNullable(when.get(ActionIds.LENGTH));
    return new MeetingActions.Pickers(
        date.map(ViewState.Value::getSelectedDate),
        time.map(ViewState.Value::getSelectedTime),
        length.map(ViewState.Value::getSelectedOption).map(ViewState.SelectedOption::getValue),
        Optional.ofNullable(who.get(ActionIds.ATTENDEES))
            .map(ViewState.Value::getSelectedUsers)
            .orElse(List.of()));
  }

  private static Optional<Input> inputOf(String actionId) {
    return Optional.ofNullable(
        switch (actionId) {
          case ActionIds.SKIP -> new Input.Skip();
          case ActionIds.BACK -> new Input.Back();
          case ActionIds.RESUME -> new Input.Resume();
          case ActionIds.CONFIRM_CANCEL -> new Input.ConfirmCancel();
          case ActionIds.KEEP_GOING -> new Input.KeepGoing();
          case ActionIds.PAUSE -> new Input.Pause();
          default -> null;
        });
  }

  private String listOf(String userId) {
    List<StoredInterview> interviews = interviewer.interviewsOf(userId);
    if (interviews.isEmpty()) {
      return "You have no specs yet. Start one with `/spec`.";
    }
    StringBuilder text = new StringBuilder("*Your specs*");
    List<StoredInterview> shown = interviews.subList(0, Math.min(20, interviews.size()));
    Map<String, String> meetingLines = interviewer.meetingLines(shown);
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
      Optional.ofNullable(meetingLines.get(stored.interview().id()))
          .ifPresent(line -> text.append(" · ").append(line));
    }
    return text.toString();
  }
}
