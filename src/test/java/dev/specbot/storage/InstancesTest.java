package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstancesTest {
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
  void another_bot_counts_as_up_all_along_only_if_it_started_before_and_beat_since() {
    inTransaction(database, tx -> tx.instances().beat("old", T0, at(100)));
    inTransaction(database, tx -> tx.instances().beat("young", at(60), at(100)));

    assertTrue(upThroughout("me", at(50), at(90)), "old started before and beat after");
    assertFalse(upThroughout("me", at(50), at(100)), "no beat after 100 yet");
    assertFalse(upThroughout("old", at(50), at(90)), "a bot's own row does not count");
    assertTrue(upThroughout("me", at(70), at(90)), "both started before 70");
    assertFalse(upThroughout("me", at(0), at(90)), "nobody started before T0");
  }

  @Test
  void a_bot_started_again_under_its_name_has_its_new_start() {
    inTransaction(database, tx -> tx.instances().beat("bot", T0, at(10)));
    inTransaction(database, tx -> tx.instances().beat("bot", at(30), at(31)));

    assertFalse(upThroughout("me", at(20), at(25)), "it was down between 10 and 30");
  }

  @Test
  void a_bot_removed_or_long_silent_is_gone() {
    inTransaction(database, tx -> tx.instances().beat("stopped", T0, at(10)));
    inTransaction(database, tx -> tx.instances().beat("crashed", T0, at(10)));
    inTransaction(database, tx -> tx.instances().beat("live", T0, at(10).plus(Duration.ofDays(2))));

    inTransaction(database, tx -> tx.instances().remove("stopped"));
    int pruned =
        database.transaction(tx -> tx.instances().pruneGone(at(10).plus(Duration.ofDays(1))));

    assertEquals(1, pruned, "the crashed bot's row");
    assertTrue(upThroughout("me", at(5), at(11)), "the live bot remains");
    assertFalse(upThroughout("live", at(5), at(11)), "and nobody else");
  }

  private boolean upThroughout(String me, Instant before, Instant after) {
    return database.transaction(tx -> tx.instances().otherUpThroughout(me, before, after));
  }
}
