package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.storage.Database;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's file and canvas keep the JSON written before the transaction when the database adds
 * nothing to them: the writer does not write a whole document again.
 */
class DeliveryWrittenTest {
  private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
  private static final String SPEC = "# Rollout\n\n" + "A line of the spec.\n".repeat(500);

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open(TestDatabases.urlFor(folder.resolve("specbot.db")));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_document_with_nothing_to_add_is_queued_as_written_before() {
    Delivery upload = Delivery.upload("iv-1", "The spec", "rollout.md", SPEC);
    // Not what Gson would write now: only this string, stored as given, shows it was not rewritten.
    String written = " " + upload.toJson();

    database.transaction(tx -> upload.enqueue(tx, NOW, written));

    assertEquals(written, latest("iv-1"));
  }

  @Test
  void a_canvas_with_nothing_to_add_is_queued_as_written_before() {
    Delivery canvas = Delivery.canvas("iv-1", "Rollout", SPEC);
    String written = " " + canvas.toJson();

    database.transaction(tx -> canvas.enqueue(tx, NOW, written));

    assertEquals(written, latest("canvas:iv-1"));
  }

  private String latest(String lane) {
    return database.read(tx -> tx.outbox().latestPayload(lane)).orElseThrow().payload();
  }
}
