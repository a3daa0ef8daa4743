package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.fake.SlackModel.Latency;
import dev.specbot.slack.fake.SlackModel.Limit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A Slack model's rate limit, as the Slack SDK's own client meets it through the fake. */
class SlackModelLoopbackTest {
  private static final String CHANNEL = "C0SPECS001";

  private final FakeSlackWebApi fake =
      new FakeSlackWebApi(SlackModel.instant().withLimit("chat.update", Limit.perMinute(1)));
  private final RealSlackClient client = RealSlackClient.against(fake);

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void a_call_over_the_limit_gets_429_with_retry_after_and_is_not_performed() throws Exception {
    String ts = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("draft")).getTs();
    var first = client.methods.chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("first edit"));

    SlackApiException limited =
        assertThrows(
            SlackApiException.class,
            () -> client.methods.chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("second edit")));

    assertTrue(first.isOk(), first.toString());
    assertEquals(429, limited.getResponse().code());
    assertTrue(Integer.parseInt(limited.getResponse().header("Retry-After")) >= 1);
    assertEquals("ratelimited", limited.getError().getError());
    assertEquals(List.of("first edit"), fake.messagesInThread(CHANNEL, ts));
    assertEquals(1, fake.rateLimitedCount("chat.update"));
    assertEquals(1, fake.totalRateLimited());
    assertEquals(0, fake.rateLimitedCount("chat.postMessage"));
    List<Long> arrivals = fake.arrivals("chat.update");
    assertEquals(2, arrivals.size());
    assertTrue(arrivals.get(0) <= arrivals.get(1) && arrivals.get(1) <= fake.nanoTime());
  }

  @Test
  void a_model_that_stamps_time_gives_each_post_slack_s_time_when_it_arrived() throws Exception {
    AtomicLong nanos = new AtomicLong(System.nanoTime());
    long wallBefore = Instant.now().getEpochSecond();
    try (FakeSlackWebApi stamping =
            new FakeSlackWebApi(SlackModel.instant().withTimeStamps().withNanoTime(nanos::get));
        RealSlackClient stampingClient = RealSlackClient.against(stamping)) {
      String first =
          stampingClient.methods.chatPostMessage(r -> r.channel(CHANNEL).text("one")).getTs();
      nanos.addAndGet(Duration.ofMillis(1500).toNanos());
      String second =
          stampingClient.methods.chatPostMessage(r -> r.channel(CHANNEL).text("two")).getTs();

      assertEquals(1_500_000, micros(second) - micros(first), first + " then " + second);
      long firstSecond = micros(first) / 1_000_000;
      assertTrue(firstSecond >= wallBefore && firstSecond <= Instant.now().getEpochSecond(), first);
    }
    String madeUp = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("x")).getTs();
    assertTrue(
        micros(madeUp) / 1_000_000 < wallBefore - 86_400, "without it, from 2025: " + madeUp);
  }

  private static long micros(String ts) {
    return Long.parseLong(ts.replace(".", ""));
  }

  @Test
  void slow_answers_hold_each_call_without_holding_up_the_others() {
    int callers = 8;
    ExecutorService threads = Executors.newFixedThreadPool(callers);
    try (FakeSlackWebApi slow =
            new FakeSlackWebApi(
                SlackModel.instant().withLatency(Latency.fixed(Duration.ofMinutes(1))));
        RealSlackClient slowClient = RealSlackClient.against(slow, Duration.ofMinutes(2))) {
      List<CompletableFuture<?>> answers = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        String user = "U0PERSON" + i;
        answers.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    slowClient.methods.usersInfo(r -> r.user(user));
                  } catch (Exception e) {
                    // The fake closes before answering: the answer is not what this test is about.
                  }
                },
                threads));
      }

      // Every call reaches the fake while the first is still held for its minute.
      slow.awaitCalls("users.info", callers, Duration.ofSeconds(30));

      assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "answers held back");
      assertEquals(callers, slow.arrivals("users.info").size());
    } finally {
      threads.shutdownNow();
    }
  }
}
