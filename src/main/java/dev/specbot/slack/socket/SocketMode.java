package dev.specbot.slack.socket;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.apps.connections.AppsConnectionsOpenResponse;
import dev.specbot.background.DaemonThreads;
import dev.specbot.storage.Database;
import java.io.IOException;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The way in over Socket Mode: keeps one connection to Slack up, serving the Bolt app. When Slack
 * asks for a refresh ({@code disconnect}), the next connection is opened, and the old one is let go
 * only once the new one said hello and the old one acknowledged what it took. A connection that
 * drops or cannot be opened is tried again after a {@link Backoff}.
 */
public final class SocketMode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SocketMode.class);

  /** Slack says hello at once; a connection silent this long is given up and tried again. */
  private static final Duration HELLO_WITHIN = Duration.ofSeconds(10);

  /** How long a replaced connection may take to acknowledge what it took before it is closed. */
  private static final Duration RETIRE_WITHIN = Duration.ofSeconds(10);

  /** How long closing waits for envelopes under way to be acknowledged. */
  private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

  /** Envelopes handled at once; a handler waits at most a second or two (see Bursts). */
  private static final int HANDLERS = 8;

  private final Slack slack;
  private final String appToken;
  private final Envelopes envelopes;
  private final Backoff backoff = new Backoff(new SplittableRandom());
  private final ScheduledExecutorService manager =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-socket-mode"));
  private final ExecutorService handlers =
      Executors.newFixedThreadPool(HANDLERS, DaemonThreads.numbered("specbot-socket-envelope"));
  private final Set<Connection> live = ConcurrentHashMap.newKeySet();
  private final Connection.Listener events = new Events();

  // Changed on the manager's thread only.
  private Connection serving;
  private Connection opening;
  private int failures;
  private int opened;

  private volatile Optional<String> down = Optional.of("Socket Mode: connecting to Slack");
  private volatile boolean closed;

  public SocketMode(Slack slack, String appToken, App app, Database database, Clock clock) {
    this.slack = slack;
    this.appToken = appToken;
    this.envelopes = new Envelopes(app, new EnvelopeClaims(database, clock));
  }

  /** Starts connecting, in the background: {@link #notConnectedBecause()} says when it is up. */
  public void start() {
    manager.execute(this::open);
  }

  /** Empty while a connection is up; otherwise why not, in a few words for {@code /healthz}. */
  public Optional<String> notConnectedBecause() {
    return down;
  }

  /**
   * Stops taking envelopes (Slack sends them to another connection, or again later), lets those
   * under way be acknowledged, then closes every connection.
   */
  @Override
  public void close() {
    closed = true;
    down = Optional.of("Socket Mode: closed");
    manager.shutdownNow();
    try {
      var unused = manager.awaitTermination(CLOSE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
      live.forEach(Connection::stopTaking);
      for (Connection connection : live) {
        connection.awaitIdle(CLOSE_WITHIN);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    live.forEach(this::shut);
    handlers.shutdownNow();
  }

  private void open() {
    if (closed || opening != null) {
      return;
    }
    Connection connection;
    try {
      connection =
          new Connection(++opened, slack, appToken, connectionUrl(), envelopes, handlers, events);
    } catch (IOException | SlackApiException | URISyntaxException | RefusedToken e) {
      failed("Slack did not give a connection: " + e.getMessage());
      return;
    } catch (RuntimeException e) {
      // Whatever the SDK throws, the next attempt is scheduled: a task that throws is not rerun.
      log.error("Socket Mode could not open a connection", e);
      failed("could not open a connection: " + e);
      return;
    }
    opening = connection;
    live.add(connection);
    connection.connect();
    later(() -> helloMissing(connection), HELLO_WITHIN);
  }

  /** Asked anew for every connection: each URL is good for one. */
  private String connectionUrl() throws IOException, SlackApiException, RefusedToken {
    AppsConnectionsOpenResponse answer =
        slack.methods().appsConnectionsOpen(request -> request.token(appToken));
    if (!answer.isOk()) {
      throw new RefusedToken(answer.getError());
    }
    return answer.getUrl();
  }

  private void helloMissing(Connection connection) {
    if (connection == opening) {
      lost(connection, "no hello within " + HELLO_WITHIN.toSeconds() + " s");
    }
  }

  private void hello(Connection connection) {
    if (connection != opening) {
      return;
    }
    Connection old = serving;
    opening = null;
    serving = connection;
    failures = 0;
    down = Optional.empty();
    log.info("Socket Mode connection {} is up", connection);
    if (old != null) {
      old.retire();
      later(() -> shut(old), RETIRE_WITHIN);
    }
  }

  private void refreshRequested(Connection connection, String reason) {
    log.info("Slack asked Socket Mode connection {} to refresh ({})", connection, reason);
    if (connection == serving) {
      open();
    }
  }

  private void lost(Connection connection, String why) {
    shut(connection);
    if (connection == opening) {
      opening = null;
      failed(why);
    } else if (connection == serving) {
      serving = null;
      log.warn("Socket Mode connection {} lost: {}", connection, why);
      if (opening == null) {
        failed(why);
      } else {
        down = Optional.of("Socket Mode: reconnecting to Slack");
      }
    }
  }

  /** Tries again later; a connection still serving (its replacement failed) stays up meanwhile. */
  private void failed(String why) {
    failures++;
    Duration wait = backoff.delay(failures);
    if (serving == null) {
      down = Optional.of("Socket Mode: not connected to Slack (" + why + ")");
    }
    log.warn("Socket Mode not connected ({}); trying again in {} ms", why, wait.toMillis());
    later(this::open, wait);
  }

  private void shut(Connection connection) {
    connection.shut();
    live.remove(connection);
  }

  private void later(Runnable task, Duration delay) {
    if (!closed) {
      var unused = manager.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Hands what a connection reports to the manager's thread, which alone changes the state. */
  private void onManager(Runnable task) {
    try {
      manager.execute(task);
    } catch (RejectedExecutionException closing) {
      // Closed: nothing more to manage.
    }
  }

  /** Slack refused the app-level token (invalid_auth, not_allowed_token_type...). */
  private static final class RefusedToken extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedToken(String error) {
      super("Slack refused SLACK_APP_TOKEN (" + error + ")");
    }
  }

  private final class Events implements Connection.Listener {
    @Override
    public void hello(Connection connection) {
      onManager(() -> SocketMode.this.hello(connection));
    }

    @Override
    public void refreshRequested(Connection connection, String reason) {
      onManager(() -> SocketMode.this.refreshRequested(connection, reason));
    }

    @Override
    public void lost(Connection connection, String why) {
      onManager(() -> SocketMode.this.lost(connection, why));
    }

    @Override
    public void idle(Connection connection) {
      onManager(() -> shut(connection));
    }
  }
}
