package dev.specbot.slack.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Tag values taken from outside (Slack's error codes, Web API method names), capped: each distinct
 * value is a time series in Prometheus, so after {@code limit} of them, or for anything that does
 * not look like one of Slack's words, the value is {@value #OTHER}.
 */
final class BoundedValues {
  static final String OTHER = "other";

  /**
   * Slack's method names and error codes, the outbox's kinds: letters, digits, dots, underscores.
   */
  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.]{1,64}");

  private final int limit;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  BoundedValues(int limit) {
    this.limit = limit;
  }

  String of(String value) {
    if (value == null || !WORD.matcher(value).matches()) {
      return OTHER;
    }
    if (seen.contains(value)) {
      return value;
    }
    synchronized (seen) {
      if (seen.size() >= limit) {
        return OTHER;
      }
      seen.add(value);
      return value;
    }
  }
}
