package dev.specbot.slack.metrics;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Times each request Bolt runs, from the start of its middleware chain (signature check included)
 * to the acknowledgement the handler returns, by kind and status: what Slack waits for, whichever
 * way the request came in.
 */
final class RequestTimer implements Middleware {
  static final String NAME = "specbot.slack.requests";

  private final MeterRegistry registry;

  RequestTimer(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  @SuppressWarnings("rawtypes") // Bolt's Middleware takes a raw Request.
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    Timer.Sample sample = Timer.start(registry);
    String status = "exception";
    try {
      Response ack = chain.next(req);
      status = status(ack);
      return ack;
    } finally {
      sample.stop(timer(kind(req), status));
    }
  }

  private Timer timer(String kind, String status) {
    return Timer.builder(NAME)
        .description("Slack requests, from Bolt taking them to the acknowledgement")
        .tags("kind", kind, "status", status)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  /** What Slack sent: a slash command, a message in a thread, a button, a form, another event. */
  static String kind(Request<?> request) {
    return switch (request.getRequestType()) {
      case Command -> "command";
      case BlockAction -> "button";
      case ViewSubmission -> "form";
      case Event -> isReply(request) ? "reply" : "event";
      default -> "other";
    };
  }

  /** A new message (with or without files); edits, deletions and bots' messages are events. */
  private static boolean isReply(Request<?> request) {
    if (!(request instanceof EventRequest event)) {
      return false;
    }
    String type = event.getEventTypeAndSubtype();
    return "message".equals(type) || "message:file_share".equals(type);
  }

  private static String status(Response ack) {
    Integer code = ack == null ? null : ack.getStatusCode();
    return code == null || code < 100 || code > 599 ? "other" : code.toString();
  }
}
