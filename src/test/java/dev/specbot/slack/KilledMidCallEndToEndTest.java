package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.FileShare;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.testdb.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot as its own process, killed with {@code kill -9} after Slack carried out a call and before
 * the bot heard back, then started again on the same database: what Slack showed is not shown
 * again. The fake holds its answer back until the bot is dead, so the moment is exact, not timed.
 */
class KilledMidCallEndToEndTest {
  private static final String SECRET = "killed-mid-call-secret";
  private static final String CHANNEL = "C0SPECS";
  private static final String DRAFTER = "U0ALICE";
  private static final String BOB = "U0BOB";
  private static final String FILE = "payment-retries.md";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration HELD = Duration.ofMinutes(1);

  @TempDir Path folder;
  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private BotProcess bot;
  private int port;
  private int starts;
  private String testName;

  @BeforeEach
  void startBot(TestInfo test) throws Exception {
    testName = test.getTestMethod().orElseThrow().getName();
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
  void a_spec_slack_shared_just_before_the_bot_was_killed_appears_once() throws Exception {
    String thread = startInterview();
    awaitQuestion(thread, 1);
    reply(thread, "The context.", "EvContext");
    awaitQuestion(thread, 2);
    // Slack shares the file, then the bot dies before it hears so.
    slack.failNext("files.completeUploadExternal", 1, Failure.delayed(HELD));
    reply(thread, "finish", "EvFinish");
    slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);

    killAndRestart();

    awaitSettled();
    List<FileShare> shares = sharesOf(FILE);
    assertEquals(1, shares.size(), "the spec appears once: " + slack.fileShares());
    assertEquals(1, slack.calls("files.completeUploadExternal").size(), "not shared again");
    assertEquals(
        shares.get(0).fileId(),
        slack.calls("files.info").get(0).param("file"),
        "the restarted bot asked Slack about the file it had been sharing");
    List<String> finished =
        slack.calls("chat.postMessage").stream()
            .map(call -> call.param("text"))
            .filter(text -> text.startsWith("The finished spec:"))
            .toList();
    assertFalse(finished.isEmpty(), "the thread went on after the file");
    assertEquals(finished.stream().distinct().toList(), finished, "each part posted once");
  }

  @Test
  void an_ephemeral_note_slack_showed_just_before_the_bot_was_killed_is_not_shown_again()
      throws Exception {
    String thread = startInterview();
    RecordedCall question = awaitQuestion(thread, 1);
    slack.failNext("chat.postEphemeral", 1, Failure.delayed(HELD));
    pressSkipAsBob(question, thread, "trigger-1");
    slack.awaitCall("chat.postEphemeral", call -> BOB.equals(call.param("user")), WAIT);

    killAndRestart();

    awaitSettled();
    assertEquals(1, slack.ephemeralsShownTo(BOB).size(), "shown once, not again after restart");
    assertEquals(1, slack.calls("chat.postEphemeral").size());
    assertEquals(List.of("FAILED"), ephemeralStatuses(), "set aside: Slack may have shown it");

    // Bob presses again, as someone who saw nothing would: the restarted bot answers that once.
    pressSkipAsBob(question, thread, "trigger-2");
    BotHarness.awaitCondition(
        () -> slack.ephemeralsShownTo(BOB).size() == 2, "the second press to be answered");
    awaitSettled();
    assertEquals(2, slack.calls("chat.postEphemeral").size());
    assertEquals(List.of("FAILED", "SENT"), ephemeralStatuses());
  }

  private String startInterview() {
    requests().slashCommand("/spec", "echo-tech-spec Payment retries", DRAFTER, CHANNEL, "trig");
    RecordedCall parent =
        slack.awaitCall(
            "chat.postMessage", call -> call.param("text").startsWith("Payment retries - "), WAIT);
    return slack.tsOf(parent);
  }

  private RecordedCall awaitQuestion(String thread, int number) {
    return slack.awaitCall(
        "chat.postMessage",
        call ->
            thread.equals(call.param("thread_ts"))
                && call.param("text").startsWith("Question " + number + " of "),
        WAIT);
  }

  private void reply(String thread, String text, String eventId) {
    String ts = slack.addUserMessage(CHANNEL, thread, DRAFTER, text);
    assertEquals(200, requests().threadReply(eventId, CHANNEL, thread, DRAFTER, text, ts).status());
  }

  private void pressSkipAsBob(RecordedCall question, String thread, String triggerId) {
    String interviewId = BotHarness.actionValue(question, "specbot_skip");
    var response =
        requests()
            .blockAction(
                BOB, CHANNEL, slack.tsOf(question), thread, "specbot_skip", interviewId, triggerId);
    assertEquals(200, response.status(), response.body());
  }

  private void launch() throws Exception {
    bot =
        BotProcess.start(
            "dev.specbot.Main",
            port,
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-killed-mid-call",
                "SLACK_SIGNING_SECRET",
                SECRET,
                "DATABASE_URL",
                TestDatabases.urlFor(database()),
                "SLACK_API_URL",
                slack.baseUrl()),
            List.of(),
            Path.of("target", "killed-mid-call").resolve(testName + "-" + starts + ".log"));
    starts++;
    bot.awaitReady("/healthz");
  }

  /** SIGKILL while the fake holds its answer back; the held answer then goes to no one. */
  private void killAndRestart() throws Exception {
    bot.kill();
    slack.releaseDelayed();
    launch();
  }

  private Path database() {
    return folder.resolve("data/specbot.db");
  }

  private void awaitSettled() {
    BotHarness.awaitCondition(
        () -> count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'") == 0,
        "the outbox to settle");
  }

  private List<FileShare> sharesOf(String title) {
    return slack.fileShares().stream().filter(share -> share.title().equals(title)).toList();
  }

  private List<String> ephemeralStatuses() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(database()));
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT status FROM outbox WHERE kind = 'POST_EPHEMERAL' ORDER BY seq")) {
      List<String> statuses = new ArrayList<>();
      while (rows.next()) {
        statuses.add(rows.getString(1));
      }
      return statuses;
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }

  private long count(String query) {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(database()));
        var count = connection.createStatement().executeQuery(query)) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }

  private SlackRequests requests() {
    return new SlackRequests(
        URI.create("http://127.0.0.1:" + port + "/slack/events"), SECRET, Clock.systemUTC());
  }
}
