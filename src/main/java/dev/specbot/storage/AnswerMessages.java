package dev.specbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The Slack messages each answer came from, so that an edit or a deletion reaches the answer. */
public final class AnswerMessages {
  private final Handle handle;

  AnswerMessages(Handle handle) {
    this.handle = handle;
  }

  /** One message's part of an answer. */
  public record Part(String interviewId, String questionId, String ts, String text) {}

  private static final String RECORD =
      """
      INSERT INTO answer_messages (interview_id, channel_id, ts, question_id, text, received_at)
      VALUES (:interviewId, :channelId, :ts, :questionId, :text, :now)
      ON CONFLICT (channel_id, ts) DO UPDATE SET
        question_id = excluded.question_id, text = excluded.text
      """;

  /** Records that the message {@code channelId}/{@code ts} is (part of) this question's answer. */
  public void record(
      String interviewId,
      String channelId,
      String ts,
      String questionId,
      String text,
      Instant now) {
    handle
        .createUpdate(RECORD)
        .bind("interviewId", interviewId)
        .bind("channelId", channelId)
        .bind("ts", ts)
        .bind("questionId", questionId)
        .bind("text", text)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** Earlier answers to the question, superseded by a new one: their edits no longer count. */
  public void forget(String interviewId, String questionId) {
    handle
        .createUpdate(
            "DELETE FROM answer_messages WHERE interview_id = :interviewId AND question_id = :q")
        .bind("interviewId", interviewId)
        .bind("q", questionId)
        .execute();
  }

  private static final String FIND =
      """
      SELECT interview_id, question_id, ts, text FROM answer_messages
      WHERE channel_id = :channelId AND ts = :ts
      """;

  public Optional<Part> find(String channelId, String ts) {
    return handle
        .createQuery(FIND)
        .bind("channelId", channelId)
        .bind("ts", ts)
        .map(AnswerMessages::part)
        .findOne();
  }

  public void updateText(String channelId, String ts, String text) {
    handle
        .createUpdate("UPDATE answer_messages SET text = :text WHERE channel_id = :c AND ts = :ts")
        .bind("text", text)
        .bind("c", channelId)
        .bind("ts", ts)
        .execute();
  }

  public void delete(String channelId, String ts) {
    handle
        .createUpdate("DELETE FROM answer_messages WHERE channel_id = :c AND ts = :ts")
        .bind("c", channelId)
        .bind("ts", ts)
        .execute();
  }

  private static final String PARTS =
      """
      SELECT interview_id, question_id, ts, text FROM answer_messages
      WHERE interview_id = :interviewId AND question_id = :questionId
      ORDER BY received_at, ts
      """;

  /** The messages making up the question's answer, in the order they were sent. */
  public List<Part> parts(String interviewId, String questionId) {
    return handle
        .createQuery(PARTS)
        .bind("interviewId", interviewId)
        .bind("questionId", questionId)
        .map(AnswerMessages::part)
        .list();
  }

  private static Part part(ResultSet row, StatementContext context) throws SQLException {
    return new Part(
        row.getString("interview_id"),
        row.getString("question_id"),
        row.getString("ts"),
        row.getString("text"));
  }
}
