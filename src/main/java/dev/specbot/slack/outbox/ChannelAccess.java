package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets an interview a place to run when the bot cannot post where it was started: it joins a public
 * channel by itself; otherwise (a private channel, a DM with someone else, an archived channel) it
 * moves the interview to a DM with the drafter and says how to invite the bot.
 */
final class ChannelAccess {
  private static final Logger log = LoggerFactory.getLogger(ChannelAccess.class);
  private static final Set<String> MISSING =
      Set.of("not_in_channel", "channel_not_found", "is_archived");

  private final Database database;
  private final MethodsClient slack;

  ChannelAccess(Database database, MethodsClient slack) {
    this.database = database;
    this.slack = slack;
  }

  static boolean isMissing(String error) {
    return MISSING.contains(error);
  }

  /** The channel to post the interview in from now on. */
  String reachDrafter(String interviewId, String channel, String error)
      throws IOException, SlackApiException, SlackCallFailed {
    if (error.equals("not_in_channel") && channel.startsWith("C") && join(channel)) {
      return channel;
    }
    StoredInterview stored =
        database
            .transaction(tx -> tx.interviews().find(interviewId))
            .orElseThrow(() -> new SlackCallFailed("outbox", "interview_not_found"));
    String drafter = stored.interview().drafterId();
    var opened = slack.conversationsOpen(r -> r.users(List.of(drafter)));
    if (!opened.isOk()) {
      throw new SlackCallFailed("conversations.open", opened.getError());
    }
    String dm = opened.getChannel().getId();
    database.transaction(
        tx -> {
          tx.interviews().moveTo(interviewId, dm);
          return null;
        });
    log.info(
        "Interview {} moved from channel {} ({}) to a DM with its drafter",
        interviewId,
        channel,
        error);
    var explained = slack.chatPostMessage(r -> r.channel(dm).text(explanation(channel, error)));
    if (!explained.isOk()) {
      throw new SlackCallFailed("chat.postMessage", explained.getError());
    }
    return dm;
  }

  private boolean join(String channel) throws IOException, SlackApiException {
    var joined = slack.conversationsJoin(r -> r.channel(channel));
    if (!joined.isOk()) {
      log.info("Could not join channel {}: {}", channel, joined.getError());
    }
    return joined.isOk();
  }

  private static String explanation(String channel, String error) {
    String where = channel.startsWith("D") ? "that conversation" : "<#" + channel + ">";
    String why =
        error.equals("is_archived")
            ? where + " is archived"
            : "I am not a member of " + where + " and cannot join it by myself";
    return "I could not start your spec there: "
        + why
        + ". To use a private channel, invite me with"
        + " `/invite @specbot` and run `/spec` again. Meanwhile, your interview runs here.";
  }
}
