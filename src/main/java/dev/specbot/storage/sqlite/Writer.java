package dev.specbot.storage.sqlite;

import dev.specbot.background.DaemonThreads;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's one writer: every write transaction is queued, first come first served, and run on one
 * thread, the ones waiting together in one commit, each behind a savepoint of its own. A
 * transaction queued {@linkplain #runAhead ahead} (one small insert that a request's
 * acknowledgement waits for) goes before those already waiting.
 *
 * <p>Why a thread: when each request ran its own transaction, the lock passed from thread to
 * thread, and each next holder first had to be woken and given a core; under load, with two cores
 * and dozens of requests, the writer stood idle between transactions and its holder was often
 * preempted mid-transaction. Here the writer runs back to back while there is work, and it is the
 * waiting request that is woken afterwards, with the lock already free. Why one commit for several:
 * a commit writes the write-ahead log and begins again, about as long as a whole small transaction.
 *
 * <p>Each transaction still sees the database as if it ran alone (they run one after the other),
 * and fails alone: one that throws is rolled back to its savepoint and its caller gets the
 * exception, while the others go on. Success is reported only once the commit is done; a commit
 * that fails fails every transaction in it.
 */
public final class Writer implements AutoCloseable {
  /**
   * Few: a commit costs about as much as one small transaction, so eight share out most of it, and
   * every caller in a commit waits for all of it. With 64, the reply ack's p99 was 165-197 ms
   * against 117-146 ms with 8, in paired benchmark runs, for the same answers per second.
   */
  private static final int MOST_IN_ONE_COMMIT = 8;

  private final Jdbi jdbi;
  private final Runnable afterCommit;
  private final BlockingQueue<Transaction<?>> waiting =
      new PriorityBlockingQueue<>(64, Transaction.ORDER);
  private final AtomicLong arrivals = new AtomicLong();
  private final Thread thread;
  private volatile boolean closed;

  /** Starts the writer's thread on {@code jdbi}, whose pool has the one writing connection. */
  public Writer(Jdbi jdbi) {
    this(jdbi, () -> {});
  }

  /** The same, telling {@code afterCommit} of each commit (the {@link Checkpoints}). */
  public Writer(Jdbi jdbi, Runnable afterCommit) {
    this.jdbi = Objects.requireNonNull(jdbi, "null jdbi");
    this.afterCommit = Objects.requireNonNull(afterCommit, "null afterCommit");
    this.thread = DaemonThreads.of("specbot-db-writer", this::writeUntilClosed);
    thread.start();
  }

  /** Work on the writing connection's handle, inside a transaction it must not end itself. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Handle handle);
  }

  /**
   * Runs the work in the writer's next commit and returns its result once committed; throws what
   * the work threw (nothing of it is then written) or what the commit threw.
   */
  public <T> T run(Work<T> work) {
    return queue(work, false);
  }

  /**
   * As {@link #run}, but ahead of the transactions waiting (after those queued ahead before it):
   * for a write of a statement or two that a request waits on before it answers, which would
   * otherwise wait for a whole wave of others' writes to be committed.
   */
  public <T> T runAhead(Work<T> work) {
    return queue(work, true);
  }

  private <T> T queue(Work<T> work, boolean ahead) {
    Objects.requireNonNull(work, "null work");
    if (Thread.currentThread() == thread) {
      // The writer waiting for itself would wait forever; SQLite has no nested transactions.
      throw new IllegalStateException("a transaction was begun inside another");
    }
    Transaction<T> transaction = new Transaction<>(work, ahead, arrivals.incrementAndGet());
    waiting.add(transaction);
    if (closed && waiting.remove(transaction)) {
      throw new IllegalStateException("the database is closed");
    }
    return transaction.outcome();
  }

  /** How many transactions wait behind the one running, for tests. */
  int queued() {
    return waiting.size();
  }

  /** Runs what is already queued, then stops the thread. */
  @Override
  public void close() {
    closed = true;
    // Wakes the thread to see that it is closed.
    waiting.add(new Transaction<>(handle -> null, false, arrivals.incrementAndGet()));
    DaemonThreads.joinUninterruptibly(thread);
  }

  private void writeUntilClosed() {
    List<Transaction<?>> batch = new ArrayList<>();
    while (!closed || !waiting.isEmpty()) {
      try {
        batch.add(waiting.take());
      } catch (InterruptedException e) {
        continue; // Nobody interrupts it; it stops when closed, after the work queued before.
      }
      waiting.drainTo(batch, MOST_IN_ONE_COMMIT - 1);
      commit(batch);
      batch.clear();
    }
  }

  /** One commit for the batch; each transaction learns its outcome only after it. */
  private void commit(List<Transaction<?>> batch) {
    try {
      if (batch.size() == 1) {
        // Alone, a savepoint would add two statements for what the transaction's rollback does.
        Transaction<?> only = batch.get(0);
        jdbi.useTransaction(only::runAlone);
      } else {
        jdbi.useTransaction(handle -> batch.forEach(transaction -> transaction.runIn(handle)));
      }
      afterCommit.run();
      batch.forEach(Transaction::report);
    } catch (Throwable commitFailed) {
      batch.forEach(transaction -> transaction.failUnlessFailed(commitFailed));
    }
  }

  /** One caller's transaction: its work, then its result or failure, awaited by the caller. */
  private static final class Transaction<T> {
    /** Those queued ahead first, then in the order they came. */
    static final Comparator<Transaction<?>> ORDER =
        Comparator.<Transaction<?>, Boolean>comparing(transaction -> !transaction.ahead)
            .thenComparingLong(transaction -> transaction.arrival);

    private final Work<T> work;
    private final boolean ahead;
    private final long arrival;

    /** Released once, when the outcome is known. */
    private final Semaphore done = new Semaphore(0);

    private T result;
    private Throwable failure;

    Transaction(Work<T> work, boolean ahead, long arrival) {
      this.work = work;
      this.ahead = ahead;
      this.arrival = arrival;
    }

    /** The only one in its commit: what it throws rolls back the whole transaction. */
    void runAlone(Handle handle) {
      try {
        result = work.run(handle);
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      }
    }

    /**
     * One of several: what it throws rolls back to its savepoint, and the others go on. The
     * savepoint is the driver's, which runs its statement directly: through Jdbi each cost as much
     * as one of the transaction's own statements.
     */
    void runIn(Handle handle) {
      Connection connection = handle.getConnection();
      Savepoint savepoint = savepoint(connection);
      try {
        result = work.run(handle);
      } catch (RuntimeException | Error e) {
        failure = e;
        release(connection, savepoint, true);
        return;
      }
      release(connection, savepoint, false);
    }

    private static Savepoint savepoint(Connection connection) {
      try {
        return connection.setSavepoint();
      } catch (SQLException e) {
        throw new IllegalStateException("could not begin a savepoint", e);
      }
    }

    private static void release(Connection connection, Savepoint savepoint, boolean rollBack) {
      try {
        if (rollBack) {
          connection.rollback(savepoint);
        }
        connection.releaseSavepoint(savepoint);
      } catch (SQLException e) {
        throw new IllegalStateException("could not end a savepoint", e);
      }
    }

    void report() {
      done.release();
    }

    void failUnlessFailed(Throwable commitFailed) {
      if (failure == null) {
        failure = commitFailed;
      }
      done.release();
    }

    /** Waits, as the lock it replaces did, without giving up on an interrupt. */
    T outcome() {
      done.acquireUninterruptibly();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (failure instanceof Error error) {
        throw error;
      }
      return result;
    }
  }
}
