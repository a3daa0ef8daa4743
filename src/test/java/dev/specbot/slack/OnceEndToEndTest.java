package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FileShare;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.outbox.FileUpload;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot sends each file once, and each ephemeral note at most once, whatever became of the
 * call that sent it before: lost answers, a Slack still sharing, refusals.
 */
class OnceEndToEndTest {
  private static final String FILE = "payment-retries.md";
  private static final String BOB = "U0BOB";

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
  void a_spec_whose_share_lost_its_answer_is_posted_once() {
    harness.slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer());

    finishInterview();

    awaitSettled();
    assertEquals(1, sharesOf(FILE).size(), "shared once: " + harness.slack.fileShares());
    assertEquals(1, harness.slack.calls("files.completeUploadExternal").size());
    assertEquals(1, harness.slack.calls("files.info").size(), "looked up before sending again");
  }

  @Test
  void a_spec_slack_is_still_sharing_holds_its_thread_until_seen_shared_then_nothing_repeats() {
    harness.slack.holdShares();
    harness.slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer());

    String thread = finishInterview();
    harness.slack.awaitCall("files.info", call -> true, BotHarness.WAIT);
    // Queued behind the file in the thread's order, while its share is in doubt.
    harness.reply(thread, DRAFTER, "schedule");
    harness.slack.releaseHeldShares();
    harness.clock.advance(FileUpload.SHARE_SETTLES);

    awaitSettled();
    assertEquals(1, sharesOf(FILE).size(), "shared once: " + harness.slack.fileShares());
    assertEquals(1, harness.slack.calls("files.completeUploadExternal").size());
    List<String> order = harness.slack.calls().stream().map(this::describe).toList();
    assertTrue(
        order.indexOf("finished spec") < order.indexOf("files.getUploadURLExternal"),
        "the spec in the thread first, then its file in the channel: " + order);
    assertTrue(
        order.lastIndexOf("files.info") < order.indexOf("the pickers again"),
        "the thread's next message waited for the file: " + order);
    List<String> finished =
        harness.postedInThread(thread, "The finished spec:").stream()
            .map(call -> call.param("text"))
            .toList();
    assertEquals(finished.stream().distinct().toList(), finished, "each part posted once");
  }

  @Test
  void an_ephemeral_note_slack_refused_for_certain_is_sent_again_and_shown_once() {
    harness.slack.failNext("chat.postEphemeral", 1, Failure.rateLimited(0));
    harness.slack.failNext("chat.postEphemeral", 1, Failure.httpStatus(503));

    pressSomeoneElsesButton();

    BotHarness.awaitCondition(
        () -> harness.slack.ephemeralsShownTo(BOB).size() == 1, "the note to be shown");
    awaitSettled();
    assertEquals(3, harness.slack.calls("chat.postEphemeral").size());
    assertEquals(1, harness.slack.ephemeralsShownTo(BOB).size());
    assertEquals("SENT", ephemeralStatus());
  }

  @Test
  void an_ephemeral_note_whose_answer_was_lost_is_not_sent_again() {
    harness.slack.failNext("chat.postEphemeral", 1, Failure.lostAnswer());

    pressSomeoneElsesButton();

    awaitSettled();
    assertEquals(1, harness.slack.calls("chat.postEphemeral").size());
    assertEquals(1, harness.slack.ephemeralsShownTo(BOB).size(), "Slack did show it");
    assertEquals("FAILED", ephemeralStatus(), "set aside: Slack may have shown it");
  }

  /** Runs an interview to its end; returns its thread. */
  private String finishInterview() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "The context.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    return thread;
  }

  /** Bob presses Skip under Alice's first question: he is told, privately, whose it is. */
  private void pressSomeoneElsesButton() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);
    String interviewId = BotHarness.actionValue(question, "specbot_skip");
    var response =
        harness
            .requests()
            .blockAction(
                BOB,
                CHANNEL,
                harness.tsOf(question),
                thread,
                "specbot_skip",
                interviewId,
                "trigger-bob");
    assertEquals(200, response.status());
  }

  private void awaitSettled() {
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the outbox to settle");
  }

  private List<FileShare> sharesOf(String title) {
    return harness.slack.fileShares().stream().filter(s -> s.title().equals(title)).toList();
  }

  private String describe(RecordedCall call) {
    String text = call.param("text");
    if (text.startsWith("The finished spec:")) {
      return "finished spec";
    }
    return text.startsWith("Next, the spec's discussion") ? "the pickers again" : call.method();
  }

  private String ephemeralStatus() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var row =
            connection
                .createStatement()
                .executeQuery("SELECT status FROM outbox WHERE kind = 'POST_EPHEMERAL'")) {
      assertTrue(row.next(), "an ephemeral note was queued");
      return row.getString(1);
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }
}
