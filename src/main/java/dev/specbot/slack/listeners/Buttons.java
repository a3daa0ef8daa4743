package dev.specbot.slack.listeners;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import dev.specbot.interview.Input;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.meetings.MeetingActions;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.reviews.ReviewActions;
import dev.specbot.slack.reviews.ReviewForm;
import dev.specbot.slack.tickets.TicketActions;
import dev.specbot.slack.tickets.TicketChoice;
import dev.specbot.slack.webapi.Directory;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buttons on the bot's messages: the meeting's (with the pickers' values as they stood) go to
 * {@link MeetingActions}, the interview's to the {@link Interviewer}. A press is keyed by its
 * message, time and user, so that Slack's retry of it does nothing.
 */
final class Buttons {

  /** The meeting's buttons and pickers, and Read it, share this prefix. */
  private static final String MEETING_ACTIONS = "specbot_meeting_";

  /** A reviewer's buttons share this prefix. */
  private static final String REVIEW_ACTIONS = "specbot_review_";

  private final Interviewer interviewer;
  private final MeetingActions meetings;
  private final ReviewActions reviews;
  private final GitHubActions gitHub;
  private final TicketActions tickets;
  private final Directory directory;

  Buttons(
      Interviewer interviewer,
      MeetingActions meetings,
      ReviewActions reviews,
      GitHubActions gitHub,
      TicketActions tickets,
      Directory directory) {
    this.directory = directory;
    this.interviewer = interviewer;
    this.meetings = meetings;
    this.reviews = reviews;
    this.gitHub = gitHub;
    this.tickets = tickets;
  }

  Response pressed(BlockActionRequest request, ActionContext ctx) {
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
    if (action.getActionId().startsWith(REVIEW_ACTIONS) && openedForm(payload, action, ctx)) {
      return ctx.ack();
    }
    if (action.getActionId().startsWith(REVIEW_ACTIONS)) {
      reviews.press(
          new ReviewActions.Press(
              key,
              action.getActionId(),
              Optional.ofNullable(action.getValue()).orElse(""),
              payload.getUser().getId(),
              payload.getChannel().getId(),
              reviewers(payload.getState())));
      return ctx.ack();
    }
    if (action.getActionId().equals(ActionIds.PUBLISH_TO_GITHUB)) {
      gitHub.press(
          key, Optional.ofNullable(action.getValue()).orElse(""), payload.getUser().getId());
      return ctx.ack();
    }
    if (action.getActionId().equals(ActionIds.PROPOSE_TICKETS)) {
      String userId = payload.getUser().getId();
      tickets
          .press(key, Optional.ofNullable(action.getValue()).orElse(""), userId)
          .filter(form -> !Forms.open(ctx.client(), payload.getTriggerId(), form, userId))
          .ifPresent(notOpened -> tickets.formNotOpened(payload.getChannel().getId(), userId));
      return ctx.ack();
    }
    if (action.getActionId().equals(ActionIds.HAND_OVER)) {
      handOver(key, payload, action, ctx);
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

  /**
   * A teammate picked on a question: the question is handed to them, as {@code assign N @them}
   * would. Their name is looked up first, so the hand-over stores it.
   */
  private void handOver(
      String key, BlockActionPayload payload, BlockActionPayload.Action action, ActionContext ctx) {
    Optional<HandOverBlock> block = HandOverBlock.read(action.getBlockId());
    String chosen = action.getSelectedUser();
    if (block.isEmpty() || chosen == null || chosen.isBlank()) {
      return;
    }
    String userId = payload.getUser().getId();
    boolean toTheBot = chosen.equals(ctx.getBotUserId());
    if (!toTheBot && userId.equals(interviewer.drafterOf(block.get().interviewId()))) {
      directory.lookUp(chosen);
    }
    Input input =
        toTheBot
            ? new Input.Unclear(
                "I ask the questions, so I cannot answer one. Pick a teammate instead.")
            : new Input.Assign(List.of(block.get().number()), false, chosen, "");
    interviewer.press(key, block.get().interviewId(), userId, payload.getChannel().getId(), input);
  }

  /**
   * Request changes and Comment open their short form at once: its trigger expires within seconds,
   * so this cannot wait in the outbox. False when there is no form to open, or Slack would not open
   * it: the press then goes on as a plain press.
   */
  private boolean openedForm(
      BlockActionPayload payload, BlockActionPayload.Action action, ActionContext ctx) {
    Optional<ReviewForm.Kind> kind =
        switch (action.getActionId()) {
          case ActionIds.REQUEST_CHANGES -> Optional.of(ReviewForm.Kind.CHANGES);
          case ActionIds.COMMENT -> Optional.of(ReviewForm.Kind.COMMENT);
          default -> Optional.empty();
        };
    Optional<View> form =
        kind.flatMap(k -> reviews.form(k, Optional.ofNullable(action.getValue()).orElse("")));
    if (form.isEmpty()) {
      return false;
    }
    return Forms.open(ctx.client(), payload.getTriggerId(), form.get(), payload.getUser().getId());
  }

  /** A reviewer's short form, sent: a request for changes or a comment. */
  Response reviewFormSent(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload submission = request.getPayload();
    Map<String, Map<String, ViewState.Value>> values = submission.getView().getState().getValues();
    Optional<String> section =
        Forms.value(values, ActionIds.REVIEW_SECTION_BLOCK)
            .map(ViewState.Value::getSelectedOption)
            .map(ViewState.SelectedOption::getValue);
    Optional<String> text =
        Forms.value(values, ActionIds.REVIEW_TEXT_BLOCK).map(ViewState.Value::getValue);
    Optional<ReviewForm.Submitted> sent =
        ReviewForm.read(submission.getView().getPrivateMetadata(), section, text);
    if (sent.isEmpty()) {
      return ctx.ackWithErrors(Map.of(ActionIds.REVIEW_TEXT_BLOCK, "Say what, in a few words."));
    }
    // A view's id and hash name this submission: Slack's retry of it carries both again.
    String key = submission.getView().getId() + ":" + submission.getView().getHash();
    reviews.submitted(key, submission.getUser().getId(), sent.get());
    return ctx.ack();
  }

  /**
   * The ticket form, sent: the tickets chosen go to {@link TicketActions}; a ticked ticket without
   * a title, or none ticked, sends the form back with the errors by its fields.
   */
  Response ticketFormSent(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
    ViewSubmissionPayload submission = request.getPayload();
    TicketChoice.Read read = TicketChoice.read(submission.getView().getState().getValues());
    if (read instanceof TicketChoice.Refused refused) {
      return ctx.ackWithErrors(refused.errors());
    }
    // A view's id and hash name this submission: Slack's retry of it carries both again.
    String key = submission.getView().getId() + ":" + submission.getView().getHash();
    tickets.submitted(
        key,
        Optional.ofNullable(submission.getView().getPrivateMetadata()).orElse(""),
        submission.getUser().getId(),
        (TicketChoice.Chosen) read);
    return ctx.ack();
  }

  /** The reviewers picked on the review offer, as the message held them when it was pressed. */
  private static List<String> reviewers(ViewState state) {
    if (state == null || state.getValues() == null) {
      return List.of();
    }
    return Optional.ofNullable(state.getValues().get(ActionIds.REVIEWERS_BLOCK))
        .map(block -> block.get(ActionIds.REVIEWERS))
        .map(ViewState.Value::getSelectedUsers)
        .orElse(List.of());
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
}
