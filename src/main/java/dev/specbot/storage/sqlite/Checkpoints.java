package dev.specbot.storage.sqlite;

import dev.specbot.background.DaemonThreads;
import dev.specbot.background.WorkSignal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies what the {@link Writer} committed from the write-ahead log into the database file, on a
 * thread of its own. Left to SQLite, the commit that takes the log past a thousand pages does it
 * itself, two syncs to disk included, while every transaction in that commit, and every one queued
 * behind it, waits: in the load benchmark's profile commits were 41% of the writer's time in
 * SQLite, and 27% with no checkpoints at all. A checkpoint here is PASSIVE: it copies what no
 * reader still needs, beside the writer, which goes on appending to the log.
 *
 * <p>The writer's connection still checkpoints by itself once the log passes {@link
 * SqliteUrl#SELF_CHECKPOINT_PAGES}, should this thread fall that far behind.
 */
public final class Checkpoints implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

  /**
   * The least time between two checkpoints: under load each copies a few thousand pages, of which
   * the ones written again and again (an index's last page) once; at a person's pace, one follows
   * each burst of commits.
   */
  static final Duration GAP = Duration.ofMillis(250);

  private final String url;
  private final Duration gap;
  private final WorkSignal committed = new WorkSignal();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong checkpointed = new AtomicLong();
  private final Thread thread;

  /** Starts checkpointing the database at {@code url} (the writer's) after each {@link #wake}. */
  public Checkpoints(String url) {
    this(url, GAP);
  }

  Checkpoints(String url, Duration gap) {
    this.url = Objects.requireNonNull(url, "null url");
    this.gap = Objects.requireNonNull(gap, "null gap");
    this.thread = DaemonThreads.of("specbot-db-checkpoints", this::checkpointUntilClosed);
    thread.start();
  }

  /** Something was committed: the log has pages to copy. */
  public void wake() {
    committed.wake();
  }

  /** How many checkpoints have run, for tests. */
  long checkpointed() {
    return checkpointed.get();
  }

  /** Stops the thread; SQLite checkpoints what is left when the last connection closes. */
  @Override
  public void close() {
    closing.countDown();
    committed.wake();
    DaemonThreads.joinUninterruptibly(thread);
  }

  private void checkpointUntilClosed() {
    try (Connection connection = DriverManager.getConnection(url)) {
      while (true) {
        // At most a minute: a wake is never lost, but a quiet minute costs one cheap look.
        committed.await(Duration.ofMinutes(1));
        if (closing.getCount() == 0) {
          return;
        }
        checkpoint(connection);
        if (closing.await(gap.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (SQLException e) {
      log.warn("Checkpoints stopped; the writer checkpoints by itself from now on", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void checkpoint(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      result.next();
      checkpointed.incrementAndGet();
    } catch (SQLException e) {
      // Busy or failed this once: the next commit brings another try.
      log.debug("A checkpoint did not run", e);
    }
  }
}
