package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static dev.specbot.slack.BotHarness.awaitCondition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeSocketMode;
import dev.specbot.slack.fake.FakeSocketMode.Ack;
import dev.specbot.slack.fake.FakeSocketMode.Link;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.slack.messages.ActionIds;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole bot over Socket Mode, with no signing secret: Slack's requests come as envelopes on a
 * WebSocket the bot opened (a fake Socket Mode server on loopback), through the same listeners as
 * over HTTP; refreshes and dropped connections lose nothing and do nothing twice.
 */
class SocketModeEndToEndTest {
  private static final String FILE = "payment-retries.md";

  /** Slack shows the user an error when an envelope is not acknowledged within this. */
  private static final Duration SLACK_WAITS = Duration.ofSeconds(3);

  @TempDir Path folder;
  private FakeSocketMode socket;
  private BotHarness harness;
  private final AtomicInteger sequence = new AtomicInteger();

  @BeforeEach
  void startBot() throws Exception {
    socket = new FakeSocketMode();
    harness = BotHarness.overSocketMode(folder, socket);
  }

  @AfterEach
  void stopBot() throws Exception {
    harness.close();
    socket.close();
  }

  @Test
  void
      a_whole_interview_over_socket_mode_posts_the_spec_and_every_envelope_is_acknowledged_in_time() {
    String thread = start("Payment retries");
    harness.awaitQuestion(thread, 1);
    String firstTs = reply(thread, "Context.").ts();
    RecordedCall second = harness.awaitQuestion(thread, 2);
    press(thread, second, ActionIds.SKIP);
    harness.awaitQuestion(thread, 3);
    socket.messageChanged(
        "Ev" + next(), CHANNEL, thread, DRAFTER, firstTs, "Context.", "More context.", nowTs());
    harness.awaitInThread(thread, "Updated your answer");
    for (int number = 3; number <= 7; number++) {
      reply(thread, "Answer " + number + ".");
      if (number < 7) {
        harness.awaitQuestion(thread, number + 1);
      }
    }

    String document = harness.awaitFile(FILE, "Answer 7.");
    assertTrue(document.contains("More context."), document);
    assertTrue(document.contains("Answer 3."), document);
    assertEveryEnvelopeAcknowledgedOnceInTime();
  }

  @Test
  void the_start_form_submitted_over_socket_mode_starts_the_interview() {
    String command = socket.slashCommand("/spec", "", DRAFTER, CHANNEL, "trigger-" + next());
    harness.slack.awaitCall("views.open", call -> true, WAIT);
    socket.awaitAck(command);
    socket.viewSubmission(DRAFTER, ActionIds.START_VIEW, CHANNEL, form("Payment retries"));

    harness.awaitQuestion(parentOf("Payment retries"), 1);
    assertEveryEnvelopeAcknowledgedOnceInTime();
  }

  @Test
  void what_the_app_answers_comes_back_in_the_acknowledgement() {
    String help = socket.slashCommand("/spec", "help", DRAFTER, CHANNEL, "trigger-" + next());
    String untitled = socket.viewSubmission(DRAFTER, ActionIds.START_VIEW, CHANNEL, form(""));

    String reply = socket.awaitAck(help).payload().orElseThrow().get("text").getAsString();
    assertTrue(reply.contains("/spec"), reply);
    String errors = socket.awaitAck(untitled).payload().orElseThrow().toString();
    assertTrue(errors.contains("\"response_action\":\"errors\""), errors);
    assertTrue(errors.contains("Give the spec a title."), errors);
  }

