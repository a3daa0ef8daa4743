package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@link SlackRequests} puts on the wire: Slack's headers, signature and payload shapes. */
class SlackRequestsTest {
  // Slack's documented signing example, from the reference samples' signature_test_vector.json.
  private static final String VECTOR_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String VECTOR_TIMESTAMP = "1531420618";
  private static final String VECTOR_BODY =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
          + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
          + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2F"
          + "commands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
          + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
  private static final String VECTOR_SIGNATURE =
      "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

  private static final String SECRET = "test-signing-secret";
  private static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123456Z");

  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final HttpServer app = recordingApp();
  private final SlackRequests requests =
      new SlackRequests(
          URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/slack/events"),
          SECRET,
          Clock.fixed(NOW, ZoneOffset.UTC));

  private record Received(Headers headers, String body) {}

  @AfterEach
  void stop() {
    app.stop(0);
  }

  @Test
  void the_signature_matches_slacks_documented_test_vector() throws Exception {
    assertEquals(
        VECTOR_SIGNATURE,
        new SlackSignature.Generator(VECTOR_SECRET).generate(VECTOR_TIMESTAMP, VECTOR_BODY));
    assertEquals(VECTOR_SIGNATURE, hmac(VECTOR_SECRET, VECTOR_TIMESTAMP, VECTOR_BODY));
  }

  @Test
  void requests_carry_the_clocks_timestamp_and_slacks_signature_of_the_exact_body()
      throws Exception {
    var response = requests.slashCommand("/spec", "help", "U0ALICE01", "C0SPECS001", "trig-1");

    Received request = next();
    assertEquals(200, response.status());
    assertEquals("seen", response.body());
    String timestamp = request.headers().getFirst("X-Slack-Request-Timestamp");
    assertEquals(String.valueOf(NOW.getEpochSecond()), timestamp);
    assertEquals(
        hmac(SECRET, timestamp, request.body()), request.headers().getFirst("X-Slack-Signature"));
    assertEquals("application/x-www-form-urlencoded", request.headers().getFirst("Content-Type"));
  }

  @Test
  void bad_unsigned_old_and_retried_variants_change_only_their_headers() throws Exception {
    requests.withBadSignature().slashCommand("/spec", "", "U0ALICE01", "C0SPECS001", "t");
    Received bad = next();
    requests.unsigned().slashCommand("/spec", "", "U0ALICE01", "C0SPECS001", "t");
    Received unsigned = next();
    requests.at(NOW.minusSeconds(6 * 60)).slashCommand("/spec", "", "U0ALICE01", "C0SPECS001", "t");
    Received old = next();
    requests.threadReply("Ev1", "C0SPECS001", "1.000001", "U0ALICE01", "hi", "2.000002", 2);
    Received retry = next();

    String badTimestamp = bad.headers().getFirst("X-Slack-Request-Timestamp");
    assertNotEquals(
        hmac(SECRET, badTimestamp, bad.body()), bad.headers().getFirst("X-Slack-Signature"));
    assertFalse(unsigned.headers().containsKey("X-Slack-Signature"));
    assertFalse(unsigned.headers().containsKey("X-Slack-Request-Timestamp"));
    String oldTimestamp = old.headers().getFirst("X-Slack-Request-Timestamp");
    assertEquals(String.valueOf(NOW.getEpochSecond() - 360), oldTimestamp);
    assertEquals(
        hmac(SECRET, oldTimestamp, old.body()),
        old.headers().getFirst("X-Slack-Signature"),
        "a replay is validly signed, only old");
    assertEquals("2", retry.headers().getFirst("X-Slack-Retry-Num"));
    assertEquals("http_timeout", retry.headers().getFirst("X-Slack-Retry-Reason"));
  }

  @Test
  void a_slash_command_is_the_form_slack_posts_with_its_fields_in_slacks_order() throws Exception {
    requests.slashCommand(
        "/spec", "echo-tech-spec Payment retries", "U0ALICE01", "C0SPECS001", "t1");

    String body = next().body();
    assertTrue(body.contains("&command=%2Fspec&text=echo-tech-spec+Payment+retries&"), body);
    assertEquals(
        List.of(
            "token",
            "team_id",
            "team_domain",
            "channel_id",
            "channel_name",
            "user_id",
            "user_name",
            "command",
            "text",
            "api_app_id",
            "is_enterprise_install",
            "response_url",
            "trigger_id"),
        formKeys(body));
  }

  @Test
  void events_are_event_callback_envelopes_sent_as_json() throws Exception {
    requests.threadReply(
        "Ev0001", "C0SPECS001", "1763600000.000100", "U0ALICE01", "Because", "1763600001.000200");

    Received request = next();
    JsonObject envelope = JsonParser.parseString(request.body()).getAsJsonObject();
    JsonObject event = envelope.getAsJsonObject("event");
    assertEquals("application/json", request.headers().getFirst("Content-Type"));
    assertEquals("event_callback", envelope.get("type").getAsString());
    assertEquals("Ev0001", envelope.get("event_id").getAsString());
    assertEquals(NOW.getEpochSecond(), envelope.get("event_time").getAsLong());
    assertEquals(FakeSlackWebApi.APP_ID, envelope.get("api_app_id").getAsString());
    assertEquals("message", event.get("type").getAsString());
    assertEquals("1763600000.000100", event.get("thread_ts").getAsString());
    assertEquals("1763600001.000200", event.get("ts").getAsString());
    assertEquals("1763600001.000200", event.get("event_ts").getAsString());
    assertEquals("channel", event.get("channel_type").getAsString());
    assertEquals(FakeSlackWebApi.BOT_USER_ID, event.get("parent_user_id").getAsString());
  }

  @Test
  void interactivity_payloads_are_a_form_with_one_payload_field() throws Exception {
    requests.blockAction(
        "U0ALICE01",
        "C0SPECS001",
        "1763600000.000200",
        "1763600000.000100",
        "specbot_skip",
        "v",
        "t");

    String body = next().body();
    assertTrue(body.startsWith("payload="), body);
    JsonObject payload =
        JsonParser.parseString(
                URLDecoder.decode(body.substring("payload=".length()), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertEquals("block_actions", payload.get("type").getAsString());
    assertEquals(
        "1763600000.000100", payload.getAsJsonObject("container").get("thread_ts").getAsString());
  }

  private Received next() throws InterruptedException {
    Received request = received.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the recording app received nothing");
    }
    return request;
  }

  /** Slack's signing, written out independently of the SDK's Generator. */
  private static String hmac(String secret, String timestamp, String body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(digest);
  }

  private static List<String> formKeys(String body) {
    return List.copyOf(Params.of("application/x-www-form-urlencoded", body, null).keySet());
  }

  private HttpServer recordingApp() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/slack/events",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders(), body));
            byte[] answer = "seen".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
