package dev.specbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Tickets made from specs' action items: one row per interview and ticket key (see V14). */
public final class SpecTickets {
  private final Handle handle;

  SpecTickets(Handle handle) {
    this.handle = handle;
  }

  /*
   * One statement, so that a form sent twice (or two forms racing) records a ticket once: the row
   * is written if there is none, or asked for again only after GitHub refused the last try.
   */
  private static final String ADD =
      """
      INSERT INTO spec_tickets
        (interview_id, ticket_key, position, title, section, body, state, requested_at, created_at)
      VALUES (:id, :key, :position, :title, :section, :body, :state, :now, :createdAt)
      ON CONFLICT (interview_id, ticket_key) DO UPDATE SET
        position = excluded.position, title = excluded.title, section = excluded.section,
        body = excluded.body, state = excluded.state, requested_at = excluded.requested_at,
        created_at = excluded.created_at
      WHERE spec_tickets.state = 'REFUSED'
      """;

  /**
   * Records a chosen ticket: as {@code CREATING} (its issue to be queued) or, for a checklist item,
   * {@code CREATED}. True when this call recorded it; false when it was recorded before.
   */
  public boolean add(
      String interviewId,
      String key,
      int position,
      String title,
      String section,
      String body,
      SpecTicket.State state,
      Instant now) {
    if (state == SpecTicket.State.REFUSED) {
      throw new IllegalArgumentException("a ticket is recorded as asked for, not refused");
    }
    return handle
            .createUpdate(ADD)
            .bind("id", Objects.requireNonNull(interviewId, "null interviewId"))
            .bind("key", Objects.requireNonNull(key, "null key"))
            .bind("position", position)
            .bind("title", Objects.requireNonNull(title, "null title"))
            .bind("section", Objects.requireNonNull(section, "null section"))
            .bind("body", Objects.requireNonNull(body, "null body"))
            .bind("state", state.name())
            .bind("now", now.toEpochMilli())
            .bind("createdAt", state == SpecTicket.State.CREATED ? now.toEpochMilli() : null)
            .execute()
        == 1;
  }

  /** The spec's tickets, in the order they were chosen. */
  public List<SpecTicket> of(String interviewId) {
    return handle
        .createQuery(
            """
            SELECT interview_id, ticket_key, position, title, section, body, state, issue_number,
              url, requested_at
            FROM spec_tickets WHERE interview_id = :id
            ORDER BY requested_at, position, ticket_key
            """)
        .bind("id", interviewId)
        .map(SpecTickets::ticket)
        .list();
  }

  /** One ticket, if it was ever chosen. */
  public Optional<SpecTicket> find(String interviewId, String key) {
    return of(interviewId).stream().filter(ticket -> ticket.key().equals(key)).findFirst();
  }

  /** GitHub made the ticket's issue. */
  public void created(String interviewId, String key, int number, String url, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE spec_tickets
            SET state = 'CREATED', issue_number = :number, url = :url, created_at = :now
            WHERE interview_id = :id AND ticket_key = :key
            """)
        .bind("id", interviewId)
        .bind("key", key)
        .bind("number", number)
        .bind("url", url)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** GitHub refused to make the ticket's issue, for good. */
  public void refused(String interviewId, String key) {
    handle
        .createUpdate(
            "UPDATE spec_tickets SET state = 'REFUSED' WHERE interview_id = :id"
                + " AND ticket_key = :key AND state = 'CREATING'")
        .bind("id", interviewId)
        .bind("key", key)
        .execute();
  }

  private static SpecTicket ticket(ResultSet row, StatementContext context) throws SQLException {
    int number = row.getInt("issue_number");
    Optional<Integer> issueNumber = row.wasNull() ? Optional.empty() : Optional.of(number);
    return new SpecTicket(
        row.getString("interview_id"),
        row.getString("ticket_key"),
        row.getInt("position"),
        row.getString("title"),
        row.getString("section"),
        row.getString("body"),
        SpecTicket.State.valueOf(row.getString("state")),
        issueNumber,
        Optional.ofNullable(row.getString("url")),
        Instant.ofEpochMilli(row.getLong("requested_at")));
  }
}
