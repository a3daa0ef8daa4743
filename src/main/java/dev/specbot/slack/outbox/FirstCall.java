package dev.specbot.slack.outbox;

import dev.specbot.slack.webapi.SlackLimits;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.SpecCanvas;
import java.util.Optional;

/**
 * The Web API call a delivery begins with, and the channel it is made in: the call whose rate limit
 * the dispatcher reserves before it takes the message for sending. The calls that may follow (a
 * permalink, a look-up of an earlier attempt, an upload's completion) are paced as they go out.
 *
 * @param channel null when the method is not limited by channel
 */
record FirstCall(String method, String channel) {
  /** What a delivery to GitHub begins with: a name no Slack limit has. */
  static final String GITHUB = "github";

  static FirstCall of(DeliveryRoute delivery, Optional<SlackPlace> place) {
    String channel = place.map(SlackPlace::channelId).orElse(null);
    return switch (delivery.kind()) {
      case POST_PARENT, POST_IN_THREAD, POST_IN_CHANNEL ->
          new FirstCall(SlackLimits.POST_MESSAGE, channel);
      case POST_DM -> new FirstCall(SlackLimits.POST_MESSAGE, delivery.user());
      case UPDATE_PARENT -> new FirstCall("chat.update", channel);
      case POST_EPHEMERAL -> new FirstCall("chat.postEphemeral", delivery.channel());
      case UPLOAD_DOCUMENT, UPLOAD_IN_THREAD -> new FirstCall("files.getUploadURLExternal", null);
      case SYNC_CANVAS -> ofCanvas(Optional.empty());
      case PUBLISH_HOME -> new FirstCall(SlackLimits.PUBLISH_VIEW, null);
      // Not Slack's: no Slack limit to reserve. GitHub's are kept by GitHubSender's retries.
      case GITHUB_PUBLISH, GITHUB_EDIT, GITHUB_COMMENT, GITHUB_TICKET ->
          new FirstCall(GITHUB, null);
    };
  }

  /** A canvas's first call: made once (Tier 2), then edited (Tier 3). */
  static FirstCall ofCanvas(Optional<SpecCanvas> canvas) {
    boolean made = canvas.flatMap(SpecCanvas::canvasId).isPresent();
    return new FirstCall(made ? "canvases.edit" : "canvases.create", null);
  }
}
