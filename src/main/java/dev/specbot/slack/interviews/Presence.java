package dev.specbot.slack.interviews;

import dev.specbot.background.DaemonThreads;
import dev.specbot.storage.Database;
import dev.specbot.storage.Instances;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bot's heartbeat in the database, and what the others' tell it: whether, when it started,
 * another bot had been up all along. If one had, Slack delivered everything to someone, and there
 * is no thread to read for replies missed; a team running three instances then reads its threads
 * once after the whole fleet was down, not once per restarted instance.
 */
public final class Presence implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Presence.class);

  private static final Duration BEAT = Instances.BEAT;

  /** A crashed bot's row says nothing after this; it is deleted. */
  private static final Duration GONE = Duration.ofDays(1);

  private final Database database;
  private final Clock clock;
  private volatile String name = "unstarted";
  private final Instant startedAt;
  private final ScheduledExecutorService beats =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-heartbeat"));

  public Presence(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  /**
   * Beats now, then every {@link #BEAT}, as {@code name}: what tells this bot apart from the others
   * on the database (its host and port).
   */
  public void start(String name) {
    this.name = Objects.requireNonNull(name, "null name");
    beat();
    var unused =
        beats.scheduleAtFixedRate(
            this::beatLogged, BEAT.toMillis(), BEAT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Whether another bot started before this one and is alive since: waits up to three of its beats
   * for a sign of life newer than this start, since a crashed bot's last beat can look recent.
   */
  boolean anotherWasUpAllAlong() {
    Duration patience = Instances.SILENT;
    // Nobody has beaten lately: a bot alone (the usual case) need not wait to know it.
    if (!database.transaction(
        tx -> tx.instances().otherUpThroughout(name, startedAt, startedAt.minus(patience)))) {
      return false;
    }
    long deadline = System.nanoTime() + patience.toNanos();
    do {
      if (database.transaction(
          tx -> tx.instances().otherUpThroughout(name, startedAt, startedAt))) {
        return true;
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    } while (System.nanoTime() < deadline);
    return false;
  }

  /** Stops beating and removes this bot's row: it is gone, not crashed. */
  @Override
  public void close() {
    beats.shutdownNow();
    try {
      database.transaction(
          tx -> {
            tx.instances().remove(name);
            return null;
          });
    } catch (RuntimeException e) {
      log.warn("Could not remove this bot's heartbeat row {}", name, e);
    }
  }

  private void beatLogged() {
    try {
      beat();
    } catch (RuntimeException e) {
      // The database may be away for a moment: the next beat tries again.
      log.warn("Heartbeat failed", e);
    }
  }

  private void beat() {
    Instant now = clock.instant();
    database.claiming(
        tx -> {
          tx.instances().beat(name, startedAt, now);
          tx.instances().pruneGone(now.minus(GONE));
          return null;
        });
  }
}
