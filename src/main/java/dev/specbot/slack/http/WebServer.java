package dev.specbot.slack.http;

import com.slack.api.bolt.App;
import dev.specbot.background.DaemonThreads;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jetty serving the Bolt app at {@code /slack/events}, {@code /healthz} and {@code /metrics}. */
public final class WebServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /**
   * Slack's own requests are a few kilobytes; anything near a megabyte is refused before parsing.
   */
  private static final long MAX_REQUEST_BYTES = 1024 * 1024;

  /**
   * On SIGTERM (a rolling deploy) Jetty stops accepting at once and lets the requests under way
   * finish for up to this long: each is a few database transactions, and Slack wants its answer
   * within 3 s anyway.
   */
  private static final long STOP_TIMEOUT_MILLIS = 10_000;

  private final Server jetty;
  private final App app;

  /**
   * {@code notReadyBecause} is empty when ready, otherwise the text of {@code /healthz}'s 503;
   * {@code metrics} gives {@code /metrics}' page, in Prometheus' text format.
   */
  public WebServer(
      int port, App app, Supplier<Optional<String>> notReadyBecause, Supplier<String> metrics) {
    this.jetty = server(port, app, notReadyBecause, metrics);
    this.app = app;
  }

  /** Starts Jetty, and Bolt beside the rest of start-up (see {@link #startBolt}). */
  public void start() throws Exception {
    jetty.start();
    DaemonThreads.of("specbot-bolt-start", this::startBolt).start();
  }

  /**
   * Bolt starts itself on the first request it takes, which then waits for Bolt's own {@code
   * auth.test} (a round trip to Slack) and for its middleware to be built. Started here, the first
   * request from Slack finds it started. Should Slack be unreachable now, that request tries again,
   * as it would have anyway.
   */
  private void startBolt() {
    try {
      app.start();
    } catch (RuntimeException e) {
      log.debug("Bolt did not start yet, the first request will start it: {}", e.toString());
    }
  }

  /** The port Jetty listens on: the configured one, or the one it picked for port 0. */
  public int port() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  @Override
  public void close() {
    try {
      jetty.stop();
    } catch (Exception e) {
      log.warn("Jetty did not stop cleanly", e);
    }
  }

  private static Server server(
      int port, App app, Supplier<Optional<String>> notReadyBecause, Supplier<String> metrics) {
    Server jetty = new Server();
    jetty.addConnector(connector(jetty, port));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackEndpoint(app)), "/slack/events");
    context.addServlet(new ServletHolder(new HealthServlet(notReadyBecause)), "/healthz");
    context.addServlet(new ServletHolder(new MetricsServlet(metrics)), "/metrics");
    SizeLimitHandler limit = new SizeLimitHandler(MAX_REQUEST_BYTES, -1);
    limit.setHandler(context);
    GracefulHandler graceful = new GracefulHandler();
    graceful.setHandler(limit);
    jetty.setHandler(graceful);
    jetty.setStopTimeout(STOP_TIMEOUT_MILLIS);
    // Error pages say what failed in a word, never with an exception's message or stack.
    ErrorHandler errors = new ErrorHandler();
    errors.setShowStacks(false);
    errors.setShowMessageInTitle(false);
    jetty.setErrorHandler(errors);
    return jetty;
  }

  /**
   * Plain HTTP without Server or X-Powered-By headers: naming Jetty and its version only helps a
   * scanner match the bot against lists of known holes.
   */
  private static ServerConnector connector(Server jetty, int port) {
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setPort(port);
    return connector;
  }
}
