package dev.specbot.slack.listeners;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The forms the listeners open and read. A form opens at once, from the listener: its trigger
 * expires within seconds, so it cannot wait in the outbox.
 */
final class Forms {
  private static final Logger log = LoggerFactory.getLogger(Forms.class);

  private Forms() {}

  /** Opens {@code view} for {@code userId}; false (logged) when Slack would not open it. */
  static boolean open(MethodsClient client, String triggerId, View view, String userId) {
    try {
      var opened = client.viewsOpen(r -> r.triggerId(triggerId).view(view));
      if (opened.isOk()) {
        return true;
      }
      log.warn("views.open failed for user {}: {}", userId, opened.getError());
    } catch (Exception e) {
      log.warn("views.open failed for user {}", userId, e);
    }
    return false;
  }

  /** The value a submitted form holds in {@code block}, whose one element shares its id. */
  static Optional<ViewState.Value> value(
      Map<String, Map<String, ViewState.Value>> values, String block) {
    return Optional.ofNullable(values.get(block)).map(actions -> actions.get(block));
  }
}
