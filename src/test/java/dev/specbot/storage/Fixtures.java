package dev.specbot.storage;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** Interviews, places and instants for the storage tests, and a look at the file behind the API. */
final class Fixtures {
  static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  static final SlackPlace GENERAL =
      new SlackPlace("T1", "C-GENERAL", Optional.empty(), Optional.empty());

  private Fixtures() {}

  static Instant at(long secondsAfterT0) {
    return T0.plusSeconds(secondsAfterT0);
  }

  static Database open(Path file) {
    return Database.open(TestDatabases.urlFor(file));
  }

  static void inTransaction(Database database, Consumer<Tx> work) {
    database.transaction(
        tx -> {
          work.accept(tx);
          return null;
        });
  }

  static Interview interview(String id, String drafterId, Instant createdAt) {
    return Interview.start(id, "feature-plan", "Title of " + id, drafterId, "Drafter", createdAt);
  }

  static Interview interview(
      String id,
      Status status,
      int current,
      Map<String, String> answers,
      Set<String> skipped,
      Instant updatedAt) {
    return new Interview(
        id,
        "feature-plan",
        "Title of " + id,
        "U-ALICE",
        "Alice",
        status,
        current,
        answers,
        skipped,
        T0,
        updatedAt);
  }

  /** Counts rows with a connection of its own, as an operator's shell would. */
  static long count(Path file, String table) {
    try (Connection connection = TestDatabases.connect(TestDatabases.urlFor(file));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count " + table + " in " + file, e);
    }
  }
}
