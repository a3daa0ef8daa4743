package dev.specbot.slack.fake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages in the fake workspace, so that conversations.replies can return a thread. Indexed by
 * message and by thread: a load run posts tens of thousands, and every chat.update and thread read
 * runs under the fake's lock, which each of the bot's calls waits for.
 */
final class Messages {
  // Keyed by channel and ts, in the order posted.
  private final Map<String, Message> messages = new LinkedHashMap<>();
  // Each thread's replies' keys, by the channel and ts of the thread's parent.
  private final Map<String, List<String>> replies = new HashMap<>();

  /**
   * One message.
   *
   * @param threadTs the parent's ts for a reply, else null
   * @param botId the bot that posted it, else null
   * @param blocks the blocks as JSON text, else null
   */
  record Message(
      String channel,
      String ts,
      String threadTs,
      String user,
      String botId,
      String text,
      String blocks,
      String metadata) {
    Message {
      Objects.requireNonNull(channel, "null channel");
      Objects.requireNonNull(ts, "null ts");
      Objects.requireNonNull(user, "null user");
      Objects.requireNonNull(text, "null text");
    }

    boolean isIn(String channel, String threadTs) {
      return this.channel.equals(channel)
          && (ts.equals(threadTs) || threadTs.equals(this.threadTs));
    }
  }

  void add(Message message) {
    String key = key(message.channel(), message.ts());
    messages.put(key, message);
    if (message.threadTs() != null && !message.threadTs().equals(message.ts())) {
      replies
          .computeIfAbsent(key(message.channel(), message.threadTs()), k -> new ArrayList<>())
          .add(key);
    }
  }

  /** Replaces a message's text and blocks, as chat.update does; false if there is no such one. */
  boolean update(String channel, String ts, String text, String blocks) {
    Message old = messages.get(key(channel, ts));
    if (old == null) {
      return false;
    }
    messages.put(
        key(channel, ts),
        new Message(
            channel, ts, old.threadTs(), old.user(), old.botId(), text, blocks, old.metadata()));
    return true;
  }

  Optional<Message> find(String channel, String ts) {
    return Optional.ofNullable(messages.get(key(channel, ts)));
  }

  /** The channel's top-level messages (thread parents included), newest first. */
  List<Message> history(String channel) {
    List<Message> top = new ArrayList<>();
    for (Message message : messages.values()) {
      if (message.channel().equals(channel)
          && (message.threadTs() == null || message.threadTs().equals(message.ts()))) {
        top.add(0, message);
      }
    }
    return top;
  }

  /** The thread's parent (if known) and its replies, oldest first. */
  List<Message> thread(String channel, String threadTs) {
    List<Message> thread = new ArrayList<>();
    find(channel, threadTs).ifPresent(thread::add);
    for (String reply : replies.getOrDefault(key(channel, threadTs), List.of())) {
      thread.add(messages.get(reply));
    }
    // Numeric, not textual: "999.1" sorts before "1000.1".
    thread.sort(Comparator.comparing(message -> new BigDecimal(message.ts())));
    return thread;
  }

  /** Removes a thread: its parent and replies. */
  void forget(String channel, String threadTs) {
    messages.remove(key(channel, threadTs));
    for (String reply : replies.getOrDefault(key(channel, threadTs), List.of())) {
      messages.remove(reply);
    }
    replies.remove(key(channel, threadTs));
  }

  void clear() {
    messages.clear();
    replies.clear();
  }

  private static String key(String channel, String ts) {
    return channel + " " + ts;
  }
}
