package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.storage.Database;
import dev.specbot.storage.Outbox;
import dev.specbot.storage.SlackPlace;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrunerTest {
  private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
  private static final Instant LONG_AGO = NOW.minus(Pruner.OUTBOX_KEPT).minusSeconds(60);
  private static final Instant LATELY = NOW.minus(Pruner.OUTBOX_KEPT).plusSeconds(60);
  private static final Instant PAST_RETRIES = NOW.minus(Pruner.RETRIED).minusSeconds(1);
  private static final Instant WITHIN_RETRIES = NOW.minus(Pruner.RETRIED).plusSeconds(1);
  private static final Instant A_YEAR_AGO = NOW.minus(Duration.ofDays(365));

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
  void messages_settled_before_the_retention_go_in_batches_and_the_rest_stay() throws SQLException {
    int old = 2 * Pruner.OUTBOX_BATCH + 7;
    for (int i = 0; i < old; i++) {
      sent("lane-" + i, LONG_AGO);
    }
    failed("lane-failed-long-ago", LONG_AGO);
    sent("lane-lately", LATELY);
    String pending = enqueue("lane-pending", LONG_AGO);

    int pruned = pruneAt(NOW);

    assertEquals(old + 1, pruned);
    assertEquals(List.of("lane-lately", "lane-pending"), column("SELECT lane FROM outbox"));
    assertEquals(
        pending, database.transaction(tx -> tx.outbox().pending("lane-pending")).get(0).id());
  }

  @Test
  void a_lane_whose_sent_messages_were_pruned_numbers_its_next_message_anew() {
    sent("lane-a", LONG_AGO);
    pruneAt(NOW);

    enqueue("lane-a", NOW);

    assertEquals(1, database.transaction(tx -> tx.outbox().pending("lane-a")).get(0).seq());
  }

  @Test
  void keys_of_events_and_buttons_go_once_slack_no_longer_retries_them_in_batches()
      throws SQLException {
    int old = 2 * Pruner.KEY_BATCH + 7;
    for (int i = 0; i < old; i++) {
      key(i % 2 == 0 ? "event:Ev" + i : "action:1.2:3.4:U" + i, PAST_RETRIES);
    }
    key("event:EvRetriedYet", WITHIN_RETRIES);
    key("action:1.2:3.4:UPressedLately", WITHIN_RETRIES);

    assertEquals(old, pruneAt(NOW));

    assertEquals(
        List.of("action:1.2:3.4:UPressedLately", "event:EvRetriedYet"),
        column("SELECT event_key FROM processed_events"));
  }

  @Test
  void reply_keys_stay_while_their_interview_is_open_and_go_a_week_after_it_closed()
      throws SQLException {
    interview("open", Status.PAUSED, A_YEAR_AGO);
    interview("closed-lately", Status.FINISHED, NOW.minus(Pruner.CLOSED_KEPT).plusSeconds(1));
    interview("closed-long-ago", Status.CANCELLED, NOW.minus(Pruner.CLOSED_KEPT).minusSeconds(1));
    for (String id : List.of("open", "closed-lately", "closed-long-ago")) {
      replyKey(id, "message:C1:" + id, A_YEAR_AGO);
    }
    replyKey("closed-long-ago", "refused:closed-long-ago:is_archived", A_YEAR_AGO);

    assertEquals(2, pruneAt(NOW));

    assertEquals(
        List.of("message:C1:closed-lately", "message:C1:open"),
        column("SELECT event_key FROM processed_events"));
  }

  private int pruneAt(Instant now) {
    try (Pruner pruner = new Pruner(database, Clock.fixed(now, ZoneOffset.UTC))) {
      return pruner.prune();
    }
  }

  private void key(String key, Instant at) {
    database.transaction(tx -> tx.events().firstTime(key, at));
  }

  private void replyKey(String interviewId, String key, Instant at) {
    database.transaction(tx -> tx.events().firstTimeFor(interviewId, key, at));
  }

  /** An interview that began a year ago and last changed at {@code updatedAt}. */
  private void interview(String id, Status status, Instant updatedAt) {
    Interview interview =
        new Interview(
            id,
            "echo-tech-spec",
            id,
            "U1",
            "Ann",
            status,
            0,
            Map.of(),
            Set.of(),
            A_YEAR_AGO,
            updatedAt);
    database.transaction(
        tx -> {
          tx.interviews()
              .insert(
                  interview,
                  new SlackPlace("T1", "C1", Optional.of("1.000" + id), Optional.empty()));
          return null;
        });
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

  /** One column of a query's rows, sorted, read with a connection of its own. */
  private List<String> column(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection =
            TestDatabases.connect(TestDatabases.urlFor(folder.resolve("specbot.db")));
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query + " ORDER BY 1")) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
