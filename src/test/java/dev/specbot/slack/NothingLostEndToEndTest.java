package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers survive what people and Slack do to them: edits, deletions, bursts of messages, and a
 * Slack that is away while they are written.
 */
class NothingLostEndToEndTest {
  private static final String FILE = "payment-retries.md";

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
  void editing_a_reply_changes_its_answer_in_the_finished_spec() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String first = harness.reply(thread, DRAFTER, "Retries are hand-rolled.");
    harness.awaitQuestion(thread, 2);

    edit(thread, first, "Retries are hand-rolled.", "Retries are hand-rolled in three services.");
    harness.awaitInThread(thread, "Updated your answer to question 1 (Context).");
    harness.reply(thread, DRAFTER, "finish");

    String spec = awaitSpec("three services");
    assertFalse(spec.contains("Retries are hand-rolled.\n"), spec);
  }

  @Test
  void editing_a_reply_after_the_spec_is_posted_posts_the_updated_spec() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String first = harness.reply(thread, DRAFTER, "Old context.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    awaitSpec("Old context.");

    edit(thread, first, "Old context.", "New context, after review.");

    harness.awaitInThread(thread, "Updated your answer to question 1 (Context).");
    String spec = awaitSpec("New context, after review.");
    assertFalse(spec.contains("Old context."), spec);
  }

  @Test
  void an_edit_that_changes_nothing_and_a_retried_edit_are_ignored() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String first = harness.reply(thread, DRAFTER, "Context.");
    harness.awaitQuestion(thread, 2);

    // An unfurl arrives as an edit with the same text; then a real edit, delivered twice.
    harness
        .requests()
        .messageChanged("EvSame", CHANNEL, thread, DRAFTER, first, "Context.", "Context.");
    harness
        .requests()
        .messageChanged("EvEdit", CHANNEL, thread, DRAFTER, first, "Context.", "More context.");
    harness
        .requests()
        .asRetry(1)
        .messageChanged("EvEdit", CHANNEL, thread, DRAFTER, first, "Context.", "More context.");
    harness.awaitInThread(thread, "Updated your answer");
    harness.reply(thread, DRAFTER, "finish");
    awaitSpec("More context.");

    assertEquals(1, harness.postedInThread(thread, "Updated your answer").size());
  }

  @Test
  void deleting_a_reply_leaves_its_question_unanswered_and_asks_it_again_before_the_end() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String first = harness.reply(thread, DRAFTER, "Context to delete.");
    harness.awaitQuestion(thread, 2);

    var response =
        harness
            .requests()
            .messageDeleted("EvDel", CHANNEL, thread, DRAFTER, first, "Context to delete.");
    assertEquals(200, response.status());
    RecordedCall said =
        harness.awaitInThread(thread, "Your answer to question 1 (Context) was deleted");
    assertTrue(said.param("text").contains("`goto 1`"), said.param("text"));

    for (int number = 2; number <= 7; number++) {
      harness.awaitQuestion(thread, number);
      harness.reply(thread, DRAFTER, "Answer " + number + ".");
    }
    // Question 1 comes back before the spec is posted.
    BotHarness.awaitCondition(
        () ->
            harness.slack.calls("chat.postMessage").stream()
                    .filter(call -> call.param("text").startsWith("Question 1 of "))
                    .count()
                == 2,
        "question 1 asked again");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "question 1 to appear");
    harness.reply(thread, DRAFTER, "Context, written again.");
    String spec = awaitSpec("Context, written again.");
    assertFalse(spec.contains("Context to delete."), spec);
  }

  @Test
  void replies_written_before_the_next_question_appears_are_one_answer_in_order() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.refuseConnections(true); // Slack is away: question 2 cannot appear yet.
    harness.reply(thread, DRAFTER, "First part of the context.");
    // Once the bot has tried to ask question 2 and failed, it knows it did not appear.
    BotHarness.awaitCondition(harness::hasFailedAttempt, "a failed attempt to ask question 2");
    harness.reply(thread, DRAFTER, "Second part, after pressing Enter.");
    BotHarness.awaitCondition(harness::hasFailedAttempt, "no attempt under way");
    harness.reply(thread, DRAFTER, "Third part.");
    harness.slack.refuseConnections(false);

    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "The overview.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");

    String spec = awaitSpec("The overview.");
    assertTrue(
        spec.contains(
            "First part of the context.\n\nSecond part, after pressing Enter.\n\nThird part."),
        spec);
    assertEquals(1, timesAsked(2), "question 2 asked once, after the burst");
  }

  @Test
  void a_command_is_never_swallowed_by_a_burst() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.refuseConnections(true);
    harness.reply(thread, DRAFTER, "The context.");
    harness.reply(thread, DRAFTER, "skip");
    harness.slack.refuseConnections(false);

    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");
    String spec = awaitSpec("The context.");
    assertFalse(spec.contains("skip"), spec);
  }

  @Test
  void replies_written_while_the_bot_was_down_are_taken_in_order_on_restart() throws Exception {
    String thread = stoppedAtQuestion2("The context, answered live.");
    harness.slack.addUserMessage(
        CHANNEL, thread, DRAFTER, "Overview, written while the bot was down.");
    harness.slack.addUserMessage(CHANNEL, thread, "U0BOB", "A colleague's comment.");
    harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, "And a second paragraph.");
    harness.startBot();

    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");
    String spec = awaitSpec("The context, answered live.");
    assertTrue(
        spec.contains("Overview, written while the bot was down.\n\nAnd a second paragraph."),
        spec);
    assertFalse(spec.contains("colleague"), spec);
    assertEquals(1, timesAsked(2), "question 2 not asked again");
  }

  @Test
  void a_reply_arriving_before_its_thread_is_caught_up_is_taken_after_the_missed_ones()
      throws Exception {
    String thread = stoppedAtQuestion2("Context.");
    harness.slack.addUserMessage(
        CHANNEL, thread, DRAFTER, "Overview, written while the bot was down.");

    // Slack is slow to give the thread back: the bot is ready all the same (startBot waits for
    // it), and a reply arriving meanwhile is acknowledged at once but waits for the thread.
    harness.slack.failNext("conversations.replies", 1, Failure.delayed(Duration.ofSeconds(60)));
    harness.startBot();
    harness.slack.awaitCall(
        "conversations.replies", call -> thread.equals(call.param("ts")), BotHarness.WAIT);
    harness.reply(thread, DRAFTER, "skip");
    harness.slack.releaseDelayed();

    // Taken first, "skip" would have skipped question 2 and the missed reply answered 3.
    harness.awaitQuestion(thread, 4);
    harness.reply(thread, DRAFTER, "finish");
    String spec = awaitSpec("Overview, written while the bot was down.");
    String overview =
        spec.substring(spec.indexOf("## Overview"), spec.indexOf("## Open Questions"));
    assertTrue(overview.contains("Overview, written while the bot was down."), spec);
    assertEquals(1, timesAsked(3), "question 3 asked once, then skipped");
  }

  @Test
  void a_thread_slack_is_too_busy_to_give_is_read_again() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.stop();
    harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, "Context, written while down.");

    harness.slack.failNext("conversations.replies", 1, Failure.httpStatus(503));
    harness.slack.failNext("conversations.replies", 1, Failure.rateLimited(0));
    harness.startBot();

    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    awaitSpec("Context, written while down.");
  }

  @Test
  void a_restart_with_nothing_missed_asks_nothing_again() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "Context.");
    harness.awaitQuestion(thread, 2);
    long posted = harness.slack.calls("chat.postMessage").size();

    harness.restart();
    harness.reply(thread, DRAFTER, "Overview.");
    harness.awaitQuestion(thread, 3);

    assertEquals(
        posted + 1,
        harness.slack.calls("chat.postMessage").size(),
        "only question 3 is new: nothing is asked or posted again after the restart");
  }

  @Test
  void a_post_slack_made_but_whose_answer_was_lost_is_not_posted_again() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.slack.failNext("chat.postMessage", 1, Failure.lostAnswer());
    harness.reply(thread, DRAFTER, "Context.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Overview.");
    harness.awaitQuestion(thread, 3);

    assertEquals(
        1,
        harness.slack.calls("chat.postMessage").stream()
            .filter(call -> call.param("text").startsWith("Question 2 of "))
            .filter(call -> harness.slack.answerTo(call).status() == 504)
            .count(),
        "question 2 was posted once, its answer lost");
    assertTrue(
        harness.slack.calls("conversations.replies").stream()
            .anyMatch(call -> !call.param("include_all_metadata").isEmpty()),
        "the bot looked for it in the thread before posting again");
    assertEquals(
        1,
        harness.slack.messagesInThread(CHANNEL, thread).stream()
            .filter(text -> text.startsWith("Question 2 of "))
            .count(),
        "and Slack's thread has it once");
  }

  @Test
  void
      through_429s_500s_slow_answers_and_refused_connections_every_message_goes_out_once_in_order() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.failNext("chat.postMessage", 2, Failure.rateLimited(1));
    harness.slack.failNext("chat.update", 2, Failure.httpStatus(500));
    harness.reply(thread, DRAFTER, "Answer 1.");
    harness.awaitQuestion(thread, 2);
    harness.slack.failNext("chat.postMessage", 1, Failure.httpStatus(503));
    harness.slack.failNext("chat.postMessage", 1, Failure.delayed(Duration.ofMillis(800)));
    harness.reply(thread, DRAFTER, "Answer 2.");
    harness.awaitQuestion(thread, 3);
    harness.slack.refuseConnections(true);
    harness.reply(thread, DRAFTER, "skip");
    harness.slack.refuseConnections(false);
    harness.awaitQuestion(thread, 4);
    harness.reply(thread, DRAFTER, "finish");
    String spec = awaitSpec("Answer 2.");

    assertTrue(spec.contains("Answer 1."), spec);
    List<String> questions =
        harness.slack.messagesInThread(CHANNEL, thread).stream()
            .filter(text -> text.startsWith("Question "))
            .map(text -> text.substring(0, text.indexOf(" of ")))
            .toList();
    assertEquals(
        List.of("Question 1", "Question 2", "Question 3", "Question 4"),
        questions,
        "each question once, in order");
  }

  @Test
  void
      a_message_slack_refuses_for_good_is_set_aside_the_drafter_is_told_and_the_interview_goes_on() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.failNext("chat.postMessage", 1, Failure.slackError("msg_too_long"));
    harness.reply(thread, DRAFTER, "Answer 1.");
    harness.awaitInThread(thread, "Slack refused one of my messages here (`msg_too_long`)");
    harness.reply(thread, DRAFTER, "Answer 2, to the question that could not be shown.");
    harness.awaitQuestion(thread, 3);

    assertEquals(1, timesAsked(2), "not retried");
  }

  @Test
  void an_archived_channel_gets_the_drafter_one_private_note() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.failNext("chat.update", 5, Failure.slackError("is_archived"));
    harness.slack.failNext("chat.postMessage", 5, Failure.slackError("is_archived"));
    harness.reply(thread, DRAFTER, "Answer 1.");

    RecordedCall note = harness.awaitDirect(DRAFTER, "I can no longer post in <#" + CHANNEL + ">");
    assertTrue(note.param("text").contains("is_archived"), note.param("text"));
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the outbox to settle");
    assertEquals(
        1,
        harness.slack.calls("chat.postMessage").stream()
            .filter(call -> DRAFTER.equals(call.param("channel")))
            .count(),
        "one note, however many messages failed");
  }

  @Test
  void replies_on_two_threads_at_the_same_moment_are_both_taken_in() throws Exception {
    String first = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(first, 1);
    String second = harness.start("echo-tech-spec", "Search ranking");
    harness.awaitQuestion(second, 1);

    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      var a =
          pool.submit(
              () -> {
                go.await();
                return harness.reply(first, DRAFTER, "Payments context.");
              });
      var b =
          pool.submit(
              () -> {
                go.await();
                return harness.reply(second, DRAFTER, "Search context.");
              });
      go.countDown();
      a.get(10, java.util.concurrent.TimeUnit.SECONDS);
      b.get(10, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    harness.awaitQuestion(first, 2);
    harness.awaitQuestion(second, 2);
    harness.reply(first, DRAFTER, "finish");
    harness.reply(second, DRAFTER, "finish");
    String search = harness.awaitFile("search-ranking.md", "Search context.");
    String payments = awaitSpec("Payments context.");
    assertFalse(payments.contains("Search context."));
    assertTrue(search.contains("Search context."), search);
  }

  private void edit(String thread, String ts, String oldText, String newText) {
    var response =
        harness
            .requests()
            .messageChanged("Ev" + ts, CHANNEL, thread, DRAFTER, ts, oldText, newText);
    assertEquals(200, response.status(), response.body());
  }

  /** How many times the bot posted question {@code number} (in any thread). */
  private long timesAsked(int number) {
    return harness.slack.calls("chat.postMessage").stream()
        .filter(call -> call.param("text").startsWith("Question " + number + " of "))
        .count();
  }

  /** An interview whose first question was answered live, then the bot stopped; its thread. */
  private String stoppedAtQuestion2(String answer) {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, answer);
    harness.awaitQuestion(thread, 2);
    harness.stop();
    return thread;
  }

  private String awaitSpec(String fragment) {
    return harness.awaitFile(FILE, fragment);
  }
}
