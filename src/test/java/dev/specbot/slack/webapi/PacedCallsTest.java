package dev.specbot.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

class PacedCallsTest {
  private static final String PREFIX = "https://slack.test/api/";

  /** This machine's clock, in µs since the epoch; Slack's is the same, as on a synced machine. */
  private static final long EPOCH_MICROS = 1_764_936_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Budgets budgets =
      new Budgets(SlackLimits.published(600), now::get, () -> EPOCH_MICROS);
  private final PacedCalls paced = new PacedCalls(budgets, PREFIX);

  @Test
  void a_post_counts_from_slack_s_answer_when_it_comes_within_the_margin() throws IOException {
    // Calls of their own (not the outbox's) are replies: two of a channel's three posts.
    for (int i = 0; i < 2; i++) {
      paced.intercept(new SlackTaking(Duration.ofMillis(100), post("C1"), false));
    }
    // Made at 0 and 100 ms, answered 100 ms later each; now is 200 ms. The first leaves the
    // window 3 s after its answer, not 3 s and the margin after it was made.

    assertEquals(Duration.ofMillis(2900), budgets.reserve("chat.postMessage", "C1", Urgency.REPLY));
  }

  @Test
  void a_call_that_fails_on_the_way_counts_from_its_failure() {
    for (int i = 0; i < 2; i++) {
      assertThrows(
          IOException.class,
          () -> paced.intercept(new SlackTaking(Duration.ofMillis(100), post("C1"), true)));
    }

    assertEquals(Duration.ofMillis(2900), budgets.reserve("chat.postMessage", "C1", Urgency.REPLY));
  }

  @Test
  void a_post_counts_until_slack_took_it_when_its_answer_gives_its_ts() throws IOException {
    for (int i = 0; i < PostStamps.TRUSTED_AFTER; i++) {
      paced.intercept(new SlackTaking(Duration.ofMillis(100), post("C" + (100 + i)), false));
    }
    for (int i = 0; i < 2; i++) {
      paced.intercept(new SlackTaking(Duration.ofMillis(100), post("C1"), false));
    }
    // Made at 0 and 100 ms, each taken by Slack at once (its ts) and answered 100 ms later; now is
    // 200 ms. The first leaves the window 3 s after it was made, and the guard.

    assertEquals(
        Duration.ofMillis(2800).plusNanos(PostStamps.GUARD_NANOS),
        budgets.reserve("chat.postMessage", "C1", Urgency.REPLY));
  }

  @Test
  void the_ts_is_read_from_the_answer_s_start_and_no_text_can_fake_it() {
    assertEquals(
        "1764936000.000100",
        PacedCalls.tsIn(
            "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1764936000.000100\",\"message\":{}}"));
    assertEquals(
        "1764936000.000100",
        PacedCalls.tsIn(
            "{\"ok\":true,\"message\":{\"text\":\"\\\"ts\\\":\\\"1\\\"\",\"ts\": \"1764936000.000100\"}}"),
        "a text holding \"ts\": is escaped, and the message's own ts is the post's");
    assertEquals(null, PacedCalls.tsIn("{\"ok\":true,\"thread_ts\":\"1764936000.000100\"}"));
    assertEquals(null, PacedCalls.tsIn("{\"ok\":true,\"ts\":17649"));
    assertEquals(null, PacedCalls.tsIn("{\"ok\":true,\"ts\":\"17649"));
  }

  private static Request post(String channel) {
    return new Request.Builder()
        .url(PREFIX + "chat.postMessage")
        .post(new FormBody.Builder().add("channel", channel).add("text", "hi").build())
        .build();
  }

  /** Slack, answering each call {@code takes} after it is made (or failing it then). */
  private final class SlackTaking implements Interceptor.Chain {
    private final Duration takes;
    private final Request request;
    private final boolean fails;

    SlackTaking(Duration takes, Request request, boolean fails) {
      this.takes = takes;
      this.request = request;
      this.fails = fails;
    }

    @Override
    public Request request() {
      return request;
    }

    @Override
    public Response proceed(Request request) throws IOException {
      now.addAndGet(takes.toNanos());
      if (fails) {
        throw new IOException("connection reset");
      }
      // Slack's ts says it took the call as it was made: its clock reads as the machine's.
      long taken = EPOCH_MICROS + (now.get() - takes.toNanos()) / 1_000;
      String ts = String.format(Locale.ROOT, "%d.%06d", taken / 1_000_000, taken % 1_000_000);
      return new Response.Builder()
          .request(request)
          .protocol(Protocol.HTTP_1_1)
          .code(200)
          .message("OK")
          .body(
              ResponseBody.create(
                  "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"" + ts + "\"}",
                  MediaType.get("application/json")))
          .build();
    }

    @Override
    public Connection connection() {
      return null;
    }

    @Override
    public Call call() {
      throw new UnsupportedOperationException();
    }

    @Override
    public int connectTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withConnectTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int readTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withReadTimeout(int timeout, TimeUnit unit) {
      return this;
    }

    @Override
    public int writeTimeoutMillis() {
      return 0;
    }

    @Override
    public Interceptor.Chain withWriteTimeout(int timeout, TimeUnit unit) {
      return this;
    }
  }
}
