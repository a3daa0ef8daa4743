package dev.specbot.storage;

import dev.specbot.meeting.Reminder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reminders and nudges waiting for their time. Each is settled once: fired or cancelled by a
 * conditional update, so with two bots on one database only one of them fires it.
 */
public final class Reminders {
  private final Handle handle;

  Reminders(Handle handle) {
    this.handle = handle;
  }

  private static final String INSERT =
      """
      INSERT INTO reminders (id, kind, interview_id, recipient_id, number, due_at, status, created_at)
      VALUES (:id, :kind, :interviewId, :recipientId, :number, :dueAt, 'PENDING', :now)
      """;

  public void schedule(Reminder reminder, Instant now) {
    Objects.requireNonNull(reminder, "null reminder");
    handle
        .createUpdate(INSERT)
        .bind("id", reminder.id())
        .bind("kind", reminder.kind().name())
        .bind("interviewId", reminder.interviewId())
        .bind("recipientId", reminder.recipientId().orElse(null))
        .bind("number", reminder.number())
        .bind("dueAt", reminder.dueAt().toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String MOVE =
      """
      UPDATE reminders SET due_at = :dueAt, number = :number
      WHERE interview_id = :interviewId AND kind = :kind AND status = 'PENDING'
      """;

  /**
   * Moves the spec's pending reminder of this kind to {@code reminder}'s time and number, or
   * schedules {@code reminder} when none is pending. An interview moves at every answer: moving its
   * nudge leaves one row, where cancelling and scheduling again would leave a cancelled row per
   * answer. Only for reminders to the drafter, which have no recipient of their own.
   */
  public void reschedule(Reminder reminder, Instant now) {
    Objects.requireNonNull(reminder, "null reminder");
    if (reminder.recipientId().isPresent()) {
      throw new IllegalArgumentException("only a drafter's reminder moves: " + reminder);
    }
    int moved =
        handle
            .createUpdate(MOVE)
            .bind("dueAt", reminder.dueAt().toEpochMilli())
            .bind("number", reminder.number())
            .bind("interviewId", reminder.interviewId())
            .bind("kind", reminder.kind().name())
            .execute();
    if (moved == 0) {
      schedule(reminder, now);
    }
  }

  private static final String CANCEL =
      """
      UPDATE reminders SET status = 'CANCELLED', settled_at = :now
      WHERE interview_id = :interviewId AND status = 'PENDING' AND kind IN (<kinds>)
      """;

  /** Cancels the spec's pending reminders of these kinds; returns how many there were. */
  public int cancel(String interviewId, Instant now, Reminder.Kind... kinds) {
    return handle
        .createUpdate(CANCEL)
        .bind("interviewId", interviewId)
        .bind("now", now.toEpochMilli())
        .bindList("kinds", Arrays.stream(kinds).map(Enum::name).toList())
        .execute();
  }

  private static final String DUE =
      """
      SELECT id, kind, interview_id, recipient_id, number, due_at
      FROM reminders
      WHERE status = 'PENDING' AND due_at <= :now
      ORDER BY due_at, id
      LIMIT :limit
      """;

  /** Pending reminders due at {@code now}, the earliest first. */
  public List<Reminder> due(Instant now, int limit) {
    return handle
        .createQuery(DUE)
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(Reminders::reminder)
        .list();
  }

  private static final String FIRE =
      """
      UPDATE reminders SET status = 'FIRED', settled_at = :now
      WHERE id = :id AND status = 'PENDING' AND due_at <= :now
      """;

  /**
   * Marks a reminder fired: true for the one caller that gets to send it. False too when it was
   * moved later (see {@link #reschedule}) since it was read as due.
   */
  public boolean fire(String reminderId, Instant now) {
    return handle
            .createUpdate(FIRE)
            .bind("id", reminderId)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  private static final String PENDING =
      """
      SELECT id, kind, interview_id, recipient_id, number, due_at
      FROM reminders
      WHERE interview_id = :interviewId AND status = 'PENDING'
      ORDER BY due_at, id
      """;

  /** The spec's reminders still to come, the earliest first. */
  public List<Reminder> pending(String interviewId) {
    return handle
        .createQuery(PENDING)
        .bind("interviewId", interviewId)
        .map(Reminders::reminder)
        .list();
  }

  private static final String NEXT_DUE =
      "SELECT MIN(due_at) FROM reminders WHERE status = 'PENDING'";

  /** When the next reminder is due, if any is pending. */
  public Optional<Instant> nextDueAt() {
    return handle.createQuery(NEXT_DUE).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
  }

  private static Reminder reminder(ResultSet row, StatementContext context) throws SQLException {
    return new Reminder(
        row.getString("id"),
        Reminder.Kind.valueOf(row.getString("kind")),
        row.getString("interview_id"),
        Optional.ofNullable(row.getString("recipient_id")),
        row.getInt("number"),
        Instant.ofEpochMilli(row.getLong("due_at")));
  }
}
