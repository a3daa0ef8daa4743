package dev.specbot.slack.socket;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.request.SocketModeRequest;
import com.slack.api.bolt.socket_mode.request.SocketModeRequestParser;
import com.slack.api.socket_mode.request.EventsApiEnvelope;
import com.slack.api.socket_mode.request.SocketModeEnvelope;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One envelope from Slack, run through the Bolt app as a request over HTTP would be, and the
 * acknowledgement to send back. Nothing is acknowledged that was not handled: Slack then sends it
 * again. An event needs no claim: its handler records its event_id in the transaction that does its
 * work, so a second delivery finds it and does nothing.
 */
final class Envelopes {
  private static final Logger log = LoggerFactory.getLogger(Envelopes.class);

  private final App app;
  private final SocketModeRequestParser parser;
  private final EnvelopeClaims claims;

  Envelopes(App app, EnvelopeClaims claims) {
    this.app = app;
    this.parser = new SocketModeRequestParser(app.config());
    this.claims = claims;
  }

  /** The acknowledgement to send, or empty when Slack should send the envelope again. */
  Optional<String> handle(String message) {
    SocketModeRequest request;
    try {
      request = parser.parse(message);
    } catch (RuntimeException unreadable) {
      // Slack itself never sends such envelopes: nothing to acknowledge them by.
      log.warn("Ignored a Socket Mode message Bolt could not read: {}", unreadable.toString());
      return Optional.empty();
    }
    if (request == null || request.getEnvelope().getEnvelopeId() == null) {
      return Optional.empty();
    }
    return handle(request);
  }

  private Optional<String> handle(SocketModeRequest request) {
    SocketModeEnvelope envelope = request.getEnvelope();
    String id = envelope.getEnvelopeId();
    boolean claimed = !EventsApiEnvelope.TYPE.equals(envelope.getType());
    if (claimed && !claims.claim(id)) {
      log.info(
          "Envelope {} ({}) came again: acknowledged, not handled twice", id, envelope.getType());
      return Optional.of(ack(id, Optional.empty()));
    }
    try {
      Response response = app.run(request.getBoltRequest());
      if (response.getStatusCode() != 200) {
        // As over HTTP, where Slack retries what was not answered 200 (an event no listener takes).
        log.info(
            "Envelope {} ({}) not acknowledged: the app answered {}",
            id,
            envelope.getType(),
            response.getStatusCode());
        giveBack(claimed, id);
        return Optional.empty();
      }
      return Optional.of(ack(id, payload(response)));
    } catch (Exception e) {
      log.error("Envelope {} ({}) failed; Slack will send it again", id, envelope.getType(), e);
      giveBack(claimed, id);
      return Optional.empty();
    }
  }

  private void giveBack(boolean claimed, String id) {
    if (claimed) {
      claims.release(id);
    }
  }

  /**
   * What the app answered, as Slack takes it over Socket Mode: a JSON answer as it is (a command's
   * reply, a form's errors), any other text as a message's text.
   */
  private static Optional<JsonElement> payload(Response response) {
    String body = response.getBody();
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    String type = response.getContentType();
    if (type != null && type.startsWith("application/json")) {
      return Optional.of(JsonParser.parseString(body));
    }
    JsonObject text = new JsonObject();
    text.addProperty("text", body);
    return Optional.of(text);
  }

  static String ack(String envelopeId, Optional<JsonElement> payload) {
    JsonObject ack = new JsonObject();
    ack.addProperty("envelope_id", envelopeId);
    payload.ifPresent(answer -> ack.add("payload", answer));
    return ack.toString();
  }
}
