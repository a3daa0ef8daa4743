package dev.specbot.slack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A program of this project's classpath run as its own JVM, as in production: the bot (or the
 * benchmark's bare Bolt app), listening on a port, its output in a log file. Killed with SIGKILL
 * when asked, as {@code kill -9} would.
 */
public final class BotProcess implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final long startedNanos;

  private BotProcess(Process process, int port, long startedNanos) {
    this.process = process;
    this.port = port;
    this.startedNanos = startedNanos;
  }

  /** A free port on loopback, for a process that must keep its port across restarts. */
  public static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /**
   * Starts {@code mainClass} with {@code env} (plus PORT) and the production logging into {@code
   * log}; returns once it is started, before it is ready.
   */
  public static BotProcess start(
      String mainClass, int port, Map<String, String> env, List<String> jvmOptions, Path log)
      throws IOException {
    return start(
        List.of("-cp", System.getProperty("java.class.path"), mainClass),
        port,
        env,
        jvmOptions,
        log);
  }

  /** As {@link #start(String, int, Map, List, Path)}, with the bot's jar as users run it. */
  public static BotProcess startJar(
      Path jar, int port, Map<String, String> env, List<String> jvmOptions, Path log)
      throws IOException {
    return start(List.of("-jar", jar.toString()), port, env, jvmOptions, log);
  }

  private static BotProcess start(
      List<String> what, int port, Map<String, String> env, List<String> jvmOptions, Path log)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new java.util.ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    // No logback.configurationFile: the bot's own logging (INFO, see LogSetup), so that the log
    // file tells what the process did.
    command.addAll(what);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SLACK_CLIENT_ID");
    builder.environment().remove("SLACK_CLIENT_SECRET");
    // The fake Slack's ts grow by 100 µs a message, not with time, and these bots' users answer the
    // moment a question arrives: with a reading delay every answer would read as a burst.
    builder.environment().put("SPECBOT_READING_DELAY", "PT0S");
    // The tests' fake Slack limits nothing unless a test models Slack's limits (and says so).
    builder.environment().put("SPECBOT_SLACK_LIMITS", "none");
    builder.environment().putAll(env);
    builder.environment().put("PORT", String.valueOf(port));
    Files.createDirectories(log.toAbsolutePath().getParent());
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    long started = System.nanoTime();
    return new BotProcess(builder.start(), port, started);
  }

  /** Waits until {@code path} answers 200; returns how long that took from the process start. */
  public Duration awaitReady(String path) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the process exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> health =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    throw new AssertionError("not ready after " + WAIT + " on port " + port);
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  /** SIGKILL: no shutdown hook, no flush. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the process did not die");
    }
  }

  /** Stops it as an operator would (SIGTERM, so shutdown hooks and recordings finish). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
