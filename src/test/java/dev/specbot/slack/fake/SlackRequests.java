package dev.specbot.slack.fake;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Sends an app the requests Slack sends it, shaped like Slack's real payloads and signed the way
 * Slack signs them.
 */
public final class SlackRequests {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private enum Signing {
    VALID,
    WRONG_SECRET,
    NONE
  }

  private final URI eventsUrl;
  private final String signingSecret;
  private final Clock clock;
  private final Signing signing;
  private final int retryNum;
  private final HttpClient http;

  /** What the app answered. */
  public record Response(int status, String body) {}

  /** Requests to {@code eventsUrl}, signed with {@code signingSecret} at the clock's time. */
  public SlackRequests(URI eventsUrl, String signingSecret, Clock clock) {
    this(
        Objects.requireNonNull(eventsUrl, "null eventsUrl"),
        Objects.requireNonNull(signingSecret, "null signingSecret"),
        Objects.requireNonNull(clock, "null clock"),
        Signing.VALID,
        0,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  private SlackRequests(
      URI eventsUrl,
      String signingSecret,
      Clock clock,
      Signing signing,
      int retryNum,
      HttpClient http) {
    this.eventsUrl = eventsUrl;
    this.signingSecret = signingSecret;
    this.clock = clock;
    this.signing = signing;
    this.retryNum = retryNum;
    this.http = http;
  }

  /** The same requests, signed with the wrong secret. */
  public SlackRequests withBadSignature() {
    return new SlackRequests(eventsUrl, signingSecret, clock, Signing.WRONG_SECRET, retryNum, http);
  }

  /** The same requests, without the signature and timestamp headers. */
  public SlackRequests unsigned() {
    return new SlackRequests(eventsUrl, signingSecret, clock, Signing.NONE, retryNum, http);
  }

  /** The same requests, stamped and signed at another time (e.g. a replay from long ago). */
  public SlackRequests at(Instant when) {
    return new SlackRequests(
        eventsUrl, signingSecret, Clock.fixed(when, clock.getZone()), signing, retryNum, http);
  }

  /**
   * The same events, sent as Slack's {@code retryNum}th retry of an event the app did not
   * acknowledge in time ({@code X-Slack-Retry-Num}, {@code X-Slack-Retry-Reason: http_timeout}).
   */
  public SlackRequests asRetry(int retryNum) {
    if (retryNum < 0) {
      throw new IllegalArgumentException("negative retry number: " + retryNum);
    }
    return new SlackRequests(eventsUrl, signingSecret, clock, signing, retryNum, http);
  }

  /** A slash command, as the form Slack posts when someone types {@code /command text}. */
  public Response slashCommand(
      String command, String text, String userId, String channelId, String triggerId) {
    return send(
        FORM, SlackPayloads.slashCommand(command, text, userId, channelId, triggerId), Map.of());
  }

  /**
   * A person's reply in a thread the bot started (so its {@code parent_user_id} is the bot user).
   */
  public Response threadReply(
      String eventId, String channelId, String threadTs, String userId, String text, String ts) {
    return event(eventId, SlackPayloads.userMessage(channelId, threadTs, userId, text, ts));
  }

  /** A thread reply sent as Slack's {@code retryNum}th retry (0: the first delivery). */
  public Response threadReply(
      String eventId,
      String channelId,
      String threadTs,
      String userId,
      String text,
      String ts,
      int retryNum) {
    return asRetry(retryNum).threadReply(eventId, channelId, threadTs, userId, text, ts);
  }

  /** A person's top-level message in a channel. */
  public Response channelMessage(
      String eventId, String channelId, String userId, String text, String ts) {
    return event(eventId, SlackPayloads.userMessage(channelId, null, userId, text, ts));
  }

  /**
   * The echo of a message this app posted (in a thread, or the channel if {@code threadTs} is
   * null): no subtype, but {@code bot_id} and {@code bot_profile}, as Slack sends an app's own
   * messages back to it.
   */
  public Response botMessage(
      String eventId, String channelId, String threadTs, String text, String ts) {
    return event(eventId, SlackPayloads.botMessage(channelId, threadTs, text, ts));
  }

  /** A message from a classic bot or an incoming webhook: subtype {@code bot_message}. */
  public Response classicBotMessage(
      String eventId, String channelId, String threadTs, String botId, String text, String ts) {
    return event(eventId, SlackPayloads.classicBotMessage(channelId, threadTs, botId, text, ts));
  }

  /**
   * A person edited their message {@code messageTs} (in a thread, or the channel if {@code
   * threadTs} is null) from {@code oldText} to {@code newText}.
   */
  public Response messageChanged(
      String eventId,
      String channelId,
      String threadTs,
      String userId,
      String messageTs,
      String oldText,
      String newText) {
    return event(
        eventId,
        SlackPayloads.messageChanged(
            channelId, threadTs, userId, messageTs, oldText, newText, nowTs()));
  }

  /** A person deleted their message {@code messageTs} that read {@code oldText}. */
  public Response messageDeleted(
      String eventId,
      String channelId,
      String threadTs,
      String userId,
      String messageTs,
      String oldText) {
    return event(
        eventId,
        SlackPayloads.messageDeleted(channelId, threadTs, userId, messageTs, oldText, nowTs()));
  }

  /** Any Events API event, in the {@code event_callback} envelope Slack wraps it in. */
  public Response event(String eventId, JsonObject event) {
    Map<String, String> headers =
        retryNum == 0
            ? Map.of()
            : Map.of(
                "X-Slack-Retry-Num",
                String.valueOf(retryNum),
                "X-Slack-Retry-Reason",
                "http_timeout");
    return send(
        JSON, SlackPayloads.envelope(eventId, event, clock.instant().getEpochSecond()), headers);
  }

  /** A click on a button in a message the bot posted (in a thread if {@code threadTs} is set). */
  public Response blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String actionId,
      String value,
      String triggerId) {
    return send(
        FORM,
        SlackPayloads.blockAction(
            userId, channelId, messageTs, threadTs, actionId, value, triggerId, nowTs()),
        Map.of());
  }

  /**
   * A click at {@code actionTs}: sent twice with the same one, it is Slack sending the same click
   * again (a retry), not a second click.
   */
  public Response blockActionAt(
      String userId,
      String channelId,
      String messageTs,
      String actionId,
      String value,
      String triggerId,
      String actionTs) {
    return send(
        FORM,
        SlackPayloads.blockAction(
            userId, channelId, messageTs, null, actionId, value, triggerId, actionTs),
        Map.of());
  }

  /** A person picked in a message's {@code users_select}, whose block is {@code blockId}. */
  public Response userPicked(
      String userId,
      String channelId,
      String messageTs,
      String blockId,
      String actionId,
      String selectedUser) {
    return send(
        FORM,
        SlackPayloads.userPicked(
            userId, channelId, messageTs, blockId, actionId, selectedUser, nowTs()),
        Map.of());
  }

  /** A button pressed in a message whose pickers hold {@code stateValues} (see SlackPayloads). */
  public Response blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String actionId,
      String value,
      String triggerId,
      Map<String, Map<String, Object>> stateValues) {
    return send(
        FORM,
        SlackPayloads.blockAction(
            userId,
            channelId,
            messageTs,
            threadTs,
            actionId,
            value,
            triggerId,
            nowTs(),
            stateValues),
        Map.of());
  }

