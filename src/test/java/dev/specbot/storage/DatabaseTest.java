package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.GENERAL;
import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.count;
import static dev.specbot.storage.Fixtures.inTransaction;
import static dev.specbot.storage.Fixtures.interview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specbot.interview.Interview;
import dev.specbot.testdb.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path folder;

  @Test
  void a_fresh_file_in_a_new_folder_is_created_and_migrated() {
    assumeFalse(TestDatabases.postgres(), "about SQLite's file");
    Path file = folder.resolve("data/nested/specbot.db");

    try (Database database = Fixtures.open(file)) {
      inTransaction(database, tx -> assertEquals(Optional.empty(), tx.interviews().find("i-1")));
      assertTrue(Files.isRegularFile(file));
      for (String table : List.of("interviews", "answers", "outbox", "processed_events")) {
        assertEquals(0, count(file, table), table);
      }
    }
  }

  @Test
  void a_read_sees_what_was_committed_while_a_write_is_held_and_cannot_write() throws Exception {
    assumeFalse(TestDatabases.postgres(), "about SQLite's readers beside its one writer");
    try (Database database = Fixtures.open(folder.resolve("specbot.db"))) {
      inTransaction(database, tx -> tx.interviews().insert(interview("i-1", "U1", T0), GENERAL));
      CountDownLatch writing = new CountDownLatch(1);
      CountDownLatch readDone = new CountDownLatch(1);
      Thread writer =
          new Thread(
              () ->
                  inTransaction(
                      database,
                      tx -> {
                        tx.interviews().insert(interview("i-2", "U1", T0), GENERAL);
                        writing.countDown();
                        // Held until the read is done: a read that queued behind it would never be.
                        awaitUninterruptibly(readDone);
                      }));
      writer.start();
      writing.await();

      // A read that queued behind the writer would wait for ever: it fails here instead.
      Duration patience = Duration.ofSeconds(10);
      assertTrue(
          assertTimeoutPreemptively(
                  patience, () -> database.read(tx -> tx.interviews().find("i-1")))
              .isPresent());
      assertFalse(
          assertTimeoutPreemptively(
                  patience, () -> database.read(tx -> tx.interviews().find("i-2")))
              .isPresent());
      readDone.countDown();
      writer.join();

      assertTrue(database.read(tx -> tx.interviews().find("i-2")).isPresent());
      assertThrows(
          RuntimeException.class,
          () -> database.read(tx -> tx.events().firstTime("event:Ev1", T0)));
      boolean recorded = database.read(tx -> tx.events().seen("event:Ev1"));
      assertFalse(recorded);
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_file_and_the_folders_created_for_it_are_readable_by_the_owner_only() throws IOException {
    assumeFalse(TestDatabases.postgres(), "about SQLite's file");
    assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path file = folder.resolve("data/nested/specbot.db");

    try (Database database = Fixtures.open(file)) {
      inTransaction(database, tx -> tx.interviews().insert(interview("i-1", "U1", T0), GENERAL));

      assertEquals("rwx------", permissions(folder.resolve("data")));
      assertEquals("rwx------", permissions(folder.resolve("data/nested")));
      // The -wal and -shm files SQLite adds take the database file's permissions.
      try (Stream<Path> files = Files.list(file.getParent())) {
        for (Path each : files.toList()) {
          assertEquals("rw-------", permissions(each), each.toString());
        }
      }
    }
  }

  @Test
  void a_restart_loses_nothing() {
    Path file = folder.resolve("specbot.db");
    Interview interview = interview("i-1", "U1", T0);
    String messageId;
    try (Database database = Fixtures.open(file)) {
      messageId =
          database.transaction(
              tx -> {
                tx.interviews().insert(interview, GENERAL);
                tx.events().firstTime("event:E1", T0);
                return tx.outbox().enqueue("i-1", "POST_PARENT", "{}", T0);
              });
    }

    try (Database reopened = Fixtures.open(file)) {
      inTransaction(
          reopened,
          tx -> {
            assertEquals(
                Optional.of(new StoredInterview(interview, GENERAL)), tx.interviews().find("i-1"));
            assertEquals(messageId, tx.outbox().pending("i-1").get(0).id());
            assertFalse(tx.events().firstTime("event:E1", T0));
          });
    }
  }

  @Test
  void a_transaction_that_throws_leaves_nothing_behind_and_its_exception_reaches_the_caller() {
    Path file = folder.resolve("specbot.db");
    try (Database database = Fixtures.open(file)) {
      IllegalStateException thrown = new IllegalStateException("Slack said no");

      IllegalStateException caught =
          assertThrows(
              IllegalStateException.class,
              () ->
                  inTransaction(
                      database,
                      tx -> {
                        tx.interviews().insert(interview("i-1", "U1", T0), GENERAL);
                        tx.outbox().enqueue("i-1", "POST_PARENT", "{}", T0);
                        tx.events().firstTime("event:E1", T0);
                        throw thrown;
                      }));

      assertSame(thrown, caught);
      for (String table : List.of("interviews", "outbox", "processed_events")) {
        assertEquals(0, count(file, table), table);
      }
      inTransaction(database, tx -> assertTrue(tx.events().firstTime("event:E1", T0)));
    }
  }

  @Test
  void a_transaction_hands_back_what_its_work_returns() {
    try (Database database = Fixtures.open(folder.resolve("specbot.db"))) {
      assertEquals("done", database.transaction(tx -> "done"));
    }
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }
}
