package dev.specbot.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an interview lives in Slack.
 *
 * @param teamId the workspace
 * @param channelId the channel (or DM) of its parent message
 * @param threadTs the parent message's ts, once it is posted: the interview's thread
 * @param permalink a link to the parent message, once it is posted and if Slack gave one
 */
public record SlackPlace(
    String teamId, String channelId, Optional<String> threadTs, Optional<String> permalink) {

  public SlackPlace {
    Objects.requireNonNull(teamId, "null teamId");
    Objects.requireNonNull(channelId, "null channelId");
    Objects.requireNonNull(threadTs, "null threadTs");
    Objects.requireNonNull(permalink, "null permalink");
  }
}
