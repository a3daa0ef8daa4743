package dev.specbot.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark against a Slack at its own speed, run only by {@code mvn -Pbenchmark verify
 * -Dsurefire.groups=slack-speed}: it writes docs/benchmarks-slack-speed.md and fails only if a
 * message was lost or duplicated; the timings are reported, never asserted.
 */
@Tag("slack-speed")
class SlackSpeedBenchmarkTest {
  @Test
  void the_benchmark_at_slacks_speed_runs_and_writes_its_report() throws Exception {
    SlackSpeedBenchmark.main(new String[0]);
  }
}