  @Test
  void a_refresh_mid_interview_opens_the_new_connection_first_and_loses_nothing() {
    String thread = start("Payment retries");
    harness.awaitQuestion(thread, 1);
    reply(thread, "Context.");
    harness.awaitQuestion(thread, 2);

    socket.requestRefresh();
    // Slack may still send on the old connection until it is closed.
    reply(thread, "Overview.");
    socket.awaitLinks(2);
    FakeSocketMode.await(() -> !socket.links().get(0).isOpen(), "the old connection to close");
    harness.awaitQuestion(thread, 3);
    reply(thread, "Goals.");
    harness.awaitQuestion(thread, 4);

    Link old = socket.links().get(0);
    Link fresh = socket.links().get(1);
    assertTrue(fresh.openedAt() < old.closedAt(), "the new connection opened first: " + old);
    assertTrue(old.closedByApp(), "the bot let the old connection go, not Slack");
    assertTrue(fresh.isOpen());
    assertEveryEnvelopeAcknowledgedOnceInTime();
    for (int number = 1; number <= 4; number++) {
      assertEquals(
          1, harness.postedInThread(thread, "Question " + number + " of ").size(), "Q" + number);
    }
  }

  @Test
  void a_refresh_whose_new_connection_is_refused_at_first_keeps_the_old_one_until_one_opens()
      throws Exception {
    harness.slack.failNext("apps.connections.open", 2, Failure.httpStatus(503));

    socket.requestRefresh();
    // The third call is the retry after the first refusal: that refusal has been dealt with.
    harness.slack.awaitCalls("apps.connections.open", 3, WAIT);
    assertEquals(200, health().statusCode(), "the old connection still serves");
    assertTrue(socket.links().get(0).isOpen());
    socket.awaitLinks(2);
    FakeSocketMode.await(() -> !socket.links().get(0).isOpen(), "the old connection to close");

    assertTrue(socket.links().get(1).openedAt() < socket.links().get(0).closedAt());
    String thread = start("Payment retries");
    harness.awaitQuestion(thread, 1);
    assertEveryEnvelopeAcknowledgedOnceInTime();
  }

  @Test
  void a_reply_sent_again_after_its_connection_dropped_unacknowledged_is_handled_once() {
    String thread = start("Payment retries");
    harness.awaitQuestion(thread, 1);

    socket.dropConnectionOnNextAck();
    String envelope = reply(thread, "Context.").envelope();
    harness.awaitQuestion(thread, 2);
    Ack ack = socket.awaitAck(envelope);

    assertEquals(2, ack.connection(), "sent again, and acknowledged, on the next connection");
    awaitCondition(() -> harness.pendingMessages() == 0, "the bot's messages to be sent");
    assertEquals(1, harness.postedInThread(thread, "Question 2 of ").size());
    assertEveryEnvelopeAcknowledgedOnceInTime();
  }

  @Test
  void a_command_sent_again_after_its_connection_dropped_unacknowledged_starts_one_interview() {
    socket.dropConnectionOnNextAck();
    String command =
        socket.slashCommand(
            "/spec", "echo-tech-spec Payment retries", DRAFTER, CHANNEL, "trigger-" + next());
    String thread = parentOf("Payment retries");
    harness.awaitQuestion(thread, 1);
    Ack ack = socket.awaitAck(command);

    assertEquals(2, ack.connection(), "sent again, and acknowledged, on the next connection");
    awaitCondition(() -> harness.pendingMessages() == 0, "the bot's messages to be sent");
    assertEquals(1, parents("Payment retries").size(), "one interview started");
    assertEveryEnvelopeAcknowledgedOnceInTime();
  }

  @Test
  void healthz_is_503_while_the_connection_is_down_and_200_once_it_is_back() throws Exception {
    assertEquals(200, health().statusCode());

    socket.refuseConnections(true);
    socket.dropNewest();
    awaitCondition(() -> health().statusCode() == 503, "/healthz to say 503");
    assertTrue(health().body().contains("Socket Mode"), health().body());

    socket.refuseConnections(false);
    awaitCondition(() -> health().statusCode() == 200, "/healthz to say 200 again");
    assertEquals("ok\n", health().body());
  }

