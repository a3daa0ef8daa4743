package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Message;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a message specbot posted, by the outbox id in its metadata: in a thread, or among a
 * channel's (or a DM's) latest messages. This is how a message whose sender died after Slack took
 * it, but before the outbox recorded it, is not posted twice.
 */
public final class PostedMessages {
  /** A resent message is recent: it was due minutes ago, so the latest page is enough. */
  private static final int RECENT = 100;

  private final MethodsClient slack;
  private final String eventType;

  PostedMessages(MethodsClient slack, String eventType) {
    this.slack = slack;
    this.eventType = eventType;
  }

  /** Finds what the outbox posted: the metadata {@link SlackSender} gives every message. */
  public static PostedMessages of(MethodsClient slack) {
    return new PostedMessages(slack, SlackSender.METADATA_EVENT);
  }

  /** The ts of the message carrying {@code outboxId}, if Slack has it. */
  public Optional<String> find(String channel, Optional<String> threadTs, String outboxId)
      throws IOException, SlackApiException {
    String where = isUser(channel) ? directChannel(channel) : channel;
    List<Message> messages = threadTs.isPresent() ? thread(where, threadTs.get()) : latest(where);
    return messages.stream().filter(m -> carries(m, outboxId)).map(Message::getTs).findFirst();
  }

  private List<Message> thread(String channel, String threadTs)
      throws IOException, SlackApiException {
    List<Message> all = new java.util.ArrayList<>();
    String cursor = null;
    do {
      String page = cursor;
      var replies =
          slack.conversationsReplies(
              r ->
                  r.channel(channel).ts(threadTs).includeAllMetadata(true).limit(200).cursor(page));
      if (!replies.isOk()) {
        return List.of();
      }
      all.addAll(Optional.ofNullable(replies.getMessages()).orElse(List.of()));
      cursor =
          replies.getResponseMetadata() == null
              ? null
              : replies.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isBlank());
    return all;
  }

  private List<Message> latest(String channel) throws IOException, SlackApiException {
    var history =
        slack.conversationsHistory(r -> r.channel(channel).includeAllMetadata(true).limit(RECENT));
    return history.isOk()
        ? Optional.ofNullable(history.getMessages()).orElse(List.of())
        : List.of();
  }

  /** A post to a user id lands in the app's DM with them, which history needs by its own id. */
  private String directChannel(String userId) throws IOException, SlackApiException {
    var opened = slack.conversationsOpen(r -> r.users(List.of(userId)));
    return opened.isOk() && opened.getChannel() != null ? opened.getChannel().getId() : userId;
  }

  private boolean carries(Message message, String outboxId) {
    Message.Metadata metadata = message.getMetadata();
    if (metadata == null || !eventType.equals(metadata.getEventType())) {
      return false;
    }
    Map<String, Object> payload = metadata.getEventPayload();
    return payload != null && outboxId.equals(payload.get("outbox_id"));
  }

  private static boolean isUser(String channel) {
    return channel.startsWith("U") || channel.startsWith("W");
  }
}
