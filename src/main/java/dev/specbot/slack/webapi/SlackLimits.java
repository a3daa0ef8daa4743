package dev.specbot.slack.webapi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Slack's rate limits for the methods specbot calls, as Slack publishes them: each method's tier
 * per workspace (docs.slack.dev/apis/web-api/rate-limits: Tier 3 "50+ per minute", Tier 4 "100+ per
 * minute"), and chat.postMessage's "one message per second per channel, with short bursts". Slack
 * does not publish chat.postMessage's limit across a workspace; it is a setting ({@code
 * SPECBOT_SLACK_POSTS_PER_MINUTE}, 600 by default), and a 429 that still comes is honoured.
 */
public final class SlackLimits {
  /** At most {@code count} calls in any {@code window}. */
  public record Limit(int count, Duration window) {
    public Limit {
      Objects.requireNonNull(window, "null window");
      if (count < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("not a limit: " + count + " per " + window);
      }
    }

    static Limit perMinute(int count) {
      return new Limit(count, Duration.ofMinutes(1));
    }
  }

  public static final String POST_MESSAGE = "chat.postMessage";

  /** A person's Home tab: Tier 4 on its reference page (docs.slack.dev/reference/methods). */
  public static final String PUBLISH_VIEW = "views.publish";

  public static final int DEFAULT_POSTS_PER_MINUTE = 600;

  private static final Limit TIER_2 = Limit.perMinute(20);
  private static final Limit TIER_3 = Limit.perMinute(50);
  private static final Limit TIER_4 = Limit.perMinute(100);

  /** Bursts of three, one a second on average: "short bursts" read as the fewest that are. */
  private static final Limit PER_CHANNEL = new Limit(3, Duration.ofSeconds(3));

  private final Map<String, Limit> perWorkspace;
  private final Map<String, Limit> perChannel;

  private SlackLimits(Map<String, Limit> perWorkspace, Map<String, Limit> perChannel) {
    this.perWorkspace = Map.copyOf(perWorkspace);
    this.perChannel = Map.copyOf(perChannel);
  }

  /** No limits: for a Slack that sets none (a test's fake). */
  public static SlackLimits none() {
    return new SlackLimits(Map.of(), Map.of());
  }

  /** Slack's published limits, with {@code postsPerMinute} for chat.postMessage's workspace. */
  public static SlackLimits published(int postsPerMinute) {
    Map<String, Limit> methods = new HashMap<>();
    // Tier 3 on their reference pages: chat.update, conversations.replies (for internal apps; an
    // app distributed outside the Marketplace gets one a minute), conversations.history, the
    // canvas edits and look-ups, files.list (a canvas an interrupted call may have made).
    for (String method :
        new String[] {
          "chat.update",
          "conversations.replies",
          "conversations.history",
          "conversations.open",
          "canvases.edit",
          "canvases.sections.lookup",
          "canvases.access.set",
          "files.list"
        }) {
      methods.put(method, TIER_3);
    }
    for (String method :
        new String[] {
          "users.info",
          "chat.postEphemeral",
          "chat.getPermalink",
          "views.open",
          PUBLISH_VIEW,
          "files.getUploadURLExternal",
          "files.completeUploadExternal"
        }) {
      methods.put(method, TIER_4);
    }
    // Tier 2 on its reference page: a spec's canvas is made once, then edited.
    methods.put("canvases.create", TIER_2);
    methods.put(POST_MESSAGE, Limit.perMinute(postsPerMinute));
    return new SlackLimits(methods, Map.of(POST_MESSAGE, PER_CHANNEL));
  }

  Optional<Limit> workspace(String method) {
    return Optional.ofNullable(perWorkspace.get(method));
  }

  Optional<Limit> channel(String method) {
    return Optional.ofNullable(perChannel.get(method));
  }

  boolean isEmpty() {
    return perWorkspace.isEmpty() && perChannel.isEmpty();
  }
}
