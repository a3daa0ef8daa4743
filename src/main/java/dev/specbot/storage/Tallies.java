package dev.specbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Counts for an operator's dashboard: the outbox, interviews, reviews, reminders and the inbox as
 * they stand. Each is one grouped query, so that reading them all is a handful of queries however
 * much is stored.
 */
public final class Tallies {
  private final Handle handle;

  Tallies(Handle handle) {
    this.handle = handle;
  }

  /**
   * The outbox's messages of one kind not yet sent (waiting, or being sent).
   *
   * @param kind as the sender named it
   * @param count how many
   * @param oldestCreatedAt when the oldest of them was queued
   */
  public record Pending(String kind, long count, Instant oldestCreatedAt) {
    public Pending {
      Objects.requireNonNull(kind, "null kind");
      Objects.requireNonNull(oldestCreatedAt, "null oldestCreatedAt");
    }
  }

  private static final String PENDING_OUTBOX =
      """
      SELECT kind, COUNT(*) AS pending, MIN(created_at) AS oldest
      FROM outbox
      WHERE status = 'PENDING'
      GROUP BY kind
      ORDER BY kind
      """;

  /** The outbox's pending messages by kind; kinds with none are left out. */
  public List<Pending> pendingOutbox() {
    return handle
        .createQuery(PENDING_OUTBOX)
        .map(
            (row, context) ->
                new Pending(
                    row.getString("kind"),
                    row.getLong("pending"),
                    Instant.ofEpochMilli(row.getLong("oldest"))))
        .list();
  }

  /** How many interviews are in each status; statuses with none are left out. */
  public Map<String, Long> interviewsByStatus() {
    return countsBy("SELECT status AS name, COUNT(*) AS n FROM interviews GROUP BY status");
  }

  /** How many specs' reviews are at each stage; stages with none are left out. */
  public Map<String, Long> reviewsByStage() {
    return countsBy("SELECT stage AS name, COUNT(*) AS n FROM reviews GROUP BY stage");
  }

  /** Reminders due at {@code now} and not fired yet: more than a few means the worker lags. */
  public long remindersDue(Instant now) {
    Objects.requireNonNull(now, "null now");
    return handle
        .createQuery("SELECT COUNT(*) FROM reminders WHERE status = 'PENDING' AND due_at <= :now")
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .one();
  }

  /**
   * Thread replies acknowledged and not yet taken in: a few while people answer; more, for long,
   * means taking them in fails or lags.
   */
  public long repliesWaiting() {
    return handle.createQuery("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one();
  }

  private Map<String, Long> countsBy(String query) {
    Map<String, Long> counts = new TreeMap<>();
    handle
        .createQuery(query)
        .map((row, context) -> Map.entry(row.getString("name"), row.getLong("n")))
        .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
    return counts;
  }
}
