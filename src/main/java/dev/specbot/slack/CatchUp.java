package dev.specbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.Message;
import dev.specbot.interview.Interview;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, reads each interview's thread and takes in the drafter's replies that arrived
 * while the bot was down, in order, before the next question. Replies already handled are
 * recognised by their ts and skipped; one that arrives both here and as a late event is handled
 * once.
 */
final class CatchUp {
  private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
  private static final int PAGE = 200;

  private final Database database;
  private final MethodsClient slack;
  private final Interviewer interviewer;

  CatchUp(Database database, MethodsClient slack, Interviewer interviewer) {
    this.database = database;
    this.slack = slack;
    this.interviewer = interviewer;
  }

  void run() {
    List<StoredInterview> open = database.transaction(tx -> tx.interviews().listOpen());
    int taken = 0;
    for (StoredInterview stored : open) {
      if (stored.place().threadTs().isPresent()) {
        try {
          taken += catchUp(stored);
        } catch (Exception e) {
          log.warn(
              "Could not read the thread of interview {} (channel {}) to catch up: {}",
              stored.interview().id(),
              stored.place().channelId(),
              e.getMessage());
        }
      }
    }
    log.info("Caught up with {} open interviews: {} replies taken in", open.size(), taken);
  }

  private int catchUp(StoredInterview stored) throws Exception {
    String channel = stored.place().channelId();
    String thread = stored.place().threadTs().orElseThrow();
    Interview interview = stored.interview();
    boolean continuesPrevious = false;
    int taken = 0;
    for (Message reply : drafterReplies(channel, thread, interview.drafterId())) {
      Interviewer.Outcome outcome =
          interviewer.reply(
              "catch-up:" + channel + ":" + reply.getTs(),
              channel,
              thread,
              reply.getTs(),
              reply.getUser(),
              ReplyText.of(reply.getText(), reply.getFiles()),
              continuesPrevious);
      // Replies written while the bot was down were all written before its next question.
      continuesPrevious = outcome == Interviewer.Outcome.HANDLED;
      taken += continuesPrevious ? 1 : 0;
    }
    return taken;
  }

  /** The drafter's own replies in the thread, oldest first, every page of them. */
  private List<Message> drafterReplies(String channel, String thread, String drafterId)
      throws Exception {
    List<Message> replies = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      String page = cursor.orElse(null);
      var response =
          slack.conversationsReplies(r -> r.channel(channel).ts(thread).limit(PAGE).cursor(page));
      if (!response.isOk()) {
        throw new SlackCallFailed("conversations.replies", response.getError());
      }
      for (Message message : Optional.ofNullable(response.getMessages()).orElse(List.of())) {
        if (drafterId.equals(message.getUser())
            && message.getBotId() == null
            && !thread.equals(message.getTs())
            && (message.getSubtype() == null || "file_share".equals(message.getSubtype()))) {
          replies.add(message);
        }
      }
      cursor =
          Optional.ofNullable(response.getResponseMetadata())
              .map(metadata -> metadata.getNextCursor())
              .filter(next -> !next.isBlank());
    } while (cursor.isPresent());
    replies.sort(Comparator.comparing(message -> new java.math.BigDecimal(message.getTs())));
    return replies;
  }
}
