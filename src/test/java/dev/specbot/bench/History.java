package dev.specbot.bench;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.storage.Database;
import dev.specbot.storage.SlackPlace;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A team's history: finished interviews, each in its own thread and with all a finished interview
 * leaves in the database, copied from one the bot itself finished while warming up: its outbox
 * messages as sent (their payloads and Slack's answers), its answer messages, its settled reminders
 * and the keys of the events it handled. Written by another connection, as a bulk load.
 */
final class History {
  private static final Instant FIRST = Instant.parse("2026-01-05T09:00:00Z");
  private static final int BATCH = 1_000;

  private final Path file;
  private final Template template;
  private final String channel;

  History(Path file, Template template, String channel) {
    this.file = file;
    this.template = template;
    this.channel = channel;
  }

  /** Writes {@code count} finished interviews. */
  void seed(int count) throws SQLException {
    if (count == 0) {
      return;
    }
    List<String> ids = interviews(count);
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA busy_timeout = 5000");
      }
      Trail trail = Trail.of(connection, sampleInterview(connection));
      connection.setAutoCommit(false);
      for (int from = 0; from < ids.size(); from += BATCH) {
        for (int i = from; i < Math.min(ids.size(), from + BATCH); i++) {
          trail.copy(connection, ids.get(i), i, FIRST.plusSeconds(i * 60L), channel);
        }
        connection.commit();
      }
    }
  }

  /** The interviews and their answers, through the bot's own storage; returns their ids. */
  private List<String> interviews(int count) {
    Map<String, String> answers = new HashMap<>();
    for (Question question : template.questions()) {
      answers.put(question.id(), "A finished answer to " + question.title() + ". ".repeat(20));
    }
    List<String> ids = new ArrayList<>();
    try (Database database = Database.open("jdbc:sqlite:" + file)) {
      for (int from = 0; from < count; from += BATCH) {
        int first = from;
        database.transaction(
            tx -> {
              for (int i = first; i < Math.min(count, first + BATCH); i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                Instant when = FIRST.plusSeconds(i * 60L);
                tx.interviews().insert(finished(id, i, answers, when), place(i));
              }
              return null;
            });
      }
    }
    return ids;
  }

  private Interview finished(String id, int i, Map<String, String> answers, Instant when) {
    return new Interview(
        id,
        template.id(),
        "Spec " + i,
        "U0H" + (i % 200),
        "Drafter " + (i % 200),
        Status.FINISHED,
        template.questions().size() - 1,
        answers,
        Set.of(),
        when,
        when.plusSeconds(3600));
  }

  private SlackPlace place(int i) {
    return new SlackPlace(
        "T0EXAMPLE", channel, Optional.of(threadTs(i)), Optional.of("https://example/" + i));
  }

  private static String threadTs(int i) {
    return String.format("1600000000.%06d", i);
  }

  /** A whole interview the bot finished while warming up (its users answer every question). */
  private static String sampleInterview(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                "SELECT id FROM interviews WHERE status = 'FINISHED' AND title LIKE 'Bench spec %'"
                    + " ORDER BY created_at LIMIT 1")) {
      if (!row.next()) {
        throw new IllegalStateException("the bot finished no interview to copy the history from");
      }
      return row.getString(1);
    }
  }

  /** What one finished interview left in the database, besides itself and its answers. */
  private record Trail(
      List<OutboxRow> outbox, List<AnswerRow> answerMessages, List<ReminderRow> reminders) {
    record OutboxRow(boolean parentLane, long seq, String kind, String payload, String result) {}

    record AnswerRow(String questionId, String text) {}

    record ReminderRow(String kind, int number, String status) {}

    static Trail of(Connection connection, String interviewId) throws SQLException {
      return new Trail(
          rows(
              connection,
              "SELECT lane, seq, kind, payload, result FROM outbox"
                  + " WHERE (lane = ? OR lane = ?) AND status = 'SENT' ORDER BY lane, seq",
              List.of(interviewId, "parent:" + interviewId),
              row ->
                  new OutboxRow(
                      row.getString(1).startsWith("parent:"),
                      row.getLong(2),
                      row.getString(3),
                      row.getString(4),
                      row.getString(5))),
          rows(
              connection,
              "SELECT question_id, text FROM answer_messages WHERE interview_id = ?",
              List.of(interviewId),
              row -> new AnswerRow(row.getString(1), row.getString(2))),
          rows(
              connection,
              "SELECT kind, number, status FROM reminders"
                  + " WHERE interview_id = ? AND status <> 'PENDING'",
              List.of(interviewId),
              row -> new ReminderRow(row.getString(1), row.getInt(2), row.getString(3))));
    }

    /** One row read into a value. */
    private interface RowReader<T> {
      T read(ResultSet row) throws SQLException;
    }

    private static <T> List<T> rows(
        Connection connection, String sql, List<String> parameters, RowReader<T> reader)
        throws SQLException {
      List<T> read = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int parameter = 0; parameter < parameters.size(); parameter++) {
          select.setString(parameter + 1, parameters.get(parameter));
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            read.add(reader.read(rows));
          }
        }
      }
      return read;
    }

    /** Writes this trail again for interview {@code id}, the {@code i}th of the history. */
    void copy(Connection connection, String id, int i, Instant when, String channel)
        throws SQLException {
      long at = when.toEpochMilli();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO outbox (id, lane, seq, kind, payload, status, attempts, next_attempt_at,"
                  + " created_at, sent_at, result, claims) VALUES (?, ?, ?, ?, ?, 'SENT', 0, ?, ?,"
                  + " ?, ?, 1)")) {
        for (OutboxRow row : outbox) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, row.parentLane() ? "parent:" + id : id);
          insert.setLong(3, row.seq());
          insert.setString(4, row.kind());
          insert.setString(5, row.payload());
          insert.setLong(6, at);
          insert.setLong(7, at);
          insert.setLong(8, at);
          insert.setString(9, row.result());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      copyAnswerMessages(connection, id, i, at, channel);
      copyReminders(connection, id, at);
    }

    /** Each reply: its text, and the keys of its event and its message, handled once. */
    private void copyAnswerMessages(
        Connection connection, String id, int i, long at, String channel) throws SQLException {
      try (PreparedStatement message =
              connection.prepareStatement(
                  "INSERT INTO answer_messages (interview_id, channel_id, ts, question_id, text,"
                      + " received_at) VALUES (?, ?, ?, ?, ?, ?)");
          PreparedStatement event =
              connection.prepareStatement(
                  "INSERT INTO processed_events (event_key, processed_at) VALUES (?, ?)")) {
        for (int reply = 0; reply < answerMessages.size(); reply++) {
          String ts = String.format("%d.%06d", 1_650_000_000L + i, reply);
          message.setString(1, id);
          message.setString(2, channel);
          message.setString(3, ts);
          message.setString(4, answerMessages.get(reply).questionId());
          message.setString(5, answerMessages.get(reply).text());
          message.setLong(6, at);
          message.addBatch();
          for (String key : List.of("event:EvHistory" + ts, "message:" + channel + ":" + ts)) {
            event.setString(1, key);
            event.setLong(2, at);
            event.addBatch();
          }
        }
        message.executeBatch();
        event.executeBatch();
      }
    }

    private void copyReminders(Connection connection, String id, long at) throws SQLException {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO reminders (id, kind, interview_id, number, due_at, status, created_at,"
                  + " settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (ReminderRow reminder : reminders) {
          insert.setString(1, UUID.randomUUID().toString());
          insert.setString(2, reminder.kind());
          insert.setString(3, id);
          insert.setInt(4, reminder.number());
          insert.setLong(5, at);
          insert.setString(6, reminder.status());
          insert.setLong(7, at);
          insert.setLong(8, at);
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }
}
