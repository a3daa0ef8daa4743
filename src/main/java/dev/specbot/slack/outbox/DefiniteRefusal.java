package dev.specbot.slack.outbox;

import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.webapi.SlackCallFailed;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Whether a failed Slack call certainly did nothing, so that making it again cannot repeat what it
 * did: Slack could not be reached, or it answered that it refused the call. A call that timed out,
 * or that Slack (or a gateway before it) answered with a 500, 502 or 504, may have been carried out
 * before its answer was lost.
 */
final class DefiniteRefusal {
  /**
   * Errors Slack answers when "it's possible some aspect of the operation succeeded before the
   * error was raised" (Slack's words for both).
   */
  private static final Set<String> MAYBE_DONE = Set.of("internal_error", "fatal_error");

  private DefiniteRefusal() {}

  static boolean is(Exception failure) {
    if (failure instanceof SlackCallFailed call) {
      return !MAYBE_DONE.contains(call.error());
    }
    if (failure instanceof SlackApiException http) {
      int status = http.getResponse().code();
      // 429 is Slack's rate limiter turning the call away, 503 Slack saying it is unavailable.
      return status < 500 || status == 503;
    }
    // The request never left: nothing at Slack can have seen it.
    return failure instanceof ConnectException
        || failure instanceof NoRouteToHostException
        || failure instanceof UnknownHostException;
  }
}
