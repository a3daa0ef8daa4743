package dev.specbot.slack;

import dev.specbot.storage.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes outbox messages settled more than {@link #KEPT} ago, a minute after start (not to slow
 * the start or the catch-up) and then every few hours. The outbox is the bot's record of the calls
 * it made: a month of it is enough to look into a recent interview, and kept forever it is most of
 * the database (300 MB for 10,000 finished interviews), in indexes every new message goes through.
 */
final class OutboxPruner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxPruner.class);

  static final Duration KEPT = Duration.ofDays(30);
  private static final Duration FIRST = Duration.ofMinutes(1);
  private static final Duration EVERY = Duration.ofHours(6);

  /**
   * Deleted per transaction, holding the database's one writer meanwhile: 500 sent messages of 2 KB
   * among 170,000 took 50–70 ms in the sqlite3 shell (its own start included), so a batch is kept
   * to a fifth of that, near a busy request's own transaction.
   */
  static final int BATCH = 100;

  private final Database database;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-outbox-pruner"));
  private volatile boolean running = true;

  OutboxPruner(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  void start() {
    // pruneLogged catches what it throws: a failed round must not cancel the later ones.
    var unused =
        executor.scheduleWithFixedDelay(
            this::pruneLogged, FIRST.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
  }

  /** Deletes every message settled before the retention, a batch at a time; returns how many. */
  int prune() {
    int total = 0;
    int deleted;
    do {
      deleted =
          database.transaction(tx -> tx.outbox().pruneSettled(clock.instant().minus(KEPT), BATCH));
      total += deleted;
    } while (deleted == BATCH && running);
    return total;
  }

  private void pruneLogged() {
    try {
      int pruned = prune();
      if (pruned > 0) {
        log.info("Deleted {} outbox messages settled more than {} days ago", pruned, KEPT.toDays());
      }
    } catch (RuntimeException e) {
      // A locked or full database: the next round tries again; sending goes on meanwhile.
      log.warn("Pruning the outbox failed; trying again in {} hours", EVERY.toHours(), e);
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
