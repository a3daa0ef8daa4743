package dev.specbot.slack.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /healthz}: 200 once the database is migrated and Slack accepted the token, 503 before.
 */
final class HealthServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient BooleanSupplier ready;

  HealthServlet(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean up = ready.getAsBoolean();
    response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setContentType("text/plain; charset=utf-8");
    response.getWriter().write(up ? "ok\n" : "starting\n");
  }
}
