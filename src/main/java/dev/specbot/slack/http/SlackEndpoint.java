package dev.specbot.slack.http;

import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt at {@code /slack/events}, with one difference: a signed request Bolt cannot read (malformed
 * JSON, a payload missing its fields) is answered 400 with a short JSON error, never a 500 page
 * with an exception in it. Slack itself never sends such requests, so retrying them is pointless.
 */
final class SlackEndpoint extends SlackAppServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(SlackEndpoint.class);

  SlackEndpoint(App app) {
    super(app);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      super.doPost(request, response);
    } catch (RuntimeException unreadable) {
      log.warn(
          "Refused a request Bolt could not read ({}): {}",
          request.getContentType(),
          unreadable.toString());
      if (!response.isCommitted()) {
        response.reset();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response
            .getOutputStream()
            .write("{\"ok\":false,\"error\":\"invalid_request\"}".getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
