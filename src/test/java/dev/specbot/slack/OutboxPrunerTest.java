package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.storage.Database;
import dev.specbot.storage.Outbox;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxPrunerTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant LONG_AGO = NOW.minus(OutboxPruner.KEPT).minusSeconds(60);
  private static final Instant LATELY = NOW.minus(OutboxPruner.KEPT).plusSeconds(60);

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + folder.resolve("specbot.db"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void messages_settled_before_the_retention_go_in_batches_and_the_rest_stay() throws SQLException {
    int old = 2 * OutboxPruner.BATCH + 7;
    for (int i = 0; i < old; i++) {
      sent("lane-" + i, LONG_AGO);
    }
    failed("lane-failed-long-ago", LONG_AGO);
    sent("lane-lately", LATELY);
    String pending = enqueue("lane-pending", LONG_AGO);

    int pruned = new OutboxPruner(database, Clock.fixed(NOW, ZoneOffset.UTC)).prune();

    assertEquals(old + 1, pruned);
    assertEquals(List.of("lane-lately", "lane-pending"), lanesLeft());
    assertEquals(
        pending, database.transaction(tx -> tx.outbox().pending("lane-pending")).get(0).id());
  }

  @Test
  void a_lane_whose_sent_messages_were_pruned_numbers_its_next_message_anew() {
    sent("lane-a", LONG_AGO);
    new OutboxPruner(database, Clock.fixed(NOW, ZoneOffset.UTC)).prune();

    enqueue("lane-a", NOW);

    assertEquals(1, database.transaction(tx -> tx.outbox().pending("lane-a")).get(0).seq());
  }

  private String enqueue(String lane, Instant at) {
    return database.transaction(tx -> tx.outbox().enqueue(lane, "POST", "{}", at));
  }

  private void sent(String lane, Instant at) {
    settle(lane, at, (outbox, id) -> outbox.markSent(id, at, "1700000000.000100"));
  }

  private void failed(String lane, Instant at) {
    settle(lane, at, (outbox, id) -> outbox.markFailed(id, at, "channel_not_found"));
  }

  private void settle(String lane, Instant at, BiConsumer<Outbox, String> settling) {
    String id = enqueue(lane, at);
    database.transaction(
        tx -> {
          settling.accept(tx.outbox(), id);
          return null;
        });
  }

  private List<String> lanesLeft() throws SQLException {
    List<String> lanes = new ArrayList<>();
    try (Connection connection =
            DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("specbot.db"));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT lane FROM outbox ORDER BY lane")) {
      while (rows.next()) {
        lanes.add(rows.getString(1));
      }
    }
    return lanes;
  }
}
