package dev.specbot.slack.outbox;

import dev.specbot.background.DaemonThreads;
import dev.specbot.storage.Database;
import dev.specbot.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes what the bot keeps only for a while, a minute after start (not to slow the start or the
 * catch-up) and then every hour, a batch per transaction so that nobody waits behind it long:
 *
 * <ul>
 *   <li>outbox messages settled (sent or given up) more than {@link #OUTBOX_KEPT} ago. The outbox
 *       is the bot's record of the calls it made: a month of it is enough to look into a recent
 *       interview, and kept forever it is most of the database (300 MB for 10,000 finished
 *       interviews), in indexes every new message goes through;
 *   <li>keys of handled events and button presses {@link #RETRIED} after they were handled: Slack
 *       retries an event three times, at once, after a minute and after five minutes;
 *   <li>keys of replies {@link #CLOSED_KEPT} after their interview was finished or cancelled. While
 *       an interview is open, catch-up reads its whole thread on every start and takes each reply
 *       whose key is missing; a catch-up reads the threads of the interviews open when its bot
 *       started, one after another, which is minutes, not a week.
 * </ul>
 */
public final class Pruner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Pruner.class);

  static final Duration OUTBOX_KEPT = Duration.ofDays(30);
  public static final Duration RETRIED = Duration.ofHours(1);
  public static final Duration CLOSED_KEPT = Duration.ofDays(7);

  private static final Duration FIRST = Duration.ofMinutes(1);
  private static final Duration EVERY = Duration.ofHours(1);

  /** Rows of one kind, in a transaction. */
  @FunctionalInterface
  interface Prunable {
    /** Deletes up to {@code limit} rows no longer needed at {@code now}; returns how many. */
    int prune(Tx tx, Instant now, int limit);
  }

  /**
   * Rows of one kind, named for the log, and how many are deleted per transaction (holding the
   * database's one writer meanwhile).
   */
  record Kind(String name, int batch, Prunable rows) {}

  /**
   * 500 sent messages of 2 KB among 170,000 took 50–70 ms in the sqlite3 shell (its own start
   * included), so a batch is kept to a fifth of that, near a busy request's own transaction.
   */
  static final int OUTBOX_BATCH = 100;

  /**
   * 200 keys among 800,000 took about 1 ms of the sqlite3 library's time, 8 ms while keys from
   * before V6 remain (each is checked against its channel's interviews).
   */
  static final int KEY_BATCH = 200;

  static final List<Kind> KINDS =
      List.of(
          new Kind(
              "outbox messages settled more than 30 days ago",
              OUTBOX_BATCH,
              (tx, now, limit) -> tx.outbox().pruneSettled(now.minus(OUTBOX_KEPT), limit)),
          new Kind(
              "keys of events Slack no longer retries",
              KEY_BATCH,
              (tx, now, limit) -> tx.events().pruneRetried(now.minus(RETRIED), limit)),
          new Kind(
              "keys of replies no catch-up will read again",
              KEY_BATCH,
              (tx, now, limit) ->
                  tx.events().pruneUnread(now.minus(RETRIED), now.minus(CLOSED_KEPT), limit)));

  private final Database database;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-pruner"));
  private volatile boolean running = true;

  public Pruner(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public void start() {
    // pruneLogged catches what it throws: a failed round must not cancel the later ones.
    var unused =
        executor.scheduleWithFixedDelay(
            this::pruneLogged, FIRST.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  /** Deletes every row of every kind no longer needed, a batch at a time; returns how many. */
  public int prune() {
    int total = 0;
    for (Kind kind : KINDS) {
      total += prune(kind);
    }
    return total;
  }

  private int prune(Kind kind) {
    int total = 0;
    int deleted;
    do {
      deleted = database.transaction(tx -> kind.rows().prune(tx, clock.instant(), kind.batch()));
      total += deleted;
    } while (deleted == kind.batch() && running);
    if (total > 0) {
      log.info("Deleted {} {}", total, kind.name());
    }
    return total;
  }

  private void pruneLogged() {
    for (Kind kind : KINDS) {
      try {
        prune(kind);
      } catch (RuntimeException e) {
        // A locked or full database: the next round tries again; the bot goes on meanwhile.
        log.warn(
            "Pruning {} failed; trying again in {} minutes", kind.name(), EVERY.toMinutes(), e);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
