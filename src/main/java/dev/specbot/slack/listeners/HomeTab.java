package dev.specbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import dev.specbot.slack.interviews.InterviewMessages;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import dev.specbot.template.TemplateCatalog;
import java.time.Clock;
import java.util.Optional;

/**
 * The Home tab: opening it records that the person reads it and queues their home, published at
 * once; its New spec button opens the {@code /spec} form. A retried event only queues the home
 * again, which replaces the one waiting (see the outbox's home lanes).
 */
public final class HomeTab {
  /** What a person is told when Slack would not open the form (its trigger ran out). */
  static final String FORM_NOT_OPENED =
      "I could not open the New spec form just now. Press *New spec* again, or type `/spec` in"
          + " the channel the spec belongs in.";

  private final TemplateCatalog catalog;
  private final Database database;
  private final Clock clock;
  private final Runnable wake;

  /** {@code wake} tells the outbox that something was queued. */
  public HomeTab(TemplateCatalog catalog, Database database, Clock clock, Runnable wake) {
    this.catalog = catalog;
    this.database = database;
    this.clock = clock;
    this.wake = wake;
  }

  Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    // The Messages and About tabs open this event too; only the Home tab shows specbot's home.
    if (!"home".equals(event.getTab()) || event.getUser() == null) {
      return ctx.ack();
    }
    String team = Optional.ofNullable(payload.getTeamId()).orElse(ctx.getTeamId());
    database.transaction(
        tx -> {
          tx.home().opened(team, event.getUser(), clock.instant());
          return Delivery.home(team, event.getUser()).enqueue(tx, clock.instant());
        });
    wake.run();
    return ctx.ack();
  }

  /**
   * Opens the form at once (its trigger expires within seconds). There is no channel to start in:
   * the form's channel picker starts empty, and the spec starts where the person picks.
   */
  Response newSpec(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    String user = payload.getUser().getId();
    var form = InterviewMessages.startModal(catalog, "", Optional.empty());
    if (!Forms.open(ctx.client(), payload.getTriggerId(), form, user)) {
      database.transaction(
          tx ->
              new Delivery(
                      Delivery.Kind.POST_DM,
                      null,
                      null,
                      user,
                      FORM_NOT_OPENED,
                      null,
                      null,
                      null,
                      null,
                      null)
                  .enqueue(tx, clock.instant()));
      wake.run();
    }
    return ctx.ack();
  }
}
