package dev.specbot.slack.listeners;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.MessageThreadBroadcastEvent;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.home.HomeDesk;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.interviews.ReplyInbox;
import dev.specbot.slack.interviews.Revisions;
import dev.specbot.slack.meetings.MeetingActions;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.reviews.ReviewActions;
import dev.specbot.slack.tickets.TicketActions;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.template.TemplateCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Bolt app: {@code /spec} and its form ({@link SpecCommand}), messages in threads ({@link
 * ThreadEvents}), the buttons ({@link Buttons}) and the Home tab ({@link HomeTab}). Every way in
 * (HTTP, Socket Mode) serves this same app; each listener hands over to the room that owns the work
 * and acknowledges, so nothing slow happens here.
 */
public final class SlackFrontEnd {
  private static final Pattern BUTTONS = Pattern.compile("^specbot_.*");

  private final SpecCommand command;
  private final ThreadEvents thread;
  private final Buttons buttons;
  private final HomeTab home;

  public SlackFrontEnd(
      TemplateCatalog catalog,
      Interviewer interviewer,
      MeetingActions meetings,
      ReviewActions reviews,
      Directory directory,
      Revisions revisions,
      ReplyInbox inbox,
      GitHubActions gitHub,
      TicketActions tickets,
      HomeDesk home) {
    this.command = new SpecCommand(catalog, interviewer, directory);
    this.thread = new ThreadEvents(inbox, revisions, directory);
    this.buttons = new Buttons(interviewer, meetings, reviews, gitHub, tickets, directory);
    this.home = new HomeTab(catalog, home);
  }

  /**
   * The app, with {@code measuring} first in its middleware: ahead of Bolt's own (the signature
   * check, the token's), so that it times all Slack waits for, and sees requests they refuse.
   */
  public App app(AppConfig config, Middleware measuring) {
    App app =
        new App(config) {
          @Override
          protected List<Middleware> buildDefaultMiddlewareList(AppConfig appConfig) {
            List<Middleware> middleware = new ArrayList<>();
            middleware.add(measuring);
            middleware.addAll(super.buildDefaultMiddlewareList(appConfig));
            return middleware;
          }
        };
    app.command("/spec", command::slashCommand);
    app.viewSubmission(ActionIds.START_VIEW, command::startForm);
    app.viewSubmission(ActionIds.REVIEW_FORM, buttons::reviewFormSent);
    app.viewSubmission(ActionIds.TICKETS_FORM, buttons::ticketFormSent);
    app.event(
        MessageEvent.class,
        (payload, ctx) -> thread.reply(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        MessageFileShareEvent.class,
        (payload, ctx) -> thread.fileShare(payload.getEventId(), payload.getEvent(), ctx));
    // Subtypes specbot receives but does not act on; unhandled events get a 404 and Slack retries
    // them.
    app.event(MessageBotEvent.class, (payload, ctx) -> ctx.ack());
    app.event(
        MessageChangedEvent.class,
        (payload, ctx) -> thread.changed(payload.getEventId(), payload.getEvent(), ctx));
    app.event(
        MessageDeletedEvent.class,
        (payload, ctx) -> thread.deleted(payload.getEventId(), payload.getEvent(), ctx));
    app.event(MessageThreadBroadcastEvent.class, (payload, ctx) -> ctx.ack());
    app.blockAction(BUTTONS, buttons::pressed);
    app.event(AppHomeOpenedEvent.class, home::opened);
    app.blockAction(ActionIds.HOME_NEW_SPEC, home::newSpec);
    return app;
  }
}
