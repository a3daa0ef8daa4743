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
   * Eight threads writing one outbox lane at once (the storage test's worst case) each lose a few
   * rounds in a row; a bound still turns a bug into an error instead of a loop.
   */
  private static final int ATTEMPTS = 50;

  private static final long FIRST_PAUSE_MICROS = 200;

  private Retries() {}

  static <T> T run(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS || !isConflict(e)) {
          throw e;
        }
        pause(attempt);
      }
    }
  }

  /** Whether PostgreSQL undid the transaction for colliding with another, at any depth. */
  static boolean isConflict(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
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
