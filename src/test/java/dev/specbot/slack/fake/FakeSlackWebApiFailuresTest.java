package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Outages the fake plays on demand, as the Slack SDK's client reports them, and waiting. */
class FakeSlackWebApiFailuresTest {
  private static final String CHANNEL = "C0SPECS001";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeSlackWebApi fake = new FakeSlackWebApi();
  private final RealSlackClient client = RealSlackClient.against(fake);

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void a_rate_limit_surfaces_as_slack_api_exception_with_retry_after_then_calls_pass()
      throws Exception {
    fake.failNext("chat.postMessage", 1, Failure.rateLimited(7));

    SlackApiException limited =
        assertThrows(
            SlackApiException.class,
            () -> client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")));
    var next = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi"));

    assertEquals(429, limited.getResponse().code());
    assertEquals("7", limited.getResponse().header("Retry-After"));
    assertEquals("ratelimited", limited.getError().getError());
    assertTrue(next.isOk(), next.toString());
    List<RecordedCall> calls = fake.calls("chat.postMessage");
    assertEquals(429, fake.answerTo(calls.get(0)).status());
    assertEquals(200, fake.answerTo(calls.get(1)).status());
  }

  @Test
  void server_errors_surface_as_slack_api_exception_with_the_status() {
    fake.failNext("chat.postMessage", 1, Failure.httpStatus(500));
    fake.failNext("chat.postMessage", 1, Failure.httpStatus(503));

    SlackApiException first =
        assertThrows(
            SlackApiException.class,
            () -> client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")));
    SlackApiException second =
        assertThrows(
            SlackApiException.class,
            () -> client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("hi")));

    assertEquals(500, first.getResponse().code());
    assertEquals(503, second.getResponse().code());
  }

  @Test
  void a_slack_error_is_an_answer_that_is_not_ok_and_has_no_effect() throws Exception {
    fake.failNext("chat.postMessage", 2, Failure.slackError("channel_not_found"));

    var first = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("one"));
    var second = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("two"));
    var third = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("three"));

    assertFalse(first.isOk());
    assertEquals("channel_not_found", first.getError());
    assertEquals("channel_not_found", second.getError());
    assertTrue(third.isOk(), third.toString());
    assertEquals("1763600000.000100", third.getTs(), "failed posts took no ts");
  }

  @Test
  void refused_connections_surface_as_io_exception_until_the_fake_listens_again() throws Exception {
    String before = fake.baseUrl();
    fake.refuseConnections(true);

    IOException refused = assertThrows(IOException.class, () -> client.methods.authTest(r -> r));
    fake.refuseConnections(false);
    var auth = client.methods.authTest(r -> r);

    assertInstanceOf(ConnectException.class, refused, refused.toString());
    assertTrue(auth.isOk(), auth.toString());
    assertEquals(before, fake.baseUrl(), "same port");
    assertEquals(1, fake.calls("auth.test").size(), "the refused call never arrived");
  }

  @Test
  void a_slow_answer_times_out_a_client_with_a_shorter_read_timeout_but_takes_effect()
      throws Exception {
    RealSlackClient impatient = RealSlackClient.against(fake, Duration.ofMillis(200));
    fake.failNext("chat.postMessage", 1, Failure.delayed(Duration.ofSeconds(30)));

    try {
      IOException timedOut =
          assertThrows(
              IOException.class,
              () -> impatient.methods.chatPostMessage(r -> r.channel(CHANNEL).text("slow")));
      assertInstanceOf(InterruptedIOException.class, timedOut, timedOut.toString());
    } finally {
      impatient.close();
    }
    var thread =
        client.methods.conversationsReplies(r -> r.channel(CHANNEL).ts("1763600000.000100"));
    assertEquals("slow", thread.getMessages().get(0).getText(), "posted although it timed out");
  }

  @Test
  void await_calls_returns_once_calls_from_another_thread_arrive() {
    CompletableFuture<Void> posting =
        CompletableFuture.runAsync(
            () -> {
              for (int i = 1; i <= 3; i++) {
                String text = "message " + i;
                try {
                  client.methods.chatPostMessage(r -> r.channel(CHANNEL).text(text));
                } catch (IOException | SlackApiException e) {
                  throw new IllegalStateException(e);
                }
              }
            });

    List<RecordedCall> posts = fake.awaitCalls("chat.postMessage", 3, WAIT);
    RecordedCall third =
        fake.awaitCall("chat.postMessage", call -> call.param("text").equals("message 3"), WAIT);

    assertEquals(
        List.of("message 1", "message 2", "message 3"),
        posts.stream().map(call -> call.param("text")).toList());
    assertEquals(posts.get(2), third);
    posting.join();
  }

  @Test
  void await_call_times_out_listing_the_calls_received_so_far() throws Exception {
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("Question 1 of 7"));

    AssertionError timedOut =
        assertThrows(
            AssertionError.class,
            () -> fake.awaitCall("chat.update", call -> true, Duration.ofMillis(100)));

    assertEquals(
        "Timed out after 100 ms waiting for a chat.update call that matches; 1 call so far:\n"
            + "  1. chat.postMessage channel=C0SPECS001 text=Question 1 of 7 link_names=0"
            + " mrkdwn=1 unfurl_links=0 unfurl_media=0 reply_broadcast=0",
        timedOut.getMessage());
  }

  @Test
  void await_calls_times_out_saying_when_nothing_came() {
    AssertionError timedOut =
        assertThrows(
            AssertionError.class,
            () -> fake.awaitCalls("chat.postMessage", 2, Duration.ofMillis(50)));

    assertEquals(
        "Timed out after 50 ms waiting for 2 chat.postMessage calls; no calls so far",
        timedOut.getMessage());
  }
}
