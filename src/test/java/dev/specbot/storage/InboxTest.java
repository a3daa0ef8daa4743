package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxTest {
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void an_event_is_recorded_once_until_it_is_removed() {
    assertTrue(record("reply:C1:1.0", "{\"text\":\"first\"}", at(0), at(30)));
    assertFalse(record("reply:C1:1.0", "{\"text\":\"again\"}", at(1), at(31)), "a redelivery");
    assertEquals(List.of("{\"text\":\"first\"}"), events(at(31)));

    inTransaction(database, tx -> tx.inbox().remove("reply:C1:1.0"));
    assertEquals(List.of(), events(at(31)));
    assertTrue(record("reply:C1:1.0", "{}", at(40), at(70)), "recorded again once it is gone");
  }

  @Test
  void events_are_due_once_their_lease_runs_out_longest_out_first() {
    record("late", "l", T0, at(50));
    record("early", "e", T0, at(20));
    record("held", "h", T0, at(100));

    assertEquals(List.of(), events(at(20)), "a lease running out now still holds");
    assertEquals(List.of("e", "l"), events(at(60)));
    assertEquals(
        List.of("e"),
        database.read(tx -> tx.inbox().due(at(60), 1)).stream()
            .map(Inbox.Recorded::event)
            .toList());
  }

  @Test
  void a_due_event_is_taken_by_one_bot_and_counts_the_attempt() {
    record("reply", "r", T0, at(30));
    Inbox.Recorded due = database.read(tx -> tx.inbox().due(at(31), 10)).get(0);
    assertEquals(0, due.attempts());

    assertTrue(take(due, at(61)));
    assertFalse(take(due, at(62)), "another bot read the same lease");
    assertEquals(List.of(), events(at(61)), "held again");
    Inbox.Recorded again = database.read(tx -> tx.inbox().due(at(62), 10)).get(0);
    assertEquals(1, again.attempts());
    assertEquals(at(61), again.leaseUntil());
  }

  private boolean record(String key, String event, Instant now, Instant until) {
    return database.ahead(tx -> tx.inbox().record(key, event, now, until));
  }

  private boolean take(Inbox.Recorded due, Instant until) {
    return database.claiming(tx -> tx.inbox().take(due, until));
  }

  private List<String> events(Instant now) {
    return database.read(tx -> tx.inbox().due(now, 100)).stream()
        .map(Inbox.Recorded::event)
        .toList();
  }
}
