package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {
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
  void an_event_handled_twice_is_reported_as_a_duplicate() {
    assertTrue(firstTime("event:Ev1"));
    assertFalse(firstTime("event:Ev1"));
    assertTrue(firstTime("event:Ev2"));
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

  private boolean firstTime(String key) {
    return database.transaction(tx -> tx.events().firstTime(key, at(1)));
  }
}
