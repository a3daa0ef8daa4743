package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.testdb.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own process, killed with {@code kill -9} in the middle of an interview (while a
 * reply is in flight) and started again on the same database: no answer lost, no answered question
 * asked again, nothing Slack acknowledged posted twice.
 */
class CrashEndToEndTest {
  private static final String SECRET = "crash-test-secret";
  private static final String CHANNEL = "C0SPECS";
  private static final String DRAFTER = "U0ALICE";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();

  @TempDir Path folder;
  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private BotProcess bot;
  private int port;
  private int starts;

  @BeforeEach
  void startBot() throws Exception {
    port = BotProcess.freePort();
    launch();
  }

  @AfterEach
  void stopBot() {
    if (bot != null) {
      bot.close();
    }
    slack.close();
  }

  @Test
  void killing_the_bot_while_replies_are_in_flight_loses_nothing_and_repeats_nothing()
      throws Exception {
    SlackRequests requests = requests();
    requests.slashCommand("/spec", "echo-tech-spec Payment retries", DRAFTER, CHANNEL, "trig");
    RecordedCall parent =
        slack.awaitCall(
            "chat.postMessage", call -> call.param("text").startsWith("Payment retries - "), WAIT);
    String thread = slack.tsOf(parent);

    for (Question question : TEMPLATE.questions()) {
      awaitQuestion(thread, question.number());
      String answer = "Answer " + question.number() + " for " + question.title() + ".";
      String ts = slack.addUserMessage(CHANNEL, thread, DRAFTER, answer);
      String eventId = "EvCrash" + question.number();
      if (question.number() % 2 == 0) {
        // kill -9 while the reply is being handled, then start again; Slack retries an event
        // it got no 200 for.
        CompletableFuture<SlackRequests.Response> inFlight =
            CompletableFuture.supplyAsync(
                () -> requests.threadReply(eventId, CHANNEL, thread, DRAFTER, answer, ts));
        killAndRestart();
        boolean acknowledged = inFlightStatus(inFlight) == 200;
        if (!acknowledged) {
          requests.threadReply(eventId, CHANNEL, thread, DRAFTER, answer, ts, 1);
        }
      } else {
        requests.threadReply(eventId, CHANNEL, thread, DRAFTER, answer, ts);
      }
    }

    String document = awaitDocument("Answer " + TEMPLATE.questions().size() + " for");
    for (Question question : TEMPLATE.questions()) {
      String answer = "Answer " + question.number() + " for " + question.title() + ".";
      assertTrue(document.contains(answer), "lost: " + answer + "\n" + document);
    }
    List<String> thread1 = slack.messagesInThread(CHANNEL, thread);
    for (Question question : TEMPLATE.questions()) {
      String asked = "Question " + question.number() + " of ";
      assertEquals(
          1,
          thread1.stream().filter(text -> text.startsWith(asked)).count(),
          "asked once: question " + question.number() + " in " + thread1);
    }
    Map<String, Long> repeated =
        thread1.stream()
            .collect(Collectors.groupingBy(text -> text, HashMap::new, Collectors.counting()));
    repeated.values().removeIf(count -> count == 1);
    assertEquals(Map.of(), repeated, "nothing in the thread twice");
    assertTrue(starts > 3, "the bot was killed and restarted " + (starts - 1) + " times");
    for (int start = 0; start < starts; start++) {
      String log = Files.readString(logOf(start));
      assertTrue(log.contains("specbot listening"), "the production log was written:\n" + log);
      assertFalse(log.contains("xoxb-crash-test"), "the token is never logged");
      assertFalse(log.contains(SECRET), "the signing secret is never logged");
    }
  }

  private void launch() throws Exception {
    bot =
        BotProcess.start(
            "dev.specbot.Main",
            port,
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-crash-test",
                "SLACK_SIGNING_SECRET",
                SECRET,
                "DATABASE_URL",
                TestDatabases.urlFor(folder.resolve("data/specbot.db")),
                "SLACK_API_URL",
                slack.baseUrl()),
            List.of(),
            logOf(starts));
    starts++;
    bot.awaitReady("/healthz");
  }

  private static Path logOf(int start) throws IOException {
    return Files.createDirectories(Path.of("target", "crash")).resolve("bot-" + start + ".log");
  }

  private void killAndRestart() throws Exception {
    bot.kill(); // SIGKILL: no shutdown hook, no flush, as kill -9
    launch();
  }

  private static int inFlightStatus(CompletableFuture<SlackRequests.Response> inFlight) {
    try {
      return inFlight.get(30, TimeUnit.SECONDS).status();
    } catch (Exception cutOff) {
      return -1; // The connection died with the bot: Slack saw no answer.
    }
  }

  private void awaitQuestion(String thread, int number) {
    awaitCondition(
        () ->
            slack.messagesInThread(CHANNEL, thread).stream()
                .anyMatch(text -> text.startsWith("Question " + number + " of ")),
        "question " + number);
  }

  private String awaitDocument(String fragment) {
    awaitCondition(
        () ->
            slack
                .uploadedFileTitled("payment-retries.md")
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .filter(text -> text.contains(fragment))
                .isPresent(),
        "the document");
    return new String(
        slack.uploadedFileTitled("payment-retries.md").orElseThrow(), StandardCharsets.UTF_8);
  }

  /** Waits like the harness, but says what the fake Slack holds when it gives up. */
  private void awaitCondition(java.util.function.BooleanSupplier condition, String what) {
    try {
      BotHarness.awaitCondition(condition, what);
    } catch (AssertionError timedOut) {
      try {
        new ProcessBuilder("jstack", String.valueOf(bot.pid()))
            .redirectOutput(Path.of("target/crash/jstack.txt").toFile())
            .start()
            .waitFor(20, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // diagnostics only
      }
      StringBuilder outbox = new StringBuilder();
      try (var connection =
              TestDatabases.connect(TestDatabases.urlFor(folder.resolve("data/specbot.db")));
          var rows =
              connection
                  .createStatement()
                  .executeQuery(
                      "SELECT seq, kind, status, attempts, claims, claimed_by, next_attempt_at,"
                          + " last_error FROM outbox WHERE status <> 'SENT' ORDER BY seq")) {
        while (rows.next()) {
          for (int column = 1; column <= 8; column++) {
            outbox.append(rows.getString(column)).append(' ');
          }
          outbox.append(System.currentTimeMillis()).append('\n');
        }
        java.nio.file.Files.writeString(Path.of("target/crash/outbox.txt"), outbox);
      } catch (Exception ignored) {
        // diagnostics only
      }
      throw new AssertionError(
          timedOut.getMessage()
              + "; calls: "
              + slack.calls().stream().map(c -> c.method() + " " + c.param("text")).toList()
              + "; bot logs in target/crash/",
          timedOut);
    }
  }

  private SlackRequests requests() {
    return new SlackRequests(
        URI.create("http://127.0.0.1:" + port + "/slack/events"), SECRET, Clock.systemUTC());
  }
}
