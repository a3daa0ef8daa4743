package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.interviews.ThreadReply;
import dev.specbot.storage.Database;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply is acknowledged once recorded in the inbox and taken in after: one recorded by a bot that
 * stopped before taking it in is taken in by the next, once its lease runs out, and only once.
 */
class ReplyInboxEndToEndTest {
  /** Longer than the lease a bot holds a reply under. */
  private static final Duration LEASE_RUN_OUT = Duration.ofMinutes(1);

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot() {
    harness.close();
  }

  @Test
  void a_reply_recorded_by_a_bot_that_stopped_before_taking_it_in_is_taken_in_by_the_next()
      throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.stop();
    // Recorded and acknowledged, then the bot went: Slack will not deliver it again, and it is
    // not in the fake's thread either, so only the inbox has it.
    record(
        new ThreadReply(
            "EvLost", CHANNEL, thread, "1790000001.000100", DRAFTER, "Retries with backoff.", null),
        harness.clock.instant());

    harness.startBot();
    harness.advanceClock(LEASE_RUN_OUT);

    harness.awaitQuestion(thread, 2);
    BotHarness.awaitCondition(() -> inbox() == 0, "the inbox to be emptied");
    assertEquals(1, harness.postedInThread(thread, "Question 2 of").size());
    harness.reply(thread, DRAFTER, "Two services.");
    harness.awaitQuestion(thread, 3);
    assertEquals(1, harness.postedInThread(thread, "Question 2 of").size(), "taken in once");
  }

  @Test
  void a_recorded_reply_that_cannot_be_read_is_given_up_once_its_lease_runs_out() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    try (Database database = Database.open(TestDatabases.urlFor(harness.databaseFile()))) {
      Instant now = harness.clock.instant();
      var unused = database.ahead(tx -> tx.inbox().record("reply:broken", "{not json", now, now));
    }

    harness.advanceClock(LEASE_RUN_OUT);

    BotHarness.awaitCondition(() -> inbox() == 0, "the unreadable reply to be given up");
    harness.reply(thread, DRAFTER, "Retries with backoff.");
    harness.awaitQuestion(thread, 2);
  }

  @Test
  void a_reply_whose_every_attempt_failed_is_set_aside_and_its_writer_told_to_send_it_again()
      throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    ThreadReply reply =
        new ThreadReply(
            "EvFailing", CHANNEL, thread, "1790000001.000200", DRAFTER, "Retries.", null);
    record(reply, harness.clock.instant());
    // As the sweeps leave it after five failed attempts.
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var statement = connection.createStatement()) {
      statement.executeUpdate("UPDATE inbox SET attempts = 5");
    }

    harness.advanceClock(LEASE_RUN_OUT);

    RecordedCall told =
        harness.slack.awaitCall(
            "chat.postEphemeral", call -> DRAFTER.equals(call.param("user")), BotHarness.WAIT);
    assertTrue(told.param("text").contains("send it again"), told.param("text"));
    assertEquals(CHANNEL, told.param("channel"));
    BotHarness.awaitCondition(() -> inbox() == 0, "the reply to be set aside");
    assertEquals(0, harness.postedInThread(thread, "Question 2 of").size(), "not taken in");
  }

  @Test
  void a_reply_in_a_thread_that_is_no_interviews_is_acknowledged_without_being_recorded()
      throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    auditInboxInserts();

    // Asserts Slack's 200, as for every reply: by then a reply is recorded, or never will be.
    harness.reply("1790000000.424242", "U0TEAMMATE", "Lunch at noon?");
    String answer = harness.reply(thread, DRAFTER, "Retries with backoff.");
    harness.awaitQuestion(thread, 2);

    ThreadReply answered = new ThreadReply("", CHANNEL, thread, answer, DRAFTER, "", null);
    assertEquals(List.of(answered.key()), inboxInserts());
    assertEquals(0, inbox());
  }

  /** Copies the key of every row inserted into the inbox into a table of the test's own. */
  private void auditInboxInserts() throws SQLException {
    try (Connection connection =
            TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE inbox_inserts (event_key TEXT NOT NULL)");
      if (TestDatabases.postgres()) {
        statement.execute(
            "CREATE FUNCTION inbox_inserted() RETURNS trigger AS $$ BEGIN"
                + " INSERT INTO inbox_inserts VALUES (NEW.event_key); RETURN NEW; END $$"
                + " LANGUAGE plpgsql");
        statement.execute(
            "CREATE TRIGGER inbox_inserted AFTER INSERT ON inbox FOR EACH ROW"
                + " EXECUTE FUNCTION inbox_inserted()");
      } else {
        statement.execute(
            "CREATE TRIGGER inbox_inserted AFTER INSERT ON inbox BEGIN"
                + " INSERT INTO inbox_inserts VALUES (NEW.event_key); END");
      }
    }
  }

  private List<String> inboxInserts() throws SQLException {
    List<String> keys = new ArrayList<>();
    try (Connection connection =
            TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT event_key FROM inbox_inserts")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  private void record(ThreadReply reply, Instant now) {
    try (Database database = Database.open(TestDatabases.urlFor(harness.databaseFile()))) {
      var unused =
          database.ahead(
              tx -> tx.inbox().record(reply.key(), reply.json(), now, now.plusSeconds(30)));
    }
  }

  private long inbox() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM inbox")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("could not read the inbox", e);
    }
  }
}
