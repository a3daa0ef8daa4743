package dev.specbot.slack.interviews;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Optional;

/**
 * A reply in a thread as the inbox keeps it until it is taken in: what Slack's event said of it.
 * {@code botUserId} is the bot's own user when the listener knew it, else null.
 */
public record ThreadReply(
    String eventId,
    String channel,
    String threadTs,
    String ts,
    String user,
    String text,
    String botUserId) {
  private static final Gson GSON = new Gson();

  /**
   * One per message: Slack's retries of its event, and the event itself, share it. The same as the
   * key the interviewer keeps for the reply ({@link Keys}), so that taking the reply in forgets it
   * in the same write.
   */
  public String key() {
    return keyOf(channel, ts);
  }

  static String keyOf(String channel, String ts) {
    return "message:" + channel + ":" + ts;
  }

  /** The thread's own key: its replies are taken in one after another. */
  String thread() {
    return channel + ":" + threadTs;
  }

  /** As the inbox stores it (linear in the text). */
  public String json() {
    return GSON.toJson(this);
  }

  /** Read back from the inbox; empty when it cannot be read. */
  static Optional<ThreadReply> fromJson(String json) {
    try {
      ThreadReply reply = GSON.fromJson(json, ThreadReply.class);
      return reply == null || reply.channel == null || reply.threadTs == null || reply.ts == null
          ? Optional.empty()
          : Optional.of(reply);
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }
}
