package dev.specbot.slack.fake;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The messages in the fake workspace, so that conversations.replies can return a thread. */
final class Messages {
  private final List<Message> messages = new ArrayList<>();

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
    messages.add(message);
  }

  /** Replaces a message's text and blocks, as chat.update does; false if there is no such one. */
  boolean update(String channel, String ts, String text, String blocks) {
    for (int i = 0; i < messages.size(); i++) {
      Message old = messages.get(i);
      if (old.channel().equals(channel) && old.ts().equals(ts)) {
        messages.set(
            i,
            new Message(
                channel,
                ts,
                old.threadTs(),
                old.user(),
                old.botId(),
                text,
                blocks,
                old.metadata()));
        return true;
      }
    }
    return false;
  }

  Optional<Message> find(String channel, String ts) {
    return messages.stream()
        .filter(message -> message.channel().equals(channel) && message.ts().equals(ts))
        .findFirst();
  }

  /** The channel's top-level messages (thread parents included), newest first. */
  List<Message> history(String channel) {
    List<Message> top = new ArrayList<>();
    for (Message message : messages) {
      if (message.channel().equals(channel)
          && (message.threadTs() == null || message.threadTs().equals(message.ts()))) {
        top.add(0, message);
      }
    }
    return top;
  }

  /** The thread's parent (if known) and its replies, oldest first. */
  List<Message> thread(String channel, String threadTs) {
    return messages.stream()
        .filter(message -> message.isIn(channel, threadTs))
        // Numeric, not textual: "999.1" sorts before "1000.1".
        .sorted(Comparator.comparing(message -> new BigDecimal(message.ts())))
        .toList();
  }

  void clear() {
    messages.clear();
  }
}
