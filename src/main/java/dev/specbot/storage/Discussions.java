package dev.specbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The discussion meeting's outcome: whether the drafter is being asked for decisions, and the
 * decisions and follow-ups they gave, each once (see V16).
 */
public final class Discussions {
  private final Handle handle;

  Discussions(Handle handle) {
    this.handle = handle;
  }

  /**
   * A spec's discussion, as stored.
   *
   * @param collecting whether the drafter's replies are decisions now
   * @param section the section the template names for decisions, if any
   * @param closedOn the day the drafter first said that was all, in their time zone
   */
  public record Discussion(
      String interviewId,
      boolean collecting,
      Optional<String> section,
      Optional<LocalDate> closedOn) {
    public Discussion {
      Objects.requireNonNull(interviewId, "null interviewId");
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(closedOn, "null closedOn");
    }
  }

  /**
   * A decision or follow-up, as stored.
   *
   * @param messageTs the reply it came from
   * @param ownerId a follow-up's owner, when they were mentioned
   * @param ownerName a follow-up's owner as the document names them; empty for a decision
   */
  public record Decision(
      String interviewId,
      String messageTs,
      String text,
      Optional<String> ownerId,
      Optional<String> ownerName,
      LocalDate decidedOn) {
    public Decision {
      Objects.requireNonNull(interviewId, "null interviewId");
      Objects.requireNonNull(messageTs, "null messageTs");
      Objects.requireNonNull(text, "null text");
      Objects.requireNonNull(ownerId, "null ownerId");
      Objects.requireNonNull(ownerName, "null ownerName");
      Objects.requireNonNull(decidedOn, "null decidedOn");
    }

    public boolean isFollowUp() {
      return ownerName.isPresent();
    }
  }

  private static final String ASK =
      """
      INSERT INTO discussions (interview_id, state, section, asked_at)
      VALUES (:id, 'COLLECTING', :section, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        state = 'COLLECTING', section = excluded.section, asked_at = excluded.asked_at
      """;

  /** From now on the drafter's replies are decisions (again, after a later meeting). */
  public void collect(String interviewId, Optional<String> section, Instant now) {
    handle
        .createUpdate(ASK)
        .bind("id", Objects.requireNonNull(interviewId, "null interviewId"))
        .bind("section", section.orElse(null))
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String CLOSE =
      """
      UPDATE discussions SET state = 'CLOSED', closed_at = COALESCE(closed_at, :now),
        closed_on = COALESCE(closed_on, :day)
      WHERE interview_id = :id AND state = 'COLLECTING'
      """;

  /**
   * The drafter said that was all, on {@code day} in their time zone: true for the one call that
   * closed it.
   */
  public boolean close(String interviewId, LocalDate day, Instant now) {
    return handle
            .createUpdate(CLOSE)
            .bind("id", interviewId)
            .bind("now", now.toEpochMilli())
            .bind("day", day.toString())
            .execute()
        == 1;
  }

  private static final String FIND =
      "SELECT interview_id, state, section, closed_on FROM discussions WHERE interview_id = :id";

  public Optional<Discussion> find(String interviewId) {
    return handle.createQuery(FIND).bind("id", interviewId).map(Discussions::discussion).findOne();
  }

  private static final String RECORD =
      """
      INSERT INTO decisions
        (interview_id, message_ts, kind, text, owner_id, owner_name, decided_on, recorded_at)
      VALUES (:id, :ts, :kind, :text, :ownerId, :ownerName, :decidedOn, :now)
      ON CONFLICT (interview_id, message_ts) DO NOTHING
      """;

  /** Records a decision or follow-up: true the first time its reply is recorded. */
  public boolean record(Decision decision, Instant now) {
    return handle
            .createUpdate(RECORD)
            .bind("id", decision.interviewId())
            .bind("ts", decision.messageTs())
            .bind("kind", decision.isFollowUp() ? "FOLLOW_UP" : "DECISION")
            .bind("text", decision.text())
            .bind("ownerId", decision.ownerId().orElse(null))
            .bind("ownerName", decision.ownerName().orElse(null))
            .bind("decidedOn", decision.decidedOn().toString())
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  private static final String OF =
      """
      SELECT interview_id, message_ts, text, owner_id, owner_name, decided_on
      FROM decisions WHERE interview_id = :id ORDER BY recorded_at, message_ts
      """;

  /** The spec's decisions and follow-ups, in the order they were given. */
  public List<Decision> of(String interviewId) {
    return handle.createQuery(OF).bind("id", interviewId).map(Discussions::decision).list();
  }

  private static Discussion discussion(ResultSet row, StatementContext context)
      throws SQLException {
    return new Discussion(
        row.getString("interview_id"),
        row.getString("state").equals("COLLECTING"),
        Optional.ofNullable(row.getString("section")),
        Optional.ofNullable(row.getString("closed_on")).map(LocalDate::parse));
  }

  private static Decision decision(ResultSet row, StatementContext context) throws SQLException {
    return new Decision(
        row.getString("interview_id"),
        row.getString("message_ts"),
        row.getString("text"),
        Optional.ofNullable(row.getString("owner_id")),
        Optional.ofNullable(row.getString("owner_name")),
        LocalDate.parse(row.getString("decided_on")));
  }
}