  /**
   * A modal submitted: {@code stateValues} maps block id to action id to the element's state, e.g.
   * {@code {"template": {"template": {"type": "static_select", "selected_option": {...}}}}}.
   */
  public Response viewSubmission(
      String userId,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, Object>> stateValues) {
    return send(
        FORM,
        SlackPayloads.viewSubmission(
            userId, callbackId, privateMetadata, stateValues, nowTs() + ".fakehash"),
        Map.of());
  }

  /** {@code userId} opened the app's {@code tab} ({@code home}, {@code messages}). */
  public Response appHomeOpened(String eventId, String userId, String tab) {
    return event(eventId, SlackPayloads.appHomeOpened(userId, tab, nowTs()));
  }

  /** A click on a button of the Home tab. */
  public Response homeButton(String userId, String actionId, String value, String triggerId) {
    return send(
        FORM, SlackPayloads.homeBlockAction(userId, actionId, value, triggerId, nowTs()), Map.of());
  }

  /** Any body, signed (unless this is {@link #unsigned()}), for malformed or odd requests. */
  public Response raw(String contentType, String body, Map<String, String> extraHeaders) {
    return send(contentType, body, extraHeaders);
  }

  /** A ts for "now", for events whose own ts the caller does not choose (edits, clicks). */
  private String nowTs() {
    Instant now = clock.instant();
    return String.format(
        Locale.ROOT, "%d.%06d", now.getEpochSecond(), now.getNano() / 1_000 % 1_000_000);
  }

  private Response send(String contentType, String body, Map<String, String> extraHeaders) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(eventsUrl)
            .timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .header("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    switch (signing) {
      case VALID -> sign(request, signingSecret, timestamp, body);
      case WRONG_SECRET -> sign(request, signingSecret + "-but-wrong", timestamp, body);
      case NONE -> {}
    }
    extraHeaders.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new AssertionError("the app at " + eventsUrl + " did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while sending to " + eventsUrl, e);
    }
  }

  private static void sign(
      HttpRequest.Builder request, String secret, String timestamp, String body) {
    request
        .header("X-Slack-Request-Timestamp", timestamp)
        .header(
            "X-Slack-Signature", new SlackSignature.Generator(secret).generate(timestamp, body));
  }
}
