package dev.specbot.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.meeting.Person;
import dev.specbot.storage.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path folder;

  @Test
  void what_the_writer_committed_is_copied_into_the_file_by_the_checkpoints_thread()
      throws Exception {
    Path file = folder.resolve("c.db");
    // The writer's connection never checkpoints itself here, and stays open: its last close would.
    String url = "jdbc:sqlite:" + file + "?journal_mode=WAL&wal_autocheckpoint=0";
    try (Connection writer = DriverManager.getConnection(url)) {
      try (Statement statement = writer.createStatement()) {
        statement.execute("CREATE TABLE said (n INTEGER PRIMARY KEY)");
      }
      try (PreparedStatement insert = writer.prepareStatement("INSERT INTO said VALUES (?)")) {
        for (int n = 0; n < 200; n++) {
          insert.setInt(1, n);
          insert.executeUpdate();
        }
      }
      assertEquals(-1, rowsInFileAlone(file, "SELECT COUNT(*) FROM said"), "still in the log");

      try (Checkpoints checkpoints = new Checkpoints(url, Duration.ZERO)) {
        checkpoints.wake();
        await(() -> checkpoints.checkpointed() >= 1, "a checkpoint");
      }
      assertEquals(200, rowsInFileAlone(file, "SELECT COUNT(*) FROM said"));
    }
  }

  @Test
  void the_database_checkpoints_after_its_writer_commits() {
    Path file = folder.resolve("bot.db");
    Person person = new Person("U1", "Ada", Optional.empty(), ZoneOffset.UTC);
    try (Database database = Database.open("jdbc:sqlite:" + file)) {
      database.transaction(
          tx -> {
            tx.people().save(person, Instant.EPOCH);
            return null;
          });
      String query = "SELECT COUNT(*) FROM people WHERE user_id = 'U1'";
      await(() -> rowsInFileAlone(file, query) == 1, "the person in the database file");
    }
  }

  /**
   * What the database file holds without its write-ahead log: the count the query gives on a copy
   * of the file alone, or -1 when the copy has no such table yet (or was copied mid-checkpoint).
   */
  private long rowsInFileAlone(Path file, String count) {
    Path copy = folder.resolve("copy-" + System.nanoTime() + ".db");
    try {
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + copy);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery(count)) {
        return rows.next() ? rows.getLong(1) : -1;
      }
    } catch (SQLException | IOException notThereYet) {
      return -1;
    }
  }

  private static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
