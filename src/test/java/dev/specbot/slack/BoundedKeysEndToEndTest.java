package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.outbox.Pruner;
import dev.specbot.storage.Database;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keys of handled events stay few: only what touches an interview leaves one, and each goes
 * once nothing can bring its event back; Slack's retries and catch-up still take each reply once.
 */
class BoundedKeysEndToEndTest {
  private static final String FILE = "payment-retries.md";
  private static final String COLLEAGUE = "U0BOB";

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
  void ten_thousand_replies_in_threads_that_are_no_interviews_leave_no_key() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);

    repliesElsewhere(10_000);
    // In the interview's thread: a colleague's reply, an edit and a deletion of a message that
    // gave no answer; a button on an interview that does not exist.
    String comment = harness.reply(thread, COLLEAGUE, "Looks good so far.");
    SlackRequests slack = harness.requests();
    assertOk(
        slack.messageChanged("EvEdit", CHANNEL, thread, COLLEAGUE, comment, "Looks", "Looks ok"));
    assertOk(slack.messageDeleted("EvDelete", CHANNEL, thread, COLLEAGUE, comment, "Looks ok"));
    String ts = harness.tsOf(question);
    assertOk(slack.blockAction(DRAFTER, CHANNEL, ts, thread, ActionIds.SKIP, "no-such-id", "t1"));
    assertOk(slack.blockAction(COLLEAGUE, CHANNEL, ts, thread, ActionIds.READ, "no-such-id", "t2"));

    assertEquals(0, keys());

    // The drafter's answer is remembered, by its event and by its message.
    harness.reply(thread, DRAFTER, "Context.");
    harness.awaitQuestion(thread, 2);
    assertEquals(2, keys());
  }

  @Test
  void a_reply_slack_retries_within_its_retry_window_is_taken_once_after_pruning() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String context = reply("EvContext", thread, "Context.");
    harness.awaitQuestion(thread, 2);
    harness.advanceClock(Pruner.RETRIED.plusMinutes(1));
    String overview = reply("EvOverview", thread, "Overview.");
    harness.awaitQuestion(thread, 3);
    // Slack's last retry comes about five minutes after the first delivery.
    harness.advanceClock(Duration.ofMinutes(5));

    assertEquals(1, prune(), "the first reply's event key, past Slack's retries");
    assertEquals(3, keys(), "both replies' message keys and the second's event key");

    SlackRequests late = harness.requests().asRetry(3);
    assertOk(late.threadReply("EvOverview", CHANNEL, thread, DRAFTER, "Overview.", overview));
    // Slack would not send this one again so late; its message key stops it all the same.
    assertOk(late.threadReply("EvContext", CHANNEL, thread, DRAFTER, "Context.", context));
    harness.reply(thread, DRAFTER, "finish");

    String spec = harness.awaitFile(FILE, "Overview.");
    assertEquals(1, occurrences(spec, "Overview."), spec);
    assertEquals(1, occurrences(spec, "Context."), spec);
    assertEquals(List.of(1L, 1L, 1L, 0L), timesAsked(1, 2, 3, 4));
  }

  @Test
  void after_pruning_a_finished_interviews_keys_go_and_catch_up_takes_each_missed_reply_once()
      throws Exception {
    String finished = harness.start("echo-tech-spec", "Search ranking");
    harness.awaitQuestion(finished, 1);
    harness.reply(finished, DRAFTER, "Ranking context.");
    harness.awaitQuestion(finished, 2);
    harness.reply(finished, DRAFTER, "finish");
    harness.awaitFile("search-ranking.md", "Ranking context.");
    String open = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(open, 1);
    harness.reply(open, DRAFTER, "Context, answered live.");
    harness.awaitQuestion(open, 2);
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything to be sent");
    harness.stop();
    assertEquals(6, keys());

    harness.clock.advance(Pruner.CLOSED_KEPT.plusDays(1));
    assertEquals(5, prune(), "three event keys, the finished interview's two message keys");
    assertEquals(1, keys(), "the open interview's reply, for its catch-up");

    harness.slack.addUserMessage(CHANNEL, open, DRAFTER, "Overview, written while down.");
    harness.startBot();
    harness.awaitQuestion(open, 3);
    harness.reply(open, DRAFTER, "finish");

    String spec = harness.awaitFile(FILE, "Overview, written while down.");
    assertEquals(1, occurrences(spec, "Context, answered live."), spec);
    assertTrue(
        spec.substring(spec.indexOf("## Overview"))
            .startsWith("## Overview\n\nOverview, written while down."),
        spec);
    assertEquals(List.of(2L, 2L, 1L, 0L), timesAsked(1, 2, 3, 4));
  }

  /** Replies by colleagues in threads of their own, in the interview's channel and another. */
  private void repliesElsewhere(int count) throws Exception {
    // Four senders at once, as Slack sends events: one after another took twice as long.
    ExecutorService senders = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int sender = 0; sender < 4; sender++) {
        int first = sender;
        sent.add(
            senders.submit(
                () -> {
                  for (int i = first; i < count; i += 4) {
                    String channel = i % 2 == 0 ? CHANNEL : "C0RANDOM";
                    String thread = String.format(Locale.ROOT, "1700000000.%06d", i % 100);
                    String ts = String.format(Locale.ROOT, "1700000100.%06d", i);
                    assertOk(
                        harness
                            .requests()
                            .threadReply("EvChat" + i, channel, thread, COLLEAGUE, "chat", ts));
                  }
                }));
      }
      for (Future<?> each : sent) {
        each.get(60, TimeUnit.SECONDS);
      }
    } finally {
      senders.shutdownNow();
    }
  }

  /** The drafter replies in the thread with a given event id; returns the reply's ts. */
  private String reply(String eventId, String thread, String text) {
    String ts = harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, text);
    assertOk(harness.requests().threadReply(eventId, CHANNEL, thread, DRAFTER, text, ts));
    return ts;
  }

  private static void assertOk(SlackRequests.Response response) {
    assertEquals(200, response.status(), response.body());
  }

  /** Runs the bot's pruner once, on the bot's database and at the bot's time. */
  private int prune() {
    try (Database database = Database.open(TestDatabases.urlFor(harness.databaseFile()));
        Pruner pruner = new Pruner(database, harness.clock)) {
      return pruner.prune();
    }
  }

  /** The keys the bot keeps, counted as an operator would. */
  private long keys() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var count =
            connection.createStatement().executeQuery("SELECT COUNT(*) FROM processed_events")) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("could not count the keys", e);
    }
  }

  /** How many times each question was posted, in any thread. */
  private List<Long> timesAsked(int... numbers) {
    List<Long> times = new ArrayList<>();
    for (int number : numbers) {
      times.add(
          harness.slack.calls("chat.postMessage").stream()
              .filter(call -> call.param("text").startsWith("Question " + number + " of "))
              .count());
    }
    return times;
  }

  private static int occurrences(String text, String fragment) {
    int count = 0;
    for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
      count++;
    }
    return count;
  }
}
