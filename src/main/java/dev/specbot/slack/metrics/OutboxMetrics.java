package dev.specbot.slack.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/**
 * What the outbox records. The interview's turn: from the drafter's input (a reply, a button) being
 * taken in to the next question being in Slack, or the spec's first message where the input
 * finished it; recorded when Slack accepts the question, so retries and a queue behind other
 * messages count, as the drafter waits through them. And the dispatcher's looks for due messages,
 * each a transaction on the database: a bot that looks far more often than it sends is one that
 * spins.
 */
public final class OutboxMetrics {
  static final String TURN = "specbot.interview.turn";
  static final String LOOKS = "specbot.outbox.looks";

  private final Timer turns;
  private final Counter looks;

  OutboxMetrics(MeterRegistry registry) {
    this.turns =
        Timer.builder(TURN)
            .description(
                "From a drafter's input being taken in to the next question (or spec) sent")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(10))
            .maximumExpectedValue(Duration.ofMinutes(5))
            .register(registry);
    this.looks =
        Counter.builder(LOOKS)
            .description("The outbox dispatcher's looks for due messages, each a transaction")
            .register(registry);
  }

  /** The dispatcher looked for due messages (and recorded those sent). */
  public void looked() {
    looks.increment();
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