  @Test
  void without_a_signing_secret_requests_over_http_are_refused() {
    URI events = URI.create("http://127.0.0.1:" + harness.port() + "/slack/events");
    // Bolt's own stand-in for a missing secret, which anyone could sign with.
    for (String secret : List.of(BotHarness.SECRET, "---")) {
      var response =
          new SlackRequests(events, secret, Clock.systemUTC())
              .slashCommand("/spec", "echo-tech-spec Signed", DRAFTER, CHANNEL, "t-" + next());

      assertEquals(401, response.status(), "signed with '" + secret + "': " + response.body());
    }
    var unsigned =
        new SlackRequests(events, "-", Clock.systemUTC())
            .unsigned()
            .slashCommand("/spec", "echo-tech-spec Unsigned", DRAFTER, CHANNEL, "t-" + next());
    assertEquals(401, unsigned.status(), unsigned.body());
    assertEquals(List.of(), harness.slack.calls("chat.postMessage"));
  }

  @Test
  void an_app_token_slack_refuses_is_named_by_healthz() {
    harness.slack.failNext("apps.connections.open", 100, Failure.slackError("invalid_auth"));

    socket.dropNewest();

    awaitCondition(() -> health().statusCode() == 503, "/healthz to say 503");
    awaitCondition(
        () -> health().body().contains("Slack refused SLACK_APP_TOKEN (invalid_auth)"),
        "/healthz to name the refused token");
    assertFalse(health().body().contains(BotHarness.APP_TOKEN), health().body());
  }

  /** Starts an interview with {@code /spec echo-tech-spec TITLE}; returns its thread. */
  private String start(String title) {
    socket.slashCommand("/spec", "echo-tech-spec " + title, DRAFTER, CHANNEL, "trigger-" + next());
    return parentOf(title);
  }

  private String parentOf(String title) {
    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage",
            call ->
                !call.params().containsKey("thread_ts")
                    && call.param("text").startsWith(title + " - ")
                    && harness.slack.answerTo(call).body().contains("\"ok\":true"),
            WAIT);
    return harness.tsOf(parent);
  }

  private List<RecordedCall> parents(String title) {
    return harness.slack.calls("chat.postMessage").stream()
        .filter(
            call ->
                !call.params().containsKey("thread_ts")
                    && call.param("text").startsWith(title + " - "))
        .toList();
  }

  /** A reply: its ts in Slack, and the envelope that brought it. */
  private record Reply(String ts, String envelope) {}

  /** The drafter replies in the thread (in the fake's thread too, as in Slack). */
  private Reply reply(String thread, String text) {
    String ts = harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, text);
    return new Reply(ts, socket.threadReply("Ev" + next(), CHANNEL, thread, DRAFTER, text, ts));
  }

  private void press(String thread, RecordedCall question, String actionId) {
    socket.blockAction(
        DRAFTER,
        CHANNEL,
        harness.tsOf(question),
        thread,
        actionId,
        BotHarness.actionValue(question, actionId),
        nowTs());
  }

  private void assertEveryEnvelopeAcknowledgedOnceInTime() {
    FakeSocketMode.await(() -> socket.unacknowledged() == 0, "every envelope acknowledged");
    List<Ack> acks = socket.acks();
    for (Ack ack : acks) {
      assertTrue(ack.after().compareTo(SLACK_WAITS) < 0, "acknowledged late: " + ack);
      assertEquals(1, socket.acksOf(ack.envelopeId()).size(), "acknowledged twice: " + ack);
    }
  }

  private HttpResponse<String> health() {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + harness.port() + "/healthz"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("/healthz did not answer", e);
    }
  }

  private static Map<String, Map<String, Object>> form(String title) {
    return Map.of(
        "template",
        Map.of(
            "template",
            Map.of("type", "static_select", "selected_option", Map.of("value", "echo-tech-spec"))),
        "title",
        Map.of("title", Map.of("type", "plain_text_input", "value", title)),
        "channel",
        Map.of(
            "channel", Map.of("type", "conversations_select", "selected_conversation", CHANNEL)));
  }

  /** A ts of "now" for clicks and edits, unique within the test. */
  private String nowTs() {
    return String.format(Locale.ROOT, "%d.%06d", System.currentTimeMillis() / 1000, next());
  }

  private int next() {
    return sequence.incrementAndGet();
  }
}
