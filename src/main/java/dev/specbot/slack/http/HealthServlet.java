package dev.specbot.slack.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /healthz}: 200 "ok" once the bot is ready (the database migrated, Slack accepted the
 * token, and in Socket Mode a connection up); 503 with the reason in a few words before.
 */
final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Supplier<Optional<String>> notReadyBecause;

  HealthServlet(Supplier<Optional<String>> notReadyBecause) {
    this.notReadyBecause = notReadyBecause;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<String> notReady = notReadyBecause.get();
    response.setStatus(
        notReady.isEmpty()
            ? HttpServletResponse.SC_OK
            : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().write(notReady.orElse("ok") + "\n");
  }
}
