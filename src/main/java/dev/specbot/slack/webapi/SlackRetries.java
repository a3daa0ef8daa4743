package dev.specbot.slack.webapi;

import com.slack.api.methods.SlackApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a failed Slack call is worth making again, and when: Slack rate-limited it (429, after
 * the {@code Retry-After} it asks for), failed itself (5xx), could not be reached, or answered with
 * an error it calls temporary. Anything else would fail the same way again.
 */
public final class SlackRetries {
  private SlackRetries() {}

  /** When to try again ({@code backoff} unless Slack says), or empty to give up. */
  public static Optional<Duration> delay(Exception failure, Duration backoff) {
    if (failure instanceof SlackApiException http) {
      int status = http.getResponse().code();
      if (status == 429) {
        return Optional.of(retryAfter(http).orElse(backoff));
      }
      return status >= 500 ? Optional.of(backoff) : Optional.empty();
    }
    if (failure instanceof SlackCallFailed call) {
      return call.isTransient() ? Optional.of(backoff) : Optional.empty();
    }
    return failure instanceof IOException ? Optional.of(backoff) : Optional.empty();
  }

  /** What went wrong, for the log and the outbox's record. */
  public static String describe(Exception failure) {
    if (failure instanceof SlackApiException http) {
      int status = http.getResponse().code();
      if (status == 429) {
        return "rate limited (429)";
      }
      return status >= 500 ? "HTTP " + status : "HTTP " + status + ": " + http.getResponseBody();
    }
    if (failure instanceof IOException) {
      return "network: " + failure.getMessage();
    }
    return failure.getMessage();
  }

  /** Slack's {@code Retry-After} on a 429: how long it asks the app to wait. */
  private static Optional<Duration> retryAfter(SlackApiException e) {
    String header = e.getResponse().header("Retry-After");
    try {
      return Optional.ofNullable(header)
          .map(String::strip)
          .map(Long::parseLong)
          .map(Duration::ofSeconds);
    } catch (NumberFormatException notSeconds) {
      return Optional.empty();
    }
  }
}
