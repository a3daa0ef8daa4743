package dev.specbot.slack.socket;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long to wait before trying to connect again after {@code failures} failures in a row:
 * doubling from a second up to a minute, with jitter, so that instances dropped together (Slack
 * restarting, a network blip) do not all come back in the same instant.
 */
final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration CAP = Duration.ofMinutes(1);

  private final RandomGenerator random;

  Backoff(RandomGenerator random) {
    this.random = random;
  }

  /** Between half the step and the whole of it ("equal jitter"); the step is capped. */
  Duration delay(int failures) {
    if (failures < 1) {
      throw new IllegalArgumentException("failures must be at least 1, not " + failures);
    }
    long step = Math.min(CAP.toMillis(), FIRST.toMillis() << Math.min(failures - 1, 20));
    long half = step / 2;
    return Duration.ofMillis(half + random.nextLong(half + 1));
  }
}
