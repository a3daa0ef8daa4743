package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.SlackLimits;
import dev.specbot.storage.Database;
import dev.specbot.storage.Home;
import dev.specbot.storage.HomeRows;
import java.io.IOException;
import java.time.Clock;
import java.util.function.Function;

/**
 * Publishes a person's Home tab as it stands when it is sent: their specs read in one short
 * transaction, the view built after it, then {@code views.publish}. Publishing again is harmless
 * (the tab shows the latest), so a retry needs no look-up of an earlier attempt.
 */
final class HomeSender {
  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final Function<HomeRows, View> view;

  /** {@code view} renders a person's home (slack.home's HomeView, handed over by SlackBot). */
  HomeSender(Database database, MethodsClient slack, Clock clock, Function<HomeRows, View> view) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
    this.view = view;
  }

  /** Publishes the home; returns the view's id for the record. */
  String publish(Delivery delivery) throws IOException, SlackApiException, SlackCallFailed {
    String userId = delivery.user();
    HomeRows rows = database.transaction(tx -> tx.home().of(userId, clock.instant(), Home.PAGE));
    View home = view.apply(rows);
    ViewsPublishResponse response = slack.viewsPublish(r -> r.userId(userId).view(home));
    if (!response.isOk()) {
      throw new SlackCallFailed(SlackLimits.PUBLISH_VIEW, response.getError());
    }
    return response.getView() == null ? "" : response.getView().getId();
  }
}
