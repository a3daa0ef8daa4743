package dev.specbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/**
 * Events recorded before Slack hears back and taken in after (a thread reply): each held under a
 * lease by the bot taking it in, and taken again by any bot once the lease runs out. The event is
 * stored as its caller wrote it; this store does not read it.
 */
public final class Inbox {
  private final Handle handle;

  Inbox(Handle handle) {
    this.handle = handle;
  }

  /** An event recorded and not yet taken in. */
  public record Recorded(String key, Instant leaseUntil, int attempts, String event) {}

  private static final String RECORD =
      """
      INSERT INTO inbox (event_key, received_at, lease_until, attempts, event)
      VALUES (:key, :now, :leaseUntil, 0, :event)
      ON CONFLICT (event_key) DO NOTHING
      """;

  /**
   * Records the event under {@code key}, held until {@code leaseUntil}: true the first time, false
   * while the same key is recorded (Slack delivering it again before it was taken in).
   */
  public boolean record(String key, String event, Instant now, Instant leaseUntil) {
    return handle
            .createUpdate(RECORD)
            .bind("key", Objects.requireNonNull(key, "null key"))
            .bind("now", now.toEpochMilli())
            .bind("leaseUntil", leaseUntil.toEpochMilli())
            .bind("event", Objects.requireNonNull(event, "null event"))
            .execute()
        == 1;
  }

  /** The event is taken in: it goes. */
  public void remove(String key) {
    handle.createUpdate("DELETE FROM inbox WHERE event_key = :key").bind("key", key).execute();
  }

  /** At most {@code limit} events whose lease ran out before {@code now}, longest out first. */
  public List<Recorded> due(Instant now, int limit) {
    return handle
        .createQuery(
            """
            SELECT event_key, lease_until, attempts, event FROM inbox
            WHERE lease_until < :now ORDER BY lease_until LIMIT :limit
            """)
        .bind("now", now.toEpochMilli())
        .bind("limit", limit)
        .map(
            (row, ctx) ->
                new Recorded(
                    row.getString("event_key"),
                    Instant.ofEpochMilli(row.getLong("lease_until")),
                    row.getInt("attempts"),
                    row.getString("event")))
        .list();
  }

  /**
   * Holds a due event again until {@code leaseUntil}, counting the attempt, if its lease is still
   * the one read: true for the one bot that gets it, when several find it due.
   */
  public boolean take(Recorded due, Instant leaseUntil) {
    return handle
            .createUpdate(
                """
                UPDATE inbox SET lease_until = :leaseUntil, attempts = attempts + 1
                WHERE event_key = :key AND lease_until = :read
                """)
            .bind("leaseUntil", leaseUntil.toEpochMilli())
            .bind("key", due.key())
            .bind("read", due.leaseUntil().toEpochMilli())
            .execute()
        == 1;
  }
}
