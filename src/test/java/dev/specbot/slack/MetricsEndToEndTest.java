package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.Failure;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} on the real bot, as Prometheus scrapes it, after real work. */
class MetricsEndToEndTest {
  private static final TemplateCatalog CATALOG = TemplateCatalog.load(Optional.empty());
  private static final String TEMPLATE = "echo-tech-spec";
  private static final String API = "specbot_slack_api_calls_seconds_count";
  private static final String REQUESTS = "specbot_slack_requests_seconds_count";
  private static final String TURNS = "specbot_interview_turn_seconds_count";

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
  void a_finished_interview_shows_in_requests_turns_slack_calls_and_stored_counts()
      throws Exception {
    Template template = CATALOG.find(TEMPLATE).orElseThrow();
    String thread = harness.start(TEMPLATE, "Payment retries");
    for (Question question : template.questions()) {
      harness.awaitQuestion(thread, question.number());
      harness.reply(thread, DRAFTER, "Answer to question " + question.number() + ".");
    }
    harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);

    int replies = template.questions().size();
    MetricsPage page =
        awaitPage(
            p ->
                p.value("specbot_interviews", "status", "FINISHED") == 1
                    && p.value(API, "method", "files.completeUploadExternal", "outcome", "ok") == 1
                    && p.value("specbot_outbox_pending") == 0);
    assertEquals(1, page.value(REQUESTS, "kind", "command", "status", "200"), page.text);
    assertEquals(replies, page.value(REQUESTS, "kind", "reply", "status", "200"), page.text);
    assertEquals(0, page.value(REQUESTS, "kind", "button"), page.text);
    // Every answer but the last is followed by the next question; the last, by the spec.
    assertEquals(replies, page.value(TURNS), page.text);
    assertTrue(page.value("specbot_interview_turn_seconds_sum") > 0, page.text);
    assertTrue(
        page.value(API, "method", "chat.postMessage", "outcome", "ok") >= replies, page.text);
    assertTrue(page.value(API, "method", "files.getUploadURLExternal", "outcome", "ok") >= 1);
    assertTrue(page.value(API, "method", "upload", "outcome", "ok") >= 1, page.text);
    assertTrue(page.value(API, "method", "auth.test", "outcome", "ok") >= 1, page.text);
    assertEquals(0, page.value(API, "outcome", "rate_limited"), page.text);
    assertTrue(page.has("specbot_outbox_pending", "kind", "POST_IN_THREAD"), page.text);
    assertTrue(page.has("specbot_outbox_oldest_pending_seconds", "kind", "POST_PARENT"));
    assertEquals(0, page.value("specbot_interviews", "status", "ASKING"), page.text);
    assertEquals(1, page.value("specbot_ready"), page.text);
    assertTrue(page.has("specbot_reminders_due"), page.text);
    assertEquals(0, page.value("specbot_replies_waiting"), page.text);
    assertTrue(page.has("specbot_reviews", "stage", "DRAFT"), page.text);
    assertTrue(page.value("jvm_memory_used_bytes") > 0, page.text);
    assertTrue(page.has("jvm_threads_live_threads"), page.text);
    assertTrue(page.has("process_uptime_seconds"), page.text);
    assertTrue(page.has("specbot_slack_requests_seconds_bucket", "kind", "reply"), page.text);
  }

  @Test
  void the_page_is_prometheus_text_and_says_nothing_of_people_channels_or_answers()
      throws Exception {
    String thread = harness.start(TEMPLATE, "Secret project name");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "A private answer");
    harness.awaitQuestion(thread, 2);

    HttpResponse<String> response = harness.metrics();

    assertEquals(200, response.statusCode());
    assertEquals(
        Optional.of("text/plain; version=0.0.4; charset=utf-8"),
        response.headers().firstValue("Content-Type"));
    for (String secret :
        List.of(DRAFTER, BotHarness.CHANNEL, thread, "Secret project", "A private answer")) {
      assertTrue(!response.body().contains(secret), secret + " in\n" + response.body());
    }
    assertTrue(response.body().contains("# TYPE specbot_slack_requests_seconds histogram"));
  }

  @Test
  void slack_errors_rate_limits_and_server_errors_show_as_outcomes_of_their_method()
      throws Exception {
    String thread = harness.start(TEMPLATE, "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.failNext("chat.postMessage", 1, Failure.rateLimited(0));
    harness.reply(thread, DRAFTER, "First answer.");
    harness.awaitQuestion(thread, 2);
    harness.slack.failNext("chat.postMessage", 1, Failure.httpStatus(503));
    harness.reply(thread, DRAFTER, "Second answer.");
    harness.awaitQuestion(thread, 3);
    harness.slack.failNext("chat.postMessage", 1, Failure.slackError("msg_too_long"));
    harness.reply(thread, DRAFTER, "Third answer.");

    MetricsPage page =
        awaitPage(p -> p.value(API, "method", "chat.postMessage", "outcome", "msg_too_long") == 1);
    assertEquals(
        1, page.value(API, "method", "chat.postMessage", "outcome", "rate_limited"), page.text);
    assertEquals(1, page.value(API, "method", "chat.postMessage", "outcome", "5xx"), page.text);
    assertEquals(0, page.value(API, "outcome", "network"), page.text);
    // The retried questions still arrived: each is a turn, its retry included.
    assertTrue(page.value(TURNS) >= 2, page.text);
  }

  @Test
  void a_message_slack_holds_back_is_pending_and_ages_with_the_clock() throws Exception {
    String thread = harness.start(TEMPLATE, "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.slack.failNext("chat.postMessage", 1, Failure.rateLimited(600));
    harness.reply(thread, DRAFTER, "First answer.");
    BotHarness.awaitCondition(harness::hasFailedAttempt, "the rate-limited question to wait");
    harness.clock.advance(Duration.ofMinutes(3));

    MetricsPage page =
        awaitPage(p -> p.value("specbot_outbox_pending", "kind", "POST_IN_THREAD") >= 1);
    assertTrue(
        page.value("specbot_outbox_oldest_pending_seconds", "kind", "POST_IN_THREAD") >= 180,
        page.text);
    assertEquals(1, page.value(API, "outcome", "rate_limited"), page.text);
  }

  @Test
  void a_reminder_fired_late_is_counted_with_its_lateness() throws Exception {
    harness.close();
    WorkingHours always = WorkingHours.parse("00:00-24:00", "MON-SUN");
    Duration day = Duration.ofDays(1);
    harness = new BotHarness(folder, new NudgePolicy(day, day, day, 3, always));
    String thread = harness.start(TEMPLATE, "Payment retries");
    harness.awaitQuestion(thread, 1);

    // The idle nudge is due a day after the question; the clock jumps an hour past that.
    harness.advanceClock(Duration.ofHours(25));

    // The count and the lateness are two meters, recorded one after the other: a scrape may come
    // between them, so the page is awaited until it shows both.
    MetricsPage page =
        awaitPage(
            p ->
                p.value("specbot_reminders_lateness_seconds_count", "kind", "IDLE_NUDGE") == 1
                    && p.value("specbot_reminders_fired_total", "kind", "IDLE_NUDGE") == 1);
    double late = page.value("specbot_reminders_lateness_seconds_sum", "kind", "IDLE_NUDGE");
    assertTrue(late >= 3590 && late < 3700, page.text);
  }

  /**
   * Scrapes until {@code ready} holds, as Prometheus would see the bot settle; returns the page.
   */
  private MetricsPage awaitPage(Predicate<MetricsPage> ready) {
    AtomicReference<MetricsPage> last = new AtomicReference<>();
    try {
      BotHarness.awaitCondition(
          () -> {
            try {
              last.set(harness.metricsPage());
            } catch (Exception e) {
              throw new AssertionError("GET /metrics failed", e);
            }
            return ready.test(last.get());
          },
          "the metrics to show it");
    } catch (AssertionError timedOut) {
      throw new AssertionError(timedOut.getMessage() + " in\n" + last.get(), timedOut);
    }
    return last.get();
  }
}
