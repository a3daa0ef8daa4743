package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Status;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {
  /** Keys recorded before this are past Slack's retries. */
  private static final Instant RETRIED = at(3600);

  /** Interviews closed (last changed) before this are read by no catch-up. */
  private static final Instant CLOSED = at(600);

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(file());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void an_event_handled_twice_is_reported_as_a_duplicate() {
    assertTrue(firstTime("event:Ev1"));
    assertFalse(firstTime("event:Ev1"));
    assertTrue(firstTime("event:Ev2"));
  }

  @Test
  void any_seen_looks_for_every_key_at_once_and_is_false_for_none() {
    assertTrue(firstTime("message:C1:1.2"));

    assertEquals(
        List.of(false, true, true, false),
        database.read(
            tx ->
                List.of(
                    tx.events().anySeen(List.of("event:Ev9", "message:C1:1.3")),
                    tx.events().anySeen(List.of("event:Ev9", "message:C1:1.2")),
                    tx.events().anySeen(List.of("message:C1:1.2")),
                    tx.events().anySeen(List.of()))));
  }

  @Test
  void keys_recorded_together_are_new_only_if_none_was_seen_and_each_is_kept_as_its_kind()
      throws SQLException {
    assertTrue(allFirstTime(List.of("event:Ev1"), List.of("message:C1:1.2")));
    assertFalse(allFirstTime(List.of("event:Ev2"), List.of("message:C1:1.2")), "a reply seen");
    assertTrue(allFirstTime(List.of(), List.of()), "nothing to record");

    assertEquals(
        List.of("event:Ev1 none", "event:Ev2 none", "message:C1:1.2 i1"),
        column(file(), "SELECT event_key || ' ' || COALESCE(interview_id, 'none')"),
        "the new key of a duplicate is recorded too; only the reply's stays with its interview");
  }

  @Test
  void a_forgotten_key_is_taken_as_new_the_next_time_and_others_stay() {
    assertTrue(firstTime("envelope:E1"));
    assertTrue(firstTime("envelope:E2"));

    database.transaction(
        tx -> {
          tx.events().forget("envelope:E1");
          return null;
        });

    assertTrue(firstTime("envelope:E1"));
    assertFalse(firstTime("envelope:E2"));
  }

  @Test
  void a_key_seen_twice_in_one_transaction_is_a_duplicate_the_second_time() {
    assertEquals(
        List.of(true, false),
        database.transaction(
            tx ->
                List.of(
                    tx.events().firstTime("message:C1:1.1", T0),
                    tx.events().firstTime("message:C1:1.1", T0))));
  }

  @Test
  void an_event_whose_handling_failed_is_handled_again_when_slack_retries_it() {
    assertThrows(
        IllegalStateException.class,
        () ->
            database.transaction(
                tx -> {
                  tx.events().firstTime("event:Ev1", T0);
                  throw new IllegalStateException("handling failed");
                }));

    assertTrue(firstTime("event:Ev1"));
  }

  @Test
  void an_interviews_key_is_a_duplicate_the_second_time_whoever_records_it() {
    assertTrue(firstTimeFor("i-1", "message:C1:1.1"));
    assertFalse(firstTimeFor("i-1", "message:C1:1.1"));
    assertFalse(firstTime("message:C1:1.1"));
  }

  @Test
  void keys_only_retries_need_go_once_recorded_before_the_cutoff_a_batch_at_a_time() {
    for (int i = 0; i < 5; i++) {
      record(Optional.empty(), "event:Old" + i, RETRIED.minusMillis(1 + i));
    }
    record(Optional.empty(), "event:Retried", RETRIED);
    interview("i-closed", Status.FINISHED, T0);
    record(Optional.of("i-closed"), "message:C1:1.1", T0);

    assertEquals(3, pruneRetried(3));
    assertEquals(2, pruneRetried(3));
    assertEquals(0, pruneRetried(3));

    assertEquals(List.of("event:Retried", "message:C1:1.1"), keys());
  }

  @Test
  void an_interviews_keys_stay_while_it_is_open_or_lately_closed_and_within_retries() {
    interview("i-open", Status.ASKING, T0);
    interview("i-paused", Status.PAUSED, T0);
    interview("i-lately-closed", Status.CANCELLED, CLOSED);
    interview("i-finished", Status.FINISHED, CLOSED.minusMillis(1));
    record(Optional.of("i-open"), "message:C1:1.1", T0);
    record(Optional.of("i-paused"), "message:C1:1.2", T0);
    record(Optional.of("i-lately-closed"), "message:C1:1.3", T0);
    record(Optional.of("i-finished"), "message:C1:1.4", T0);
    record(Optional.of("i-finished"), "refused:i-finished:is_archived", T0);
    record(Optional.of("i-finished"), "message:C1:1.5", RETRIED);

    assertEquals(2, pruneUnread(10));

    assertEquals(
        List.of("message:C1:1.1", "message:C1:1.2", "message:C1:1.3", "message:C1:1.5"), keys());
  }

  @Test
  void message_keys_from_before_v6_stay_while_an_interview_of_their_channel_may_be_read()
      throws SQLException {
    database.close();
    Path old = folder.resolve("v5.db");
    Flyway.configure()
        .dataSource(TestDatabases.urlFor(old), null, null)
        .locations("classpath:db/migration")
        .target("5")
        .load()
        .migrate();
    try (Connection connection = TestDatabases.connect(TestDatabases.urlFor(old))) {
      // C-SPECS: one interview closed long ago, one still open, started at 100 s.
      v5Interview(connection, "i-old", "C-SPECS", Status.FINISHED, at(0), at(1));
      v5Interview(connection, "i-open", "C-SPECS", Status.ASKING, at(100), at(200));
      // C-DONE: only an interview closed long ago; C-SPECS2 shares C-SPECS's prefix.
      v5Interview(connection, "i-done", "C-DONE", Status.CANCELLED, at(0), at(1));
      v5Interview(connection, "i-other", "C-SPECS2", Status.ASKING, at(0), at(1));
      v5Key(connection, "message:C-SPECS:1.1", at(50)); // i-old's: before i-open began
      v5Key(connection, "message:C-SPECS:1.2", at(150)); // i-open's, or i-old's
      v5Key(connection, "message:C-DONE:1.3", at(150));
      v5Key(connection, "message:C-CHAT:1.4", at(150)); // no interview ever there
      v5Key(connection, "event:Ev1", at(150));
    }
    database = Fixtures.open(old);

    assertEquals(
        List.of(
            "event:Ev1 null",
            "message:C-CHAT:1.4 null",
            "message:C-DONE:1.3 C-DONE",
            "message:C-SPECS:1.1 C-SPECS",
            "message:C-SPECS:1.2 C-SPECS"),
        column(old, "SELECT event_key || ' ' || COALESCE(legacy_channel_id, 'null')"));
    assertEquals(2, pruneRetried(10));
    assertEquals(2, pruneUnread(10));
    assertEquals(List.of("message:C-SPECS:1.2"), column(old, "SELECT event_key"));
  }

  private int pruneRetried(int limit) {
    return database.transaction(tx -> tx.events().pruneRetried(RETRIED, limit));
  }

  private int pruneUnread(int limit) {
    return database.transaction(tx -> tx.events().pruneUnread(RETRIED, CLOSED, limit));
  }

  private boolean firstTime(String key) {
    return database.transaction(tx -> tx.events().firstTime(key, at(1)));
  }

  private boolean allFirstTime(List<String> retried, List<String> kept) {
    return database.transaction(tx -> tx.events().allFirstTime(retried, "i1", kept, at(1)));
  }

  private boolean firstTimeFor(String interviewId, String key) {
    return database.transaction(tx -> tx.events().firstTimeFor(interviewId, key, at(1)));
  }

  private void record(Optional<String> interviewId, String key, Instant at) {
    Fixtures.inTransaction(
        database,
        tx -> {
          if (interviewId.isPresent()) {
            tx.events().firstTimeFor(interviewId.get(), key, at);
          } else {
            tx.events().firstTime(key, at);
          }
        });
  }

  /** An interview last changed at {@code updatedAt}. */
  private void interview(String id, Status status, Instant updatedAt) {
    Fixtures.inTransaction(
        database,
        tx ->
            tx.interviews()
                .insert(
                    Fixtures.interview(id, status, 0, Map.of(), Set.of(), updatedAt),
                    Fixtures.GENERAL));
  }

  private List<String> keys() {
    try {
      return column(file(), "SELECT event_key");
    } catch (SQLException e) {
      throw new AssertionError("could not read the keys", e);
    }
  }

  /** One column of processed_events, sorted, read with a connection of its own. */
  private static List<String> column(Path file, String select) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = TestDatabases.connect(TestDatabases.urlFor(file));
        ResultSet rows =
            connection
                .createStatement()
                .executeQuery(select + " FROM processed_events ORDER BY 1")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static void v5Interview(
      Connection connection,
      String id,
      String channel,
      Status status,
      Instant created,
      Instant updated)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO interviews (id, template_id, title, drafter_id, drafter_name, status,"
                + " current_index, team_id, channel_id, thread_ts, created_at, updated_at)"
                + " VALUES (?, 'feature-plan', 'Title', 'U1', 'Ann', ?, 0, 'T1', ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, status.name());
      insert.setString(3, channel);
      insert.setString(4, "1.0" + id);
      insert.setLong(5, created.toEpochMilli());
      insert.setLong(6, updated.toEpochMilli());
      insert.executeUpdate();
    }
  }

  private static void v5Key(Connection connection, String key, Instant at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO processed_events (event_key, processed_at) VALUES (?, ?)")) {
      insert.setString(1, key);
      insert.setLong(2, at.toEpochMilli());
      insert.executeUpdate();
    }
  }

  private Path file() {
    return folder.resolve("specbot.db");
  }
}
