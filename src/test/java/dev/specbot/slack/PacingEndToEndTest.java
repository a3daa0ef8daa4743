package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackModel;
import dev.specbot.slack.fake.SlackModel.Limit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot against a fake Slack that enforces Slack's published rate limits: it paces itself under
 * them instead of being refused, sends the next question before anything less urgent, and honours a
 * 429 that still comes for that method only.
 */
class PacingEndToEndTest {
  private static final String TEMPLATE = "echo-tech-spec";
  private static final int QUESTIONS = 7;
  private static final Duration PACED_WAIT = Duration.ofSeconds(30);

  @TempDir Path folder;
  private BotHarness harness;
  private final AtomicInteger events = new AtomicInteger();

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void a_kickoff_in_one_channel_is_paced_under_its_limit_and_nobody_is_refused() throws Exception {
    harness = BotHarness.pacedAgainst(folder, SlackModel.publishedLimits());
    List<String> people = List.of("U0ANN", "U0BOB", "U0CID", "U0DAN", "U0EVE");

    for (String person : people) {
      spec(person, "C0KICKOFF", "Kickoff " + person);
    }
    for (String person : people) {
      awaitQuestion(awaitParent("Kickoff " + person), 1);
    }

    assertEquals(0, harness.slack.totalRateLimited(), "429s received");
    // Each card's permalink is built from the workspace's address, not asked of Slack, whose
    // chat.getPermalink allows about 100 a minute.
    assertEquals(List.of(), harness.slack.calls("chat.getPermalink"));
    List<Long> posts = harness.slack.arrivals("chat.postMessage");
    assertTrue(posts.size() >= 10, "a parent and a first question each: " + posts.size());
    // Ten posts in one channel at Slack's three in any three seconds take at least seven.
    long spread = posts.get(posts.size() - 1) - posts.get(0);
    assertTrue(spread >= Duration.ofSeconds(7).toNanos(), "posts spread over " + spread + " ns");
    // While messages wait for a limit, the dispatcher sleeps until it lets one go: it once looked
    // again at once, over and over (tens of thousands of transactions in these seconds).
    double looks = harness.metricsPage().value("specbot_outbox_looks_total");
    assertTrue(looks < 200, "the dispatcher looked " + looks + " times");
  }

  @Test
  void many_interviews_at_once_finish_without_a_429_and_their_cards_say_so() throws Exception {
    harness = BotHarness.pacedAgainst(folder, SlackModel.publishedLimits());

    // Everyone answers as soon as each question arrives: far more edits of the cards' counts
    // than chat.update's 50 a minute allows.
    interviewEachUntilFinished(10, "Busy ");

    assertEquals(0, harness.slack.totalRateLimited(), "429s received");
    int edits = harness.slack.calls("chat.update").size();
    assertTrue(edits <= 50, "edits within the first minute's limit: " + edits);
  }

  @Test
  void posts_counted_from_when_slack_stamped_them_still_meet_no_429() throws Exception {
    // Slack at its own speed, each post's ts its time: once the bot has seen enough posts, it
    // counts each only until Slack took it, and so posts sooner after a channel's limit frees.
    harness = BotHarness.pacedAgainst(folder, SlackModel.realistic());

    interviewEachUntilFinished(6, "Stamped ");

    assertEquals(0, harness.slack.totalRateLimited(), "429s received");
    // The bot trusts the stamps after 16 posts: most of these were counted by them.
    int posts = harness.slack.arrivals("chat.postMessage").size();
    assertTrue(posts > 2 * 16, "posts: " + posts);
  }

  /**
   * Starts {@code interviews} specs, each in its own channel, answers every question as soon as it
   * arrives, and waits for each card to say it finished.
   */
  private void interviewEachUntilFinished(int interviews, String titlePrefix) {
    for (int i = 0; i < interviews; i++) {
      spec(person(i), channel(i), titlePrefix + i);
    }
    List<String> threads = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      threads.add(awaitParent(titlePrefix + i));
    }
    for (int number = 1; number <= QUESTIONS; number++) {
      for (int i = 0; i < interviews; i++) {
        awaitQuestion(threads.get(i), number);
        answer(person(i), channel(i), threads.get(i), "Answer " + number + " from " + i);
      }
    }
    for (String thread : threads) {
      harness.slack.awaitCall(
          "chat.update",
          call -> thread.equals(call.params().get("ts")) && text(call).contains("Finished"),
          PACED_WAIT);
    }
  }

  @Test
  void a_429_stops_only_its_method_and_the_questions_go_on() throws Exception {
    // Slack turns out stricter than published: two edits a minute.
    harness =
        BotHarness.pacedAgainst(
            folder, SlackModel.publishedLimits().withLimit("chat.update", Limit.perMinute(2)));
    spec("U0ANN", "C0STRICT", "Strict");
    String thread = awaitParent("Strict");

    for (int number = 1; number <= QUESTIONS; number++) {
      awaitQuestion(thread, number);
      answer("U0ANN", "C0STRICT", thread, "Answer " + number);
    }
    // The card's third edit is refused; the finished spec still goes out while edits wait.
    BotHarness.awaitCondition(
        () -> harness.slack.rateLimitedCount("chat.update") == 1, "an edit to be refused");
    harness.slack.awaitCall("files.completeUploadExternal", call -> true, PACED_WAIT);

    assertEquals(3, harness.slack.calls("chat.update").size(), "two edits taken, one refused");
    assertEquals(1, harness.slack.rateLimitedCount("chat.update"), "refused once, then waited");
    assertEquals(1, harness.slack.totalRateLimited(), "nothing else refused");
  }

  private void spec(String person, String channel, String title) {
    var response =
        harness
            .requests()
            .slashCommand(
                "/spec", TEMPLATE + " " + title, person, channel, "trigger-" + events.get());
    assertEquals(200, response.status(), response.body());
  }

  private String awaitParent(String title) {
    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage",
            call ->
                !call.params().containsKey("thread_ts")
                    && text(call).startsWith(title + " - ")
                    && harness.slack.answerTo(call).body().contains("\"ok\":true"),
            PACED_WAIT);
    return harness.tsOf(parent);
  }

  private void awaitQuestion(String thread, int number) {
    harness.slack.awaitCall(
        "chat.postMessage",
        call ->
            thread.equals(call.params().get("thread_ts"))
                && text(call).startsWith("Question " + number + " of ")
                && harness.slack.answerTo(call).body().contains("\"ok\":true"),
        number == 1 ? PACED_WAIT : WAIT.plus(WAIT));
  }

  private void answer(String person, String channel, String thread, String text) {
    String ts = harness.slack.addUserMessage(channel, thread, person, text);
    var response =
        harness
            .requests()
            .threadReply("EvPace" + events.incrementAndGet(), channel, thread, person, text, ts);
    assertEquals(200, response.status(), response.body());
  }

  private static String text(RecordedCall call) {
    return call.params().getOrDefault("text", "");
  }

  private static String person(int i) {
    return String.format(Locale.ROOT, "U0P%03d", i);
  }

  private static String channel(int i) {
    return String.format(Locale.ROOT, "C0BUSY%02d", i);
  }
}
