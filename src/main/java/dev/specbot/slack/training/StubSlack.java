package dev.specbot.slack.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of Slack's Web API on loopback for a training run: every method says ok, with the
 * fields the bot reads from the ones a first interview calls. Nothing is kept.
 */
final class StubSlack implements AutoCloseable {
  static final String TEAM = "T0TRAIN";
  static final String BOT_USER = "U0TRAINBOT";

  private final HttpServer server;
  private final Semaphore posted = new Semaphore(0);
  private final AtomicInteger stamps = new AtomicInteger();

  StubSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/", this::answer);
    server.setExecutor(Executors.newFixedThreadPool(4, StubSlack::daemon));
    server.start();
  }

  /** The prefix the SDK puts method names after. */
  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Waits until the bot has posted {@code count} more messages; false if it did not in time. */
  boolean awaitPosts(int count, Duration patience) throws InterruptedException {
    return posted.tryAcquire(count, patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      byte[] body = json(method).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private String json(String method) {
    if (method.equals("auth.test")) {
      return "{\"ok\":true,\"url\":\"https://train.slack.com/\",\"team\":\"train\",\"user\":\"specbot\","
          + "\"team_id\":\""
          + TEAM
          + "\",\"user_id\":\""
          + BOT_USER
          + "\",\"bot_id\":\"B0TRAIN\"}";
    }
    if (method.equals("users.info")) {
      return "{\"ok\":true,\"user\":{\"id\":\"U0TRAIN\",\"name\":\"train\",\"real_name\":\"Train"
          + " Run\",\"tz\":\"UTC\",\"profile\":{\"real_name\":\"Train Run\",\"display_name\":\"train\"}}}";
    }
    if (method.startsWith("chat.")) {
      String ts = String.format("1700000000.%06d", stamps.incrementAndGet());
      if (method.equals("chat.postMessage")) {
        posted.release();
      }
      return "{\"ok\":true,\"channel\":\"C0TRAIN\",\"ts\":\""
          + ts
          + "\",\"message\":{\"type\":\"message\",\"ts\":\""
          + ts
          + "\",\"text\":\"\"}}";
    }
    return "{\"ok\":true}";
  }

  private static Thread daemon(Runnable work) {
    Thread thread = new Thread(work, "specbot-training-slack");
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
