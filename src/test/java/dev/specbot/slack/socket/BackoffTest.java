package dev.specbot.slack.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(new SplittableRandom(42));

  @Test
  void each_wait_is_between_half_and_all_of_a_step_that_doubles_from_a_second() {
    for (int failures = 1; failures <= 6; failures++) {
      long step = 1000L << (failures - 1);
      for (int i = 0; i < 200; i++) {
        long wait = backoff.delay(failures).toMillis();
        assertTrue(wait >= step / 2 && wait <= step, failures + " failures: " + wait + " ms");
      }
    }
  }

  @Test
  void the_wait_stops_growing_at_a_minute() {
    for (int failures : new int[] {7, 10, 64, Integer.MAX_VALUE}) {
      Duration wait = backoff.delay(failures);
      assertTrue(wait.compareTo(Backoff.CAP) <= 0, wait.toString());
      assertTrue(wait.compareTo(Backoff.CAP.dividedBy(2)) >= 0, wait.toString());
    }
  }

  @Test
  void instances_dropped_together_do_not_come_back_together() {
    Set<Duration> waits = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      waits.add(backoff.delay(3));
    }
    assertNotEquals(1, waits.size(), "no jitter: " + waits);
  }

  @Test
  void there_is_no_wait_before_a_failure() {
    assertThrows(IllegalArgumentException.class, () -> backoff.delay(0));
    assertEquals(Duration.ofMillis(500), new Backoff(new ZeroRandom()).delay(1));
  }

  /** Always the lowest value: the wait is then exactly half the step. */
  private static final class ZeroRandom implements java.util.random.RandomGenerator {
    @Override
    public long nextLong() {
      return 0;
    }

    @Override
    public long nextLong(long bound) {
      return 0;
    }
  }
}
