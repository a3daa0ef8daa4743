package dev.specbot.storage;

import dev.specbot.meeting.Meeting;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The specs' discussion meetings, one per spec. */
public final class Meetings {
  private final Handle handle;

  Meetings(Handle handle) {
    this.handle = handle;
  }

  private static final String SAVE =
      """
      INSERT INTO meetings (id, interview_id, start_at, duration_minutes, zone, attendees, sequence,
                            status, created_at, updated_at)
      VALUES (:id, :interviewId, :startAt, :durationMinutes, :zone, :attendees, :sequence,
              :status, :now, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        start_at = excluded.start_at, duration_minutes = excluded.duration_minutes,
        zone = excluded.zone, attendees = excluded.attendees, sequence = excluded.sequence,
        status = excluded.status, updated_at = excluded.updated_at, id = excluded.id
      """;

  /** Stores a spec's meeting, replacing the one it had. */
  public void save(Meeting meeting, Instant now) {
    Objects.requireNonNull(meeting, "null meeting");
    handle
        .createUpdate(SAVE)
        .bind("id", meeting.id())
        .bind("interviewId", meeting.interviewId())
        .bind("startAt", meeting.start().toEpochMilli())
        .bind("durationMinutes", meeting.duration().toMinutes())
        .bind("zone", meeting.zone().getId())
        .bind("attendees", String.join(" ", meeting.attendeeIds()))
        .bind("sequence", meeting.sequence())
        .bind("status", meeting.status().name())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String FIND =
      """
      SELECT id, interview_id, start_at, duration_minutes, zone, attendees, sequence, status
      FROM meetings
      WHERE interview_id = :interviewId
      """;

  /** The spec's meeting, scheduled or cancelled, if it ever had one. */
  public Optional<Meeting> forInterview(String interviewId) {
    return handle
        .createQuery(FIND)
        .bind("interviewId", interviewId)
        .map(Meetings::meeting)
        .findOne();
  }

  /** The spec's meeting if one is on. */
  public Optional<Meeting> scheduledFor(String interviewId) {
    return forInterview(interviewId).filter(m -> m.status() == Meeting.Status.SCHEDULED);
  }

  private static Meeting meeting(ResultSet row, StatementContext context) throws SQLException {
    String attendees = row.getString("attendees");
    List<String> ids =
        attendees.isBlank() ? List.of() : Arrays.asList(attendees.strip().split(" ", -1));
    return new Meeting(
        row.getString("id"),
        row.getString("interview_id"),
        Instant.ofEpochMilli(row.getLong("start_at")),
        Duration.ofMinutes(row.getLong("duration_minutes")),
        ZoneId.of(row.getString("zone")),
        ids,
        row.getInt("sequence"),
        Meeting.Status.valueOf(row.getString("status")));
  }
}
