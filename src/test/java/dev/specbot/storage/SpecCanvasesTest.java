package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCanvasesTest {
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
    inTransaction(
        database,
        tx -> {
          for (String id : List.of("i1", "i2")) {
            tx.interviews()
                .insert(
                    Fixtures.interview(id, "U-ALICE", T0),
                    new SlackPlace("T1", "C1", Optional.of("1." + id), Optional.empty()));
          }
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_spec_never_sent_to_a_canvas_has_none() {
    assertEquals(Optional.empty(), find("i1"));
  }

  @Test
  void a_create_asked_is_kept_until_answered_or_certainly_refused() {
    inTransaction(database, tx -> tx.canvases().createAsked("i1", Optional.of(at(1)), at(1)));
    assertEquals(Optional.of(at(1)), find("i1").orElseThrow().createAskedAt());

    inTransaction(database, tx -> tx.canvases().createAsked("i1", Optional.empty(), at(2)));
    assertEquals(Optional.empty(), find("i1").orElseThrow().createAskedAt());

    inTransaction(database, tx -> tx.canvases().createAsked("i1", Optional.of(at(3)), at(3)));
    inTransaction(database, tx -> tx.canvases().created("i1", "F1", "# Spec\n", at(4)));
    assertEquals(
        new SpecCanvas(
            "i1", Optional.of("F1"), Optional.empty(), Optional.of("# Spec\n"), Optional.empty()),
        find("i1").orElseThrow());
  }

  @Test
  void what_was_sent_last_is_kept_and_a_canvas_is_known_as_recorded() {
    inTransaction(database, tx -> tx.canvases().created("i1", "F1", "# Spec\n", at(1)));
    inTransaction(database, tx -> tx.canvases().sent("i1", "# Spec v2\n", at(2)));

    boolean recorded = database.transaction(tx -> tx.canvases().isRecorded("F1"));
    boolean other = database.transaction(tx -> tx.canvases().isRecorded("F2"));

    assertEquals(Optional.of("# Spec v2\n"), find("i1").orElseThrow().sentMarkdown());
    assertTrue(recorded);
    assertFalse(other);
  }

  @Test
  void a_refusal_is_recorded_once_and_keeps_the_first_error() {
    boolean first = database.transaction(tx -> tx.canvases().refused("i1", "missing_scope", at(1)));
    boolean again =
        database.transaction(tx -> tx.canvases().refused("i1", "canvas_not_found", at(2)));
    boolean other = database.transaction(tx -> tx.canvases().refused("i2", "not_allowed", at(2)));

    assertTrue(first);
    assertFalse(again);
    assertTrue(other);
    assertEquals(Optional.of("missing_scope"), find("i1").orElseThrow().refusal());
  }

  private Optional<SpecCanvas> find(String interviewId) {
    return database.transaction(tx -> tx.canvases().find(interviewId));
  }
}
