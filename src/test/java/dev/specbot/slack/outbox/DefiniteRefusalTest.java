package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.WebApiClient;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which failed calls certainly did nothing at Slack, as the bot's own client reports them. */
class DefiniteRefusalTest {
  private static final String CHANNEL = "C0SPECS001";

  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private Slack client;
  private MethodsClient methods;

  @BeforeEach
  void open() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.baseUrl());
    config.setStatsEnabled(false);
    config.getMethodsConfig().setExecutorName("definite-refusal-test-" + System.nanoTime());
    config.setHttpClientReadTimeoutMillis(300);
    client = Slack.getInstance(config);
    methods = WebApiClient.of(client, "xoxb-definite-refusal-test");
  }

  @AfterEach
  void close() throws Exception {
    slack.close();
    client.close();
  }

  @Test
  void slack_out_of_reach_rate_limiting_or_unavailable_certainly_did_nothing() {
    slack.failNext("chat.postEphemeral", 1, Failure.rateLimited(0));
    slack.failNext("chat.postEphemeral", 1, Failure.httpStatus(503));
    assertTrue(DefiniteRefusal.is(failure()), "429");
    assertTrue(DefiniteRefusal.is(failure()), "503");

    slack.refuseConnections(true);
    Exception refused = failure();

    assertInstanceOf(ConnectException.class, refused);
    assertTrue(DefiniteRefusal.is(refused));
  }

  @Test
  void an_answer_that_never_came_or_a_server_error_may_hide_a_call_that_was_made() {
    slack.failNext("chat.postEphemeral", 1, Failure.delayed(Duration.ofMinutes(1)));
    slack.failNext("chat.postEphemeral", 1, Failure.httpStatus(500));
    slack.failNext("chat.postEphemeral", 1, Failure.lostAnswer());

    Exception timedOut = failure();
    assertInstanceOf(SocketTimeoutException.class, timedOut);
    assertFalse(DefiniteRefusal.is(timedOut), "timed out");
    assertFalse(DefiniteRefusal.is(failure()), "500");
    assertFalse(DefiniteRefusal.is(failure()), "504");
  }

  @Test
  void an_error_slack_answered_is_a_refusal_unless_slack_allows_part_of_it_was_done() {
    assertTrue(
        DefiniteRefusal.is(new SlackCallFailed("chat.postEphemeral", "user_not_in_channel")));
    assertTrue(DefiniteRefusal.is(new SlackCallFailed("chat.postEphemeral", "ratelimited")));
    assertFalse(DefiniteRefusal.is(new SlackCallFailed("chat.postEphemeral", "fatal_error")));
    assertFalse(DefiniteRefusal.is(new SlackCallFailed("chat.postEphemeral", "internal_error")));
  }

  private Exception failure() {
    Exception failure =
        assertThrows(
            Exception.class,
            () -> methods.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0BOB").text("Hi")));
    assertTrue(
        failure instanceof IOException || failure instanceof SlackApiException, failure.toString());
    assertEquals(failure, failure);
    return failure;
  }
}
