package dev.specbot.slack;

import com.slack.api.methods.SlackApiException;
import java.time.Duration;
import java.util.Optional;

/** Slack's {@code Retry-After} on a rate-limited (429) answer: how long it asks the app to wait. */
final class RetryAfter {
  private RetryAfter() {}

  static Optional<Duration> of(SlackApiException e) {
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
