package dev.specbot.storage;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a PostgreSQL transaction again when PostgreSQL rolled it back to keep transactions side by
 * side serializable (SQLSTATE 40001) or to break a deadlock (40P01): the work was undone whole, so
 * running it again is safe, and after a short random pause the two rarely meet again.
 */
final class Retries {
  /**
   * Each conflict means another transaction committed, so retries follow progress; but with many
   * writers on one row (the storage test's eight threads on one outbox lane) an unlucky one can
   * lose dozens of rounds in a row. A time bound, not a count, still turns a bug into an error.
   */
  private static final long GIVE_UP_AFTER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  private static final long FIRST_PAUSE_MICROS = 200;

  private Retries() {}

  static <T> T run(Supplier<T> transaction) {
    long giveUpAt = System.nanoTime() + GIVE_UP_AFTER_NANOS;
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (System.nanoTime() > giveUpAt || !isConflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /**
   * Whether PostgreSQL undid the transaction for colliding with another, at any depth: a batch's
   * failure carries the statement's own behind {@link SQLException#getNextException()}.
   */
  static boolean isConflict(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && isConflict(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isConflict(SQLException first) {
    for (SQLException sql = first; sql != null; sql = sql.getNextException()) {
      if ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static void pause(int attempt) {
    long bound = FIRST_PAUSE_MICROS << Math.min(attempt, 7);
    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound) * 1_000);
  }
}
