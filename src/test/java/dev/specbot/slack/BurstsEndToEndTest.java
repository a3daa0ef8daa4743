package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.Config;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.slack.fake.Failure;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several messages written before the next question could be read are one answer, whether the bot
 * posted that question in between or not, with Slack quick and with Slack slow; a message written
 * once it could be read answers it. The bot runs with the production reading delay.
 */
class BurstsEndToEndTest {
  /** Longer than the reading delay: the drafter has read the question and answers it. */
  private static final Duration READ_AND_ANSWERED =
      Config.READING_DELAY.plus(Duration.ofSeconds(1));

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder, NudgePolicy.DEFAULT, Config.READING_DELAY);
  }

  @AfterEach
  void stopBot() {
    harness.close();
  }

  @Test
  void a_reply_sent_as_the_next_question_appears_is_more_of_the_previous_answer() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, DRAFTER, "First part.");
    // The bot posted question 2 before the second part arrived: the worst case when Slack is up.
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Second part, sent before question 2 could be read.");

    harness.slack.advanceTs(READ_AND_ANSWERED);
    harness.reply(thread, DRAFTER, "The overview.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");

    String spec = harness.awaitFile("payment-retries.md", "The overview.");
    assertTrue(
        spec.contains("First part.\n\nSecond part, sent before question 2 could be read."), spec);
    assertEquals(1, timesAsked(2), "one answer, so question 2 asked once");
    assertEquals(1, timesAsked(3));
  }

  @Test
  void two_replies_sent_at_once_to_a_slow_slack_are_one_answer_and_one_next_question() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    // Every post and edit now takes Slack 300 ms: question 2 is still being sent when the second
    // reply arrives, and its ts is only known once Slack answers.
    harness.slack.failNext("chat.postMessage", 20, Failure.delayed(Duration.ofMillis(300)));
    harness.slack.failNext("chat.update", 20, Failure.delayed(Duration.ofMillis(300)));
    harness.reply(thread, DRAFTER, "First part.");
    harness.reply(thread, DRAFTER, "Second part.");
    harness.awaitQuestion(thread, 2);

    harness.slack.advanceTs(READ_AND_ANSWERED);
    harness.reply(thread, DRAFTER, "The overview, written once question 2 could be read.");
    harness.awaitQuestion(thread, 3);
    harness.slack.releaseDelayed();
    harness.reply(thread, DRAFTER, "finish");

    String spec = harness.awaitFile("payment-retries.md", "The overview, written once");
    assertTrue(spec.contains("First part.\n\nSecond part."), spec);
    assertEquals(1, timesAsked(2), "one answer, so question 2 asked once");
    assertEquals(1, timesAsked(3));
  }

  @Test
  void replies_written_while_slack_is_down_are_one_answer() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.refuseConnections(true);
    harness.reply(thread, DRAFTER, "First part.");
    harness.slack.advanceTs(READ_AND_ANSWERED); // Long after, but question 2 never appeared.
    harness.reply(thread, DRAFTER, "Second part.");
    harness.slack.refuseConnections(false);

    harness.awaitQuestion(thread, 2);
    harness.slack.advanceTs(READ_AND_ANSWERED);
    harness.reply(thread, DRAFTER, "The overview.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");

    String spec = harness.awaitFile("payment-retries.md", "The overview.");
    assertTrue(spec.contains("First part.\n\nSecond part."), spec);
    assertEquals(1, timesAsked(3));
  }

  private long timesAsked(int number) {
    return harness.slack.calls("chat.postMessage").stream()
        .filter(call -> call.param("text").startsWith("Question " + number + " of "))
        .count();
  }
}
