package dev.specbot.storage.sqlite;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriterTest {
  @TempDir Path folder;

  private Jdbi jdbi;
  private Writer writer;
  private Future<Integer> held;
  private final ExecutorService callers = Executors.newFixedThreadPool(6);

  @BeforeEach
  void open() {
    jdbi =
        Jdbi.create(
            "jdbc:sqlite:" + folder.resolve("w.db") + "?journal_mode=WAL&foreign_keys=true");
    jdbi.useHandle(
        handle -> {
          handle.execute("CREATE TABLE said (word TEXT PRIMARY KEY)");
          handle.execute(
              "CREATE TABLE child (word TEXT REFERENCES said (word) DEFERRABLE INITIALLY DEFERRED)");
        });
    writer = new Writer(jdbi);
  }

  @AfterEach
  void close() {
    callers.shutdownNow();
    writer.close();
  }

  @Test
  void transactions_queued_together_commit_together_and_the_one_that_throws_is_rolled_back_alone()
      throws Exception {
    Semaphore release = hold();
    IllegalArgumentException refused = new IllegalArgumentException("no");
    Future<Integer> a = callers.submit(() -> say("a"));
    awaitQueued(1);
    Future<Integer> b =
        callers.submit(
            () ->
                writer.run(
                    handle -> {
                      handle.execute("INSERT INTO said VALUES ('b')");
                      throw refused;
                    }));
    awaitQueued(2);
    Future<Integer> c = callers.submit(() -> say("c"));
    awaitQueued(3);
    release.release();

    assertEquals(1, held.get(10, SECONDS));
    assertEquals(1, a.get(10, SECONDS));
    ExecutionException thrown = assertThrows(ExecutionException.class, () -> b.get(10, SECONDS));
    assertSame(refused, thrown.getCause());
    assertEquals(1, c.get(10, SECONDS));
    assertEquals(List.of("a", "c", "held"), said());
  }

  @Test
  void transactions_queued_ahead_run_before_those_waiting_in_the_order_they_came()
      throws Exception {
    Semaphore release = hold();
    Future<Integer> a = callers.submit(() -> say("a"));
    awaitQueued(1);
    Future<Integer> b = callers.submit(() -> say("b"));
    awaitQueued(2);
    Future<Integer> ahead = callers.submit(() -> sayAhead("ahead"));
    awaitQueued(3);
    Future<Integer> aheadToo = callers.submit(() -> sayAhead("ahead too"));
    awaitQueued(4);
    release.release();

    for (Future<Integer> each : List.of(held, a, b, ahead, aheadToo)) {
      assertEquals(1, each.get(10, SECONDS));
    }
    assertEquals(List.of("held", "ahead", "ahead too", "a", "b"), saidInTurn());
  }

  @Test
  void a_commit_that_fails_fails_every_transaction_in_it_and_writes_nothing() throws Exception {
    Semaphore release = hold();
    // Checked only at the commit: a child whose word was never said.
    Future<Integer> orphan =
        callers.submit(
            () -> writer.run(handle -> handle.execute("INSERT INTO child VALUES ('never said')")));
    awaitQueued(1);
    Future<Integer> a = callers.submit(() -> say("a"));
    awaitQueued(2);
    release.release();

    ExecutionException failed = assertThrows(ExecutionException.class, () -> a.get(10, SECONDS));
    ExecutionException alsoFailed =
        assertThrows(ExecutionException.class, () -> orphan.get(10, SECONDS));
    assertSame(failed.getCause(), alsoFailed.getCause());
    assertEquals(List.of("held"), said());
    assertEquals(1, say("after"), "the writer goes on after a failed commit");
  }

  @Test
  void a_transaction_begun_inside_another_fails_instead_of_waiting_for_itself() {
    IllegalStateException nested =
        assertThrows(
            IllegalStateException.class,
            () -> writer.run(handle -> writer.run(inner -> inner.execute("SELECT 1"))));
    assertEquals("a transaction was begun inside another", nested.getMessage());
  }

  @Test
  void closing_runs_what_was_queued_and_refuses_what_comes_after() throws Exception {
    Semaphore release = hold();
    Future<Integer> queued = callers.submit(() -> say("queued"));
    awaitQueued(1);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(writer::close);
    release.release();
    closing.get(10, SECONDS);

    assertEquals(1, held.get(10, SECONDS));
    assertEquals(1, queued.get(10, SECONDS));
    IllegalStateException refused = assertThrows(IllegalStateException.class, () -> say("late"));
    assertEquals("the database is closed", refused.getMessage());
    assertEquals(List.of("held", "queued"), said());
  }

  /** A transaction that holds the writer until the semaphore returned is released. */
  private Semaphore hold() throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Semaphore release = new Semaphore(0);
    held =
        callers.submit(
            () ->
                writer.run(
                    handle -> {
                      holding.countDown();
                      release.acquireUninterruptibly();
                      return handle.execute("INSERT INTO said VALUES ('held')");
                    }));
    assertTrue(holding.await(10, SECONDS));
    return release;
  }

  private int say(String word) {
    return writer.run(handle -> handle.execute("INSERT INTO said VALUES (?)", word));
  }

  private int sayAhead(String word) {
    return writer.runAhead(handle -> handle.execute("INSERT INTO said VALUES (?)", word));
  }

  /** What was said, in the order it was written. */
  private List<String> saidInTurn() {
    return jdbi.withHandle(
        handle ->
            handle.createQuery("SELECT word FROM said ORDER BY rowid").mapTo(String.class).list());
  }

  private List<String> said() {
    return jdbi.withHandle(
        handle ->
            handle.createQuery("SELECT word FROM said ORDER BY word").mapTo(String.class).list());
  }

  /** Waits until {@code count} transactions wait behind the one running. */
  private void awaitQueued(int count) throws InterruptedException {
    long deadline = System.nanoTime() + SECONDS.toNanos(10);
    while (writer.queued() < count) {
      assertTrue(System.nanoTime() < deadline, "never queued");
      LockSupport.parkNanos(MILLISECONDS.toNanos(1));
    }
  }
}
