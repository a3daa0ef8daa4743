package dev.specbot.storage;

import dev.specbot.interview.Status;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The Slack events already handled, so that an event that comes back is handled once: a retry from
 * Slack, or a reply that catch-up finds in a thread. Each key is kept only while it can come back
 * (see {@link #pruneRetried} and {@link #pruneUnread}).
 */
public final class ProcessedEvents {
  private static final List<String> OPEN =
      Arrays.stream(Status.values()).filter(Status::isOpen).map(Status::name).toList();

  private final Handle handle;

  ProcessedEvents(Handle handle) {
    this.handle = handle;
  }

  private static final String RECORD =
      """
      INSERT INTO processed_events (event_key, processed_at, interview_id)
      VALUES (:eventKey, :processedAt, :interviewId)
      ON CONFLICT (event_key) DO NOTHING
      """;

  /**
   * Records a key that only Slack's retries bring back (an event_id, a button press); true the
   * first time, false if it was already recorded. A key recorded in a transaction that rolls back
   * is not recorded, so a retry of an event whose handling failed is handled again.
   */
  public boolean firstTime(String key, Instant now) {
    return record(key, null, now);
  }

  /**
   * Records a key of the interview's (a reply in its thread, channel+ts): kept while the interview
   * is open, as catch-up reads its thread again on every start, and for a while after; otherwise as
   * {@link #firstTime(String, Instant)}.
   */
  public boolean firstTimeFor(String interviewId, String key, Instant now) {
    return record(key, Objects.requireNonNull(interviewId, "null interviewId"), now);
  }

  /**
   * Forgets a key recorded before the work it stood for was done (a Socket Mode envelope claimed,
   * then failed), so that Slack's next delivery of it is handled.
   */
  public void forget(String key) {
    Objects.requireNonNull(key, "null key");
    handle
        .createUpdate("DELETE FROM processed_events WHERE event_key = :eventKey")
        .bind("eventKey", key)
        .execute();
  }

  /**
   * Records {@code retried} keys as {@link #firstTime(String, Instant)} does and {@code kept} ones
   * as {@link #firstTimeFor} does, in one statement: true if none was recorded before. Each key not
   * recorded before is recorded either way.
   */
  public boolean allFirstTime(
      List<String> retried, String interviewId, List<String> kept, Instant now) {
    if (!kept.isEmpty()) {
      Objects.requireNonNull(interviewId, "null interviewId");
    }
    Objects.requireNonNull(now, "null now");
    int count = retried.size() + kept.size();
    if (count == 0) {
      return true;
    }
    StringJoiner rows = new StringJoiner(", ");
    for (int i = 0; i < count; i++) {
      rows.add("(:key" + i + ", :processedAt, :interview" + i + ")");
    }
    Update insert =
        handle.createUpdate(
            "INSERT INTO processed_events (event_key, processed_at, interview_id) VALUES "
                + rows
                + " ON CONFLICT (event_key) DO NOTHING");
    for (int i = 0; i < count; i++) {
      boolean isRetried = i < retried.size();
      String key = isRetried ? retried.get(i) : kept.get(i - retried.size());
      insert
          .bind("key" + i, Objects.requireNonNull(key, "null key"))
          .bind("interview" + i, isRetried ? null : interviewId);
    }
    return insert.bind("processedAt", now.toEpochMilli()).execute() == count;
  }

  private boolean record(String key, String interviewId, Instant now) {
    Objects.requireNonNull(key, "null key");
    Objects.requireNonNull(now, "null now");
    return handle
            .createUpdate(RECORD)
            .bind("eventKey", key)
            .bind("processedAt", now.toEpochMilli())
            .bind("interviewId", interviewId)
            .execute()
        == 1;
  }

  private static final String PRUNE_RETRIED =
      """
      DELETE FROM processed_events WHERE event_key IN (
        SELECT event_key FROM processed_events
        WHERE interview_id IS NULL AND legacy_channel_id IS NULL AND processed_at < :before
        LIMIT :limit)
      """;

  /**
   * Deletes up to {@code limit} keys that only retries bring back, recorded before {@code before};
   * returns how many.
   */
  public int pruneRetried(Instant before, int limit) {
    Objects.requireNonNull(before, "null before");
    Outbox.requirePositive(limit);
    return handle
        .createUpdate(PRUNE_RETRIED)
        .bind("before", before.toEpochMilli())
        .bind("limit", limit)
        .execute();
  }

  // interview_id > '' is "not null" in a form SQLite reads as a range of the index (every id is a
  // UUID); with IS NOT NULL it scanned the whole table.
  private static final String PRUNE_OF_CLOSED =
      """
      DELETE FROM processed_events WHERE event_key IN (
        SELECT handled.event_key
        FROM processed_events handled JOIN interviews ON interviews.id = handled.interview_id
        WHERE handled.interview_id > '' AND handled.processed_at < :retriedBefore
          AND interviews.status NOT IN (<open>) AND interviews.updated_at < :closedBefore
        LIMIT :limit)
      """;

  // A legacy key may be the reply of any interview of its channel started before it was handled;
  // it stays while one of those is open or changed since closedBefore (its thread may be read).
  private static final String PRUNE_LEGACY =
      """
      DELETE FROM processed_events WHERE event_key IN (
        SELECT handled.event_key
        FROM processed_events handled
        LEFT JOIN (SELECT channel_id, MIN(created_at) AS first_created FROM interviews
                   WHERE status IN (<open>) OR updated_at >= :closedBefore
                   GROUP BY channel_id) readable
          ON readable.channel_id = handled.legacy_channel_id
        WHERE handled.interview_id IS NULL AND handled.legacy_channel_id IS NOT NULL
          AND handled.processed_at < :retriedBefore
          AND (readable.first_created IS NULL OR handled.processed_at < readable.first_created)
        LIMIT :limit)
      """;

  /**
   * Deletes up to {@code limit} keys that no catch-up will read again, recorded before {@code
   * retriedBefore}: those of interviews closed and unchanged since before {@code closedBefore}, and
   * message keys from before V6 whose channel has no interview, started before them, that is open
   * or changed since {@code closedBefore}; returns how many.
   */
  public int pruneUnread(Instant retriedBefore, Instant closedBefore, int limit) {
    Objects.requireNonNull(retriedBefore, "null retriedBefore");
    Objects.requireNonNull(closedBefore, "null closedBefore");
    Outbox.requirePositive(limit);
    int deleted = prune(PRUNE_OF_CLOSED, retriedBefore, closedBefore, limit);
    if (deleted < limit) {
      deleted += prune(PRUNE_LEGACY, retriedBefore, closedBefore, limit - deleted);
    }
    return deleted;
  }

  private int prune(String sql, Instant retriedBefore, Instant closedBefore, int limit) {
    return handle
        .createUpdate(sql)
        .bindList("open", OPEN)
        .bind("retriedBefore", retriedBefore.toEpochMilli())
        .bind("closedBefore", closedBefore.toEpochMilli())
        .bind("limit", limit)
        .execute();
  }

  /**
   * Whether the key was recorded: a cheap look before work whose result {@link #firstTime} keeps.
   */
  public boolean seen(String key) {
    Objects.requireNonNull(key, "null key");
    return handle
        .createQuery("SELECT 1 FROM processed_events WHERE event_key = :eventKey")
        .bind("eventKey", key)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  /** Whether any of the keys was recorded, in one look: a reply has two. */
  public boolean anySeen(List<String> keys) {
    if (keys.isEmpty()) {
      return false;
    }
    return handle
        .createQuery("SELECT 1 FROM processed_events WHERE event_key IN (<keys>) LIMIT 1")
        .bindList("keys", List.copyOf(keys))
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }
}
