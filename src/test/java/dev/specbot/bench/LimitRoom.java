package dev.specbot.bench;

import dev.specbot.slack.fake.SlackModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether chat.postMessage's limits had room at a moment, as the fake Slack counts them (the posts
 * it performed): so that a next question can be told apart as one that could have gone at once
 * (what it took is the bot's own time) or one that found a limit full (what it took is pacing).
 */
final class LimitRoom {
  private final SlackModel.Limit workspace;
  private final SlackModel.Limit channel;
  private final Deque<Long> posts = new ArrayDeque<>();
  private final Map<String, Deque<Long>> byChannel = new HashMap<>();

  LimitRoom(SlackModel model) {
    this.workspace = model.limitOf("chat.postMessage").orElseThrow();
    this.channel = model.channelLimitOf("chat.postMessage").orElseThrow();
  }

  /** A post Slack performed in {@code channelId} at {@code nanos}. */
  synchronized void posted(String channelId, long nanos) {
    posts.addLast(nanos);
    byChannel.computeIfAbsent(channelId, unused -> new ArrayDeque<>()).addLast(nanos);
    forget(posts, nanos - 2 * workspace.window().toNanos());
    forget(byChannel.get(channelId), nanos - 2 * channel.window().toNanos());
  }

  /**
   * Whether a post in {@code channelId} at {@code nanos} would have been admitted by both limits.
   */
  synchronized boolean hadRoom(String channelId, long nanos) {
    return within(posts, workspace, nanos) < workspace.count()
        && within(byChannel.getOrDefault(channelId, new ArrayDeque<>()), channel, nanos)
            < channel.count();
  }

  private static int within(Deque<Long> times, SlackModel.Limit limit, long nanos) {
    long from = nanos - limit.window().toNanos();
    int count = 0;
    for (Long time : times) {
      if (time > from && time <= nanos) {
        count++;
      }
    }
    return count;
  }

  private static void forget(Deque<Long> times, long before) {
    while (!times.isEmpty() && times.peekFirst() < before) {
      times.removeFirst();
    }
  }
}
