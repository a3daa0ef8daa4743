package dev.specbot.slack.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * The interview's turn: from the drafter's input (a reply, a button) being taken in to the next
 * question being in Slack, or the spec's first message where the input finished it. Recorded by the
 * outbox when Slack accepts the question, so retries and a queue behind other messages count, as
 * the drafter waits through them.
 */
public final class TurnMetrics {
  static final String NAME = "specbot.interview.turn";

  private final Timer turns;

  TurnMetrics(MeterRegistry registry) {
    this.turns =
        Timer.builder(NAME)
            .description(
                "From a drafter's input being taken in to the next question (or spec) sent")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
  }

  /**
   * A question (or a finished spec) was sent at {@code sentAt}, answering the input taken in at
   * {@code inputAt}.
   */
  public void questionSent(Instant inputAt, Instant sentAt) {
    Duration turn = Duration.between(inputAt, sentAt);
    // Another instance's clock may be a little behind this one's.
    turns.record(turn.isNegative() ? Duration.ZERO : turn);
  }
}
