package dev.specbot.slack.listeners;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.specbot.interview.Commands;
import dev.specbot.interview.Input;
import dev.specbot.slack.interviews.CatchUp;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.interviews.ReplyText;
import dev.specbot.slack.interviews.Revisions;
import dev.specbot.slack.webapi.Directory;
import java.util.Optional;

/**
 * Messages in channels the bot is in: a reply in an interview's thread (with its files), an edit
 * and a deletion. Each goes to the room that owns it and is acknowledged; a reply waits behind
 * catching up on the thread when the bot has not read it since it was down.
 */
final class ThreadEvents {
  private final Interviewer interviewer;
  private final Revisions revisions;
  private final CatchUp catchUp;
  private final Directory directory;

  ThreadEvents(Interviewer interviewer, Revisions revisions, CatchUp catchUp, Directory directory) {
    this.interviewer = interviewer;
    this.directory = directory;
    this.revisions = revisions;
    this.catchUp = catchUp;
  }

  Response reply(String eventId, MessageEvent message, EventContext ctx) {
    if (message.getThreadTs() != null && message.getBotId() == null) {
      threadReply(
          eventId,
          message.getChannel(),
          message.getThreadTs(),
          message.getTs(),
          message.getUser(),
          message.getText(),
          Optional.ofNullable(ctx.getBotUserId()));
    }
    return ctx.ack();
  }

  /**
   * A message in a thread, for the interviewer: after the replies the bot missed there while it was
   * down, when it has not read that thread yet.
   */
  private void threadReply(
      String eventId,
      String channel,
      String threadTs,
      String ts,
      String user,
      String text,
      Optional<String> botUserId) {
    lookUpTeammate(text, botUserId);
    catchUp.afterCatchUp(
        channel,
        threadTs,
        () -> interviewer.reply(eventId, channel, threadTs, ts, user, text, false, botUserId));
  }

  /**
   * A hand-over names a teammate: looked up (a read, not queued) before the interviewer stores
   * their name with it. Text is read as a command only when it is short, so this costs nothing for
   * answers.
   */
  private void lookUpTeammate(String text, Optional<String> botUserId) {
    if (text != null
        && text.length() < 200
        && Commands.command(text).orElse(null) instanceof Input.Assign assign
        && botUserId.filter(assign.assigneeId()::equals).isEmpty()) {
      directory.lookUp(assign.assigneeId());
    }
  }

  /** An edited message: if it was an answer, the answer changes with it. */
  Response changed(String eventId, MessageChangedEvent event, EventContext ctx) {
    MessageChangedEvent.Message message = event.getMessage();
    if (message != null && message.getBotId() == null && message.getUser() != null) {
      revisions.edited(
          eventId,
          event.getChannel(),
          message.getTs(),
          message.getUser(),
          Optional.ofNullable(message.getText()).orElse(""));
    }
    return ctx.ack();
  }

  /** A reply with files: its text and a link to each file, so nothing attached is lost. */
  Response fileShare(String eventId, MessageFileShareEvent message, EventContext ctx) {
    if (message.getThreadTs() != null && message.getUser() != null) {
      threadReply(
          eventId,
          message.getChannel(),
          message.getThreadTs(),
          message.getTs(),
          message.getUser(),
          ReplyText.of(message.getText(), message.getFiles()),
          Optional.ofNullable(ctx.getBotUserId()));
    }
    return ctx.ack();
  }

  /** A deleted message: if it was an answer, the answer goes with it. */
  Response deleted(String eventId, MessageDeletedEvent deleted, EventContext ctx) {
    revisions.deleted(eventId, deleted.getChannel(), deleted.getDeletedTs());
    return ctx.ack();
  }
}
