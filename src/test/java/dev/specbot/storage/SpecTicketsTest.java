package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecTicketsTest {
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
  void a_ticket_is_recorded_once_and_round_trips_once_made() {
    assertTrue(add("k1", 0, "Build it", SpecTicket.State.CREATING, T0));
    assertFalse(add("k1", 0, "Build it again", SpecTicket.State.CREATING, T0));
    inTransaction(database, tx -> tx.specTickets().created("i1", "k1", 7, "https://x/7", T0));
    assertFalse(add("k1", 0, "Build it again", SpecTicket.State.CREATING, T0));

    SpecTicket ticket = only();
    assertEquals(SpecTicket.State.CREATED, ticket.state());
    assertEquals("Build it", ticket.title());
    assertEquals("Milestones", ticket.section());
    assertEquals("- sub", ticket.body());
    assertEquals(Optional.of(7), ticket.number());
    assertEquals(Optional.of("https://x/7"), ticket.url());
    assertEquals(T0, ticket.requestedAt());
  }

  @Test
  void a_refused_ticket_may_be_asked_for_again_and_tickets_keep_their_order() {
    assertTrue(add("k1", 1, "Second", SpecTicket.State.CREATING, T0));
    assertTrue(add("k2", 0, "First", SpecTicket.State.CREATING, T0));
    inTransaction(database, tx -> tx.specTickets().refused("i1", "k1"));
    assertEquals(SpecTicket.State.REFUSED, ticket("k1").state());

    Instant later = T0.plus(Duration.ofMinutes(1));
    assertTrue(add("k1", 0, "Second, retitled", SpecTicket.State.CREATING, later));
    assertEquals(SpecTicket.State.CREATING, ticket("k1").state());
    assertEquals("Second, retitled", ticket("k1").title());
    assertEquals(
        List.of("k2", "k1"),
        database.transaction(tx -> tx.specTickets().of("i1")).stream()
            .map(SpecTicket::key)
            .toList());
  }

  @Test
  void a_checklist_item_is_made_as_it_is_recorded_and_nothing_is_recorded_refused() {
    assertTrue(add("k1", 0, "Write it down", SpecTicket.State.CREATED, T0));
    assertEquals(SpecTicket.State.CREATED, only().state());
    assertEquals(Optional.empty(), only().number());
    assertThrows(
        IllegalArgumentException.class, () -> add("k2", 1, "No", SpecTicket.State.REFUSED, T0));
  }

  private boolean add(String key, int position, String title, SpecTicket.State state, Instant at) {
    return database.transaction(
        tx -> tx.specTickets().add("i1", key, position, title, "Milestones", "- sub", state, at));
  }

  private SpecTicket ticket(String key) {
    return database.transaction(tx -> tx.specTickets().find("i1", key)).orElseThrow();
  }

  private SpecTicket only() {
    List<SpecTicket> tickets = database.transaction(tx -> tx.specTickets().of("i1"));
    assertEquals(1, tickets.size(), tickets.toString());
    return tickets.get(0);
  }
}
