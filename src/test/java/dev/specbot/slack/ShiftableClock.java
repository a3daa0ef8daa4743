package dev.specbot.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset a test moves forward, so a reminder due tomorrow fires now while
 * everything else (signatures, retries) runs on real time.
 */
public final class ShiftableClock extends Clock {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public void advance(Duration by) {
    offset.accumulateAndGet(by, Duration::plus);
  }

  /** Moves the clock to {@code moment} (never back). */
  public void advanceTo(Instant moment) {
    Duration by = Duration.between(instant(), moment);
    if (!by.isNegative()) {
      advance(by);
    }
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the bot reads instants only");
  }
}
