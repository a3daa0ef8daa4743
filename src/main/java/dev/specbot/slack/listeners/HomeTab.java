package dev.specbot.slack.listeners;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import dev.specbot.slack.home.HomeDesk;
import dev.specbot.slack.interviews.InterviewMessages;
import dev.specbot.template.TemplateCatalog;
import java.util.Optional;

/**
 * The Home tab: opening it hands over to the {@link HomeDesk}; its New spec button opens the {@code
 * /spec} form.
 */
final class HomeTab {
  private final TemplateCatalog catalog;
  private final HomeDesk desk;

  HomeTab(TemplateCatalog catalog, HomeDesk desk) {
    this.catalog = catalog;
    this.desk = desk;
  }

  Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    // The Messages and About tabs send this event too; only the Home tab shows specbot's home.
    if ("home".equals(event.getTab()) && event.getUser() != null) {
      desk.opened(
          Optional.ofNullable(payload.getTeamId()).orElse(ctx.getTeamId()), event.getUser());
    }
    return ctx.ack();
  }

  /**
   * Opens the form at once (its trigger expires within seconds). There is no channel to start in:
   * the form's channel picker starts empty, and the spec starts where the person picks.
   */
  Response newSpec(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    String user = payload.getUser().getId();
    View form = InterviewMessages.startModal(catalog, "", Optional.empty());
    if (!Forms.open(ctx.client(), payload.getTriggerId(), form, user)) {
      desk.formNotOpened(user);
    }
    return ctx.ack();
  }
}
