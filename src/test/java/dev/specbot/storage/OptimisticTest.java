package dev.specbot.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Interview;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work computed outside the transaction is written only on the interview it was computed from. */
class OptimisticTest {
  private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.urlFor(folder.resolve("specbot.db")));
    Interview interview = Interview.start("i-1", "echo-tech-spec", "Title", "U1", "Alice", NOW);
    database.transaction(
        tx -> {
          tx.interviews()
              .insert(interview, new SlackPlace("T1", "C1", Optional.empty(), Optional.empty()));
          return null;
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void work_on_an_unchanged_interview_is_computed_once_and_written() {
    AtomicInteger computed = new AtomicInteger();
    String result =
        Optimistic.run(
            database,
            tx ->
                Optimistic.compute(
                    "i-1",
                    tx.interviews().version("i-1"),
                    () -> {
                      computed.incrementAndGet();
                      return write -> "written";
                    }));
    assertEquals("written", result);
    assertEquals(1, computed.get());
  }

  @Test
  void work_on_an_interview_changed_while_it_computed_is_computed_again_from_the_change() {
    List<Long> versionsRead = new ArrayList<>();
    AtomicInteger computed = new AtomicInteger();
    String result =
        Optimistic.run(
            database,
            tx -> {
              long version = tx.interviews().version("i-1");
              versionsRead.add(version);
              return Optimistic.compute(
                  "i-1",
                  version,
                  () -> {
                    if (computed.incrementAndGet() == 1) {
                      // Someone else changes the interview while this computes.
                      database.transaction(
                          other -> {
                            long current = other.interviews().version("i-1");
                            return other.interviews().claimVersion("i-1", current);
                          });
                    }
                    return write -> "written after " + computed.get();
                  });
            });
    assertEquals("written after 2", result);
    assertEquals(2, versionsRead.size());
    assertTrue(versionsRead.get(1) > versionsRead.get(0), versionsRead.toString());
  }

  @Test
  void a_stale_write_is_rolled_back_whole() {
    AtomicInteger attempts = new AtomicInteger();
    Optimistic.run(
        database,
        tx -> {
          long version = tx.interviews().version("i-1");
          int attempt = attempts.incrementAndGet();
          return Optimistic.compute(
              "i-1",
              attempt == 1 ? version - 1 : version, // The first write finds a newer interview.
              () -> write -> write.events().firstTime("event:attempt-" + attempt, NOW));
        });
    assertEquals(2, attempts.get());
    boolean firstKept = database.transaction(tx -> tx.events().seen("event:attempt-1"));
    boolean secondKept = database.transaction(tx -> tx.events().seen("event:attempt-2"));
    assertFalse(firstKept, "the stale attempt's writes were rolled back");
    assertTrue(secondKept);
  }

  @Test
  void a_stale_write_is_found_stale_by_its_update_of_the_interview_and_computed_again() {
    AtomicInteger attempts = new AtomicInteger();
    Interview read = database.read(tx -> tx.interviews().find("i-1")).orElseThrow().interview();
    long before = database.read(tx -> tx.interviews().version("i-1"));
    String result =
        Optimistic.run(
            database,
            tx -> {
              long version = tx.interviews().version("i-1");
              int attempt = attempts.incrementAndGet();
              return Optimistic.compute(
                  "i-1",
                  attempt == 1 ? version - 1 : version,
                  () ->
                      write -> {
                        write.events().firstTime("event:update-" + attempt, NOW);
                        write.interviews().update(read, read);
                        return "written on attempt " + attempt;
                      });
            });
    assertEquals("written on attempt 2", result);
    boolean firstKept = database.read(tx -> tx.events().seen("event:update-1"));
    long after = database.read(tx -> tx.interviews().version("i-1"));
    assertFalse(firstKept, "the stale attempt's writes were rolled back");
    assertEquals(before + 1, after, "counted up once, by the update");
  }

  @Test
  void nothing_is_held_while_the_work_computes() throws Exception {
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread slow =
        new Thread(
            () ->
                Optimistic.run(
                    database,
                    tx ->
                        Optimistic.compute(
                            "i-1",
                            tx.interviews().version("i-1"),
                            () -> {
                              computing.countDown();
                              await(release);
                              return write -> "slow";
                            })));
    slow.start();
    assertTrue(computing.await(10, TimeUnit.SECONDS));
    // While the slow work computes, another transaction goes through (held, it would time out).
    long version =
        CompletableFuture.supplyAsync(
                () -> database.transaction(tx -> tx.interviews().version("i-1")))
            .get(10, TimeUnit.SECONDS);
    release.countDown();
    slow.join(10_000);
    assertEquals(0, version);
    assertFalse(slow.isAlive());
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue(latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
