package dev.specbot.slack.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

/**
 * {@code GET /metrics}: the bot's metrics for Prometheus. Unauthenticated, as {@code /healthz} is:
 * it holds counts and timings, no ids and nothing anyone wrote; still, keep it off the internet.
 */
final class MetricsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Prometheus' text format 0.0.4, which Micrometer's {@code scrape()} writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final transient Supplier<String> metrics;

  MetricsServlet(Supplier<String> metrics) {
    this.metrics = metrics;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String page = metrics.get();
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(CONTENT_TYPE);
    response.getWriter().write(page);
  }
}
