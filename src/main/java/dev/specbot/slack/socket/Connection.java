package dev.specbot.slack.socket;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.impl.SocketModeClientJavaWSImpl;
import com.slack.api.socket_mode.queue.impl.ConcurrentLinkedMessageQueue;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to Slack, through the SDK's Java-WebSocket client, used only for the connection and
 * for sending: what arrives is read here, not by the SDK's single polling thread, so that a slow
 * envelope cannot hold up the others; and a {@code disconnect} is reported to {@link SocketMode},
 * which opens the next connection before this one goes (the SDK drops the old one before the new
 * one is open). Each envelope is acknowledged on the connection it came on.
 */
final class Connection {
  private static final Logger log = LoggerFactory.getLogger(Connection.class);

  /** What {@link SocketMode} hears from a connection, on the connection's threads. */
  interface Listener {
    void hello(Connection connection);

    void refreshRequested(Connection connection, String reason);

    void lost(Connection connection, String why);

    /** A retired connection has acknowledged everything it took. */
    void idle(Connection connection);
  }

  private final int number;
  private final Client client;
  private final Listener listener;
  private final Envelopes envelopes;
  private final Executor handlers;
  private final Object lock = new Object();
  private final AtomicBoolean shut = new AtomicBoolean();
  private int inFlight;
  private volatile boolean open;
  private volatile boolean retiring;
  private volatile boolean refusing;

  Connection(
      int number,
      Slack slack,
      String appToken,
      String url,
      Envelopes envelopes,
      Executor handlers,
      Listener listener)
      throws URISyntaxException {
    this.number = number;
    this.listener = listener;
    this.envelopes = envelopes;
    this.handlers = handlers;
    this.client = new Client(slack, appToken, url, this);
    client.addWebSocketCloseListener(
        (code, reason) -> listener.lost(this, "closed (" + code + " " + reason + ")"));
    // A connection that never opened is reported here only: its close code is not one the SDK
    // passes on.
    client.addWebSocketErrorListener(
        error -> {
          if (!open) {
            listener.lost(this, "could not connect: " + error.getMessage());
          }
        });
  }

  /** Starts connecting; {@link Listener#hello} says when Slack is ready to send on it. */
  void connect() {
    client.connect();
  }

  /** Takes what is under way to the end, then goes (see {@link Listener#idle}). */
  void retire() {
    retiring = true;
    if (idle()) {
      listener.idle(this);
    }
  }

  /**
   * Takes nothing more: Slack sends again what it sends here from now on, to a connection that
   * still takes it.
   */
  void stopTaking() {
    refusing = true;
  }

  /** Waits until every envelope taken is acknowledged, or the time is up. */
  void awaitIdle(Duration within) throws InterruptedException {
    Instant deadline = Instant.now().plus(within);
    synchronized (lock) {
      while (inFlight > 0) {
        long left = Duration.between(Instant.now(), deadline).toMillis();
        if (left <= 0) {
          return;
        }
        lock.wait(left);
      }
    }
  }

  /** Closes the WebSocket and the SDK client's thread; once, whoever asks. */
  void shut() {
    if (shut.compareAndSet(false, true)) {
      open = false;
      try {
        client.close();
      } catch (IOException | RuntimeException e) {
        log.debug("Socket Mode connection {} did not close cleanly: {}", number, e.toString());
      }
    }
  }

  @Override
  public String toString() {
    return "#" + number;
  }

  private boolean idle() {
    synchronized (lock) {
      return inFlight == 0;
    }
  }

  /** Everything Slack sends, read on the WebSocket's own thread. */
  private void received(String message) {
    Optional<JsonObject> json = parse(message);
    String type = json.map(object -> string(object, "type")).orElse("");
    switch (type) {
      case "hello" -> {
        open = true;
        listener.hello(this);
      }
      case "disconnect" -> listener.refreshRequested(this, string(json.get(), "reason"));
      case "events_api", "slash_commands", "interactive" -> take(message);
      default -> log.debug("Socket Mode connection {} ignored a message of type '{}'", this, type);
    }
  }

  private void take(String message) {
    if (refusing) {
      return;
    }
    synchronized (lock) {
      inFlight++;
    }
    try {
      handlers.execute(() -> handle(message));
    } catch (RejectedExecutionException stopping) {
      done();
    }
  }

  private void handle(String message) {
    try {
      envelopes.handle(message).ifPresent(this::acknowledge);
    } catch (RuntimeException e) {
      log.error("Socket Mode connection {} could not handle an envelope", this, e);
    } finally {
      done();
    }
  }

  private void acknowledge(String ack) {
    try {
      client.sendSocketModeResponse(ack);
    } catch (RuntimeException closed) {
      log.warn(
          "Socket Mode connection {} closed before an acknowledgement went; Slack sends it again",
          this);
    }
  }

  private void done() {
    boolean nowIdle;
    synchronized (lock) {
      inFlight--;
      nowIdle = inFlight == 0;
      lock.notifyAll();
    }
    if (nowIdle && retiring) {
      listener.idle(this);
    }
  }

  private static Optional<JsonObject> parse(String message) {
    try {
      JsonElement json = JsonParser.parseString(message);
      return json.isJsonObject() ? Optional.of(json.getAsJsonObject()) : Optional.empty();
    } catch (JsonParseException notJson) {
      return Optional.empty();
    }
  }

  private static String string(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
  }

  /**
   * The SDK's client with its own reconnecting turned off (no session monitor, no reconnect on
   * close): {@link SocketMode} decides when to connect. Messages come to {@link #received} instead
   * of the SDK's queue.
   */
  private static final class Client extends SocketModeClientJavaWSImpl {
    private final Connection connection;

    Client(Slack slack, String appToken, String url, Connection connection)
        throws URISyntaxException {
      super(
          slack,
          appToken,
          url,
          0,
          new ConcurrentLinkedMessageQueue(),
          false,
          false,
          SocketModeClient.DEFAULT_SESSION_MONITOR_INTERVAL_MILLISECONDS);
      this.connection = connection;
    }

    /**
     * No poller: messages come to {@link #received} on the WebSocket's thread, and the SDK's poller
     * (a thread waking every 10 ms) would only spin. An executor with no task has no thread.
     */
    @Override
    public void initializeMessageProcessorExecutor(int concurrency) {
      setMessageProcessorExecutor(new ScheduledThreadPoolExecutor(0));
    }

    @Override
    public void enqueueMessage(String message) {
      connection.received(message);
    }

    /** Never replaces its own connection: {@link SocketMode} opens another and retires this one. */
    @Override
    public void connectToNewEndpoint() {
      connection.listener.refreshRequested(connection, "client asked");
    }
  }
}
