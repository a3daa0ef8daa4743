package dev.specbot.slack.listeners;

import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import dev.specbot.interview.Commands;
import dev.specbot.interview.Input;
import dev.specbot.slack.interviews.ReplyInbox;
import dev.specbot.slack.interviews.ReplyText;
import dev.specbot.slack.interviews.Revisions;
import dev.specbot.slack.interviews.ThreadReply;
import dev.specbot.slack.webapi.Directory;
import java.util.Optional;

/**
 * Messages in channels the bot is in: a reply in a thread (with its files), an edit and a deletion.
 * Each goes to the room that owns it and is acknowledged; a reply is acknowledged once recorded in
 * the inbox, which takes it in after.
 */
final class ThreadEvents {
  private final ReplyInbox inbox;
  private final Revisions revisions;
  private final Directory directory;

  ThreadEvents(ReplyInbox inbox, Revisions revisions, Directory directory) {
    this.inbox = inbox;
    this.directory = directory;
    this.revisions = revisions;
  }

  Response reply(String eventId, MessageEvent message, EventContext ctx) {
    if (message.getThreadTs() != null && message.getBotId() == null) {
      threadReply(
          new ThreadReply(
              eventId,
              message.getChannel(),
              message.getThreadTs(),
              message.getTs(),
              message.getUser(),
              message.getText(),
              ctx.getBotUserId()));
    }
    return ctx.ack();
  }

  /** A message in a thread, for the interviewer: recorded, and taken in after the ack. */
  private void threadReply(ThreadReply reply) {
    lookUpTeammate(reply.text(), Optional.ofNullable(reply.botUserId()));
    inbox.receive(reply);
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
          new ThreadReply(
              eventId,
              message.getChannel(),
              message.getThreadTs(),
              message.getTs(),
              message.getUser(),
              ReplyText.of(message.getText(), message.getFiles()),
              ctx.getBotUserId()));
    }
    return ctx.ack();
  }

  /** A deleted message: if it was an answer, the answer goes with it. */
  Response deleted(String eventId, MessageDeletedEvent deleted, EventContext ctx) {
    revisions.deleted(eventId, deleted.getChannel(), deleted.getDeletedTs());
    return ctx.ack();
  }
}
