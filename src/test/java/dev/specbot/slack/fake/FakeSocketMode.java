package dev.specbot.slack.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode server on loopback: says hello to each connection, pushes envelopes built
 * from the same payloads {@link SlackRequests} signs, records each acknowledgement, asks for a
 * refresh ({@code disconnect}) or drops a connection on demand, and, as Slack does, sends an
 * envelope not acknowledged on a connection that closed again on a connection still open.
 */
public final class FakeSocketMode implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** One connection from the app, numbered from 1 in the order they opened. */
  public record Link(int number, long openedAt, long closedAt, boolean closedByApp) {
    public boolean isOpen() {
      return closedAt == 0;
    }
  }

  /** An acknowledgement: on which connection, how long after the envelope was last sent. */
  public record Ack(
      String envelopeId, int connection, Duration after, Optional<JsonObject> payload) {}

  private record Sent(String json, int connection, long sentAt) {}

  private final Object lock = new Object();
  private final Server server;
  private final Map<Integer, Link> links = new LinkedHashMap<>();
  private final Map<Integer, WebSocket> sockets = new LinkedHashMap<>();
  // Envelopes sent and not acknowledged, by id, with where they went last.
  private final Map<String, Sent> unacknowledged = new LinkedHashMap<>();
  private final List<Ack> acks = new ArrayList<>();
  private final List<String> waitingForConnection = new ArrayList<>();
  private volatile boolean dropOnNextAck;
  private volatile boolean refusing;
  private long ticks;

  /** Starts listening on a free port of 127.0.0.1. */
  public FakeSocketMode() {
    this.server = new Server();
    server.setReuseAddr(true);
    server.start();
    server.awaitStarted();
  }

  /** The URL {@code apps.connections.open} hands out. */
  public String url() {
    return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=fake";
  }

  /** A slash command, pushed on the newest open connection; gives its envelope id. */
  public String slashCommand(
      String command, String text, String userId, String channelId, String triggerId) {
    return push(
        "slash_commands",
        formToJson(SlackPayloads.slashCommand(command, text, userId, channelId, triggerId)));
  }

  /** A person's reply in a thread, as an Events API envelope. */
  public String threadReply(
      String eventId, String channelId, String threadTs, String userId, String text, String ts) {
    return event(eventId, SlackPayloads.userMessage(channelId, threadTs, userId, text, ts));
  }

  /** A person edited their message {@code messageTs} from {@code oldText} to {@code newText}. */
  public String messageChanged(
      String eventId,
      String channelId,
      String threadTs,
      String userId,
      String messageTs,
      String oldText,
      String newText,
      String eventTs) {
    return event(
        eventId,
        SlackPayloads.messageChanged(
            channelId, threadTs, userId, messageTs, oldText, newText, eventTs));
  }

  /** Any event, in the {@code event_callback} Slack wraps it in. */
  public String event(String eventId, JsonObject event) {
    return push(
        "events_api",
        JsonParser.parseString(
                SlackPayloads.envelope(eventId, event, Instant.now().getEpochSecond()))
            .getAsJsonObject());
  }

  /** A click on a button in a message the bot posted. */
  public String blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String actionId,
      String value,
      String actionTs) {
    return push(
        "interactive",
        payloadToJson(
            SlackPayloads.blockAction(
                userId,
                channelId,
                messageTs,
                threadTs,
                actionId,
                value,
                "trigger-" + UUID.randomUUID(),
                actionTs)));
  }

  /** A modal submitted (see {@link SlackRequests#viewSubmission}). */
  public String viewSubmission(
      String userId,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, Object>> stateValues) {
    return push(
        "interactive",
        payloadToJson(
            SlackPayloads.viewSubmission(
                userId, callbackId, privateMetadata, stateValues, "hash-" + UUID.randomUUID())));
  }

  /** Asks the newest open connection to refresh, as Slack does every few hours. */
  public void requestRefresh() {
    synchronized (lock) {
      newestOpen()
          .orElseThrow(() -> new AssertionError("no open connection to refresh"))
          .send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\"}");
    }
  }

  /** Drops the newest open connection without a closing handshake, as a network failure would. */
  public void dropNewest() {
    WebSocket socket;
    synchronized (lock) {
      socket = newestOpen().orElseThrow(() -> new AssertionError("no open connection to drop"));
    }
    socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped");
  }

  /**
   * When the next acknowledgement comes, drops its connection instead of taking it, as if the
   * connection broke just before it arrived: its envelope is then sent again.
   */
  public void dropConnectionOnNextAck() {
    dropOnNextAck = true;
  }

  /** While on, each new connection is closed at once, before hello, as when Slack turns it away. */
  public void refuseConnections(boolean refuse) {
    refusing = refuse;
  }

  /** Every connection so far, oldest first. */
  public List<Link> links() {
    synchronized (lock) {
      return List.copyOf(links.values());
    }
  }

  /** Every acknowledgement so far, oldest first. */
  public List<Ack> acks() {
    synchronized (lock) {
      return List.copyOf(acks);
    }
  }

  /** The acknowledgements of one envelope (one, if all went well). */
  public List<Ack> acksOf(String envelopeId) {
    return acks().stream().filter(ack -> ack.envelopeId().equals(envelopeId)).toList();
  }

  /** How many envelopes were sent and not yet acknowledged. */
  public int unacknowledged() {
    synchronized (lock) {
      return unacknowledged.size() + waitingForConnection.size();
    }
  }

  /** Waits for the acknowledgement of an envelope. */
  public Ack awaitAck(String envelopeId) {
    await(() -> !acksOf(envelopeId).isEmpty(), "the acknowledgement of " + envelopeId);
    return acksOf(envelopeId).get(0);
  }

  /** Waits until {@code count} connections have been opened and said hello to. */
  public void awaitLinks(int count) {
    await(() -> links().size() >= count, count + " connections");
  }

  /** Waits for a condition on this fake, polling briefly. */
  public static void await(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  @Override
  public void close() {
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String push(String type, JsonObject payload) {
    String id = UUID.randomUUID().toString();
    JsonObject envelope = new JsonObject();
    envelope.addProperty("envelope_id", id);
    envelope.add("payload", payload);
    envelope.addProperty("type", type);
    envelope.addProperty("accepts_response_payload", !"events_api".equals(type));
    if ("events_api".equals(type)) {
      envelope.addProperty("retry_attempt", 0);
      envelope.addProperty("retry_reason", "");
    }
    synchronized (lock) {
      sendOrKeep(id, envelope.toString());
    }
    return id;
  }

  /** Sends on the newest open connection, or keeps it for the next one; under the lock. */
  private void sendOrKeep(String id, String json) {
    Optional<WebSocket> socket = newestOpen();
    if (socket.isEmpty()) {
      waitingForConnection.add(json);
      return;
    }
    int number = socket.get().<Integer>getAttachment();
    unacknowledged.put(id, new Sent(json, number, System.nanoTime()));
    socket.get().send(json);
  }

  private Optional<WebSocket> newestOpen() {
    WebSocket newest = null;
    for (Map.Entry<Integer, WebSocket> entry : sockets.entrySet()) {
      if (links.get(entry.getKey()).isOpen() && entry.getValue().isOpen()) {
        newest = entry.getValue();
      }
    }
    return Optional.ofNullable(newest);
  }

  private void opened(WebSocket socket) {
    if (refusing) {
      socket.close(CloseFrame.TRY_AGAIN_LATER, "refused");
      return;
    }
    synchronized (lock) {
      int number = links.size() + 1;
      socket.setAttachment(number);
      links.put(number, new Link(number, ++ticks, 0, false));
      sockets.put(number, socket);
      socket.send(
          "{\"type\":\"hello\",\"num_connections\":"
              + sockets.size()
              + ",\"connection_info\":{\"app_id\":\""
              + FakeSlackWebApi.APP_ID
              + "\"}}");
      List<String> waiting = List.copyOf(waitingForConnection);
      waitingForConnection.clear();
      waiting.forEach(json -> sendOrKeep(idOf(json), json));
    }
  }

  private void closed(WebSocket socket, boolean byApp) {
    Integer number = socket.getAttachment();
    if (number == null) {
      return;
    }
    synchronized (lock) {
      Link link = links.get(number);
      links.put(number, new Link(number, link.openedAt(), ++ticks, byApp));
      // Slack sends what this connection did not acknowledge again, on another one.
      List<Map.Entry<String, Sent>> lost =
          unacknowledged.entrySet().stream()
              .filter(entry -> entry.getValue().connection() == number)
              .toList();
      for (Map.Entry<String, Sent> entry : lost) {
        unacknowledged.remove(entry.getKey());
        sendOrKeep(entry.getKey(), entry.getValue().json());
      }
    }
  }

  private void received(WebSocket socket, String message) {
    JsonObject json = JsonParser.parseString(message).getAsJsonObject();
    if (!json.has("envelope_id")) {
      return;
    }
    String id = json.get("envelope_id").getAsString();
    if (dropOnNextAck) {
      dropOnNextAck = false;
      socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped before the ack arrived");
      return;
    }
    Optional<JsonObject> payload =
        json.has("payload") ? Optional.of(json.getAsJsonObject("payload")) : Optional.empty();
    synchronized (lock) {
      Sent sent = unacknowledged.remove(id);
      long after = sent == null ? 0 : System.nanoTime() - sent.sentAt();
      acks.add(new Ack(id, socket.<Integer>getAttachment(), Duration.ofNanos(after), payload));
    }
  }

  private static String idOf(String json) {
    return JsonParser.parseString(json).getAsJsonObject().get("envelope_id").getAsString();
  }

  /** A slash command's form, as the JSON object Socket Mode carries it in. */
  private static JsonObject formToJson(String form) {
    JsonObject json = new JsonObject();
    for (String field : form.split("&", -1)) {
      String[] pair = field.split("=", 2);
      json.addProperty(
          URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
          URLDecoder.decode(pair.length > 1 ? pair[1] : "", StandardCharsets.UTF_8));
    }
    return json;
  }

  /** An interaction's {@code payload=JSON} form, as the JSON object itself. */
  private static JsonObject payloadToJson(String form) {
    JsonElement payload = JsonParser.parseString(formToJson(form).get("payload").getAsString());
    return payload.getAsJsonObject();
  }

  private final class Server extends WebSocketServer {
    private final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    void awaitStarted() {
      try {
        if (!started.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          throw new AssertionError("the fake Socket Mode server did not start");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket socket, ClientHandshake handshake) {
      opened(socket);
    }

    @Override
    public void onClose(WebSocket socket, int code, String reason, boolean remote) {
      closed(socket, remote);
    }

    @Override
    public void onMessage(WebSocket socket, String message) {
      received(socket, message);
    }

    @Override
    public void onError(WebSocket socket, Exception error) {
      // A connection's failure shows in onClose; the server's own would fail the tests' waits.
    }
  }
}
