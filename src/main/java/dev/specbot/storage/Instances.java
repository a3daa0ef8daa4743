package dev.specbot.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Handle;

/** The bots running on this database, as their heartbeats show them. */
public final class Instances {
  /** How often a running bot beats. */
  public static final Duration BEAT = Duration.ofSeconds(2);

  /**
   * A bot silent this long has stopped or crashed: three beats missed, which a database hiccup or a
   * garbage collection does not come near.
   */
  public static final Duration SILENT = BEAT.multipliedBy(3);

  private final Handle handle;

  Instances(Handle handle) {
    this.handle = handle;
  }

  private static final String UPSERT_BEAT =
      """
      INSERT INTO instances (name, started_at, seen_at) VALUES (:name, :startedAt, :now)
      ON CONFLICT (name) DO UPDATE SET started_at = excluded.started_at, seen_at = excluded.seen_at
      """;

  /**
   * Records that the bot named {@code name}, started at {@code startedAt}, is alive now. A bot
   * started again under the same name replaces its start: it was down in between.
   */
  public void beat(String name, Instant startedAt, Instant now) {
    Objects.requireNonNull(name, "null name");
    handle
        .createUpdate(UPSERT_BEAT)
        .bind("name", name)
        .bind("startedAt", startedAt.toEpochMilli())
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String UP_THROUGHOUT =
      """
      SELECT COUNT(*) FROM instances
      WHERE name <> :name AND started_at < :before AND seen_at > :after
      """;

  /**
   * Whether another bot started before {@code before} and was alive after {@code after}: it has
   * been up all along in between, and Slack had someone to deliver to.
   */
  public boolean otherUpThroughout(String name, Instant before, Instant after) {
    return handle
            .createQuery(UP_THROUGHOUT)
            .bind("name", name)
            .bind("before", before.toEpochMilli())
            .bind("after", after.toEpochMilli())
            .mapTo(Long.class)
            .one()
        > 0;
  }

  /** A bot that stops cleanly leaves no row behind. */
  public void remove(String name) {
    handle.createUpdate("DELETE FROM instances WHERE name = :name").bind("name", name).execute();
  }

  /** Deletes the rows of bots not seen since {@code before} (crashed, or long gone). */
  public int pruneGone(Instant before) {
    return handle
        .createUpdate("DELETE FROM instances WHERE seen_at < :before")
        .bind("before", before.toEpochMilli())
        .execute();
  }
}
