package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** The Slack events already handled, so that Slack's retries are handled once. */
public final class ProcessedEvents {
  private final Handle handle;

  ProcessedEvents(Handle handle) {
    this.handle = handle;
  }

  private static final String RECORD =
      """
      INSERT INTO processed_events (event_key, processed_at)
      VALUES (:eventKey, :processedAt)
      ON CONFLICT (event_key) DO NOTHING
      """;

  /**
   * Records the key (an event_id, or channel+ts); true the first time, false if it was already
   * recorded. A key recorded in a transaction that rolls back is not recorded, so a retry of an
   * event whose handling failed is handled again.
   */
  public boolean firstTime(String key, Instant now) {
    Objects.requireNonNull(key, "null key");
    Objects.requireNonNull(now, "null now");
    return handle
            .createUpdate(RECORD)
            .bind("eventKey", key)
            .bind("processedAt", now.toEpochMilli())
            .execute()
        == 1;
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
}
