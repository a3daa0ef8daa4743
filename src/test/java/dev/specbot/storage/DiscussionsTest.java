package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscussionsTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
    inTransaction(
        database,
        tx ->
            tx.interviews()
                .insert(
                    Fixtures.interview("i1", "U-ALICE", T0),
                    new SlackPlace("T1", "C1", Optional.of("1.1"), Optional.empty())));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_discussion_collects_until_closed_once_and_may_collect_again_keeping_its_close() {
    assertEquals(Optional.empty(), read(tx -> tx.discussions().find("i1")));

    inTransaction(database, tx -> tx.discussions().collect("i1", Optional.of("Log"), T0));
    Discussions.Discussion collecting = read(tx -> tx.discussions().find("i1")).orElseThrow();
    assertTrue(collecting.collecting());
    assertEquals(Optional.of("Log"), collecting.section());
    assertEquals(Optional.empty(), collecting.closedOn());

    assertTrue(did(tx -> tx.discussions().close("i1", DAY, T0.plusSeconds(5))));
    assertFalse(did(tx -> tx.discussions().close("i1", DAY.plusDays(1), T0.plusSeconds(9))));
    inTransaction(database, tx -> tx.discussions().collect("i1", Optional.empty(), T0));

    Discussions.Discussion again = read(tx -> tx.discussions().find("i1")).orElseThrow();
    assertTrue(again.collecting());
    assertEquals(Optional.of(DAY), again.closedOn());
  }

  @Test
  void each_reply_is_recorded_once_and_read_back_in_order() {
    Discussions.Decision first =
        new Discussions.Decision("i1", "2.1", "Retry", Optional.empty(), Optional.empty(), DAY);
    Discussions.Decision followUp =
        new Discussions.Decision(
            "i1", "2.2", "write it", Optional.of("U-BOB"), Optional.of("Bob Example"), DAY);

    assertTrue(did(tx -> tx.discussions().record(first, T0)));
    assertTrue(did(tx -> tx.discussions().record(followUp, T0.plus(Duration.ofSeconds(1)))));
    assertFalse(did(tx -> tx.discussions().record(first, T0.plus(Duration.ofSeconds(2)))));

    assertEquals(List.of(first, followUp), read(tx -> tx.discussions().of("i1")));
    assertTrue(read(tx -> tx.discussions().of("i1")).get(1).isFollowUp());
  }

  private boolean did(Database.Work<Boolean> work) {
    return database.transaction(work);
  }

  private <T> T read(Database.Work<T> work) {
    return database.transaction(work);
  }
}
