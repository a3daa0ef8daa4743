package dev.specbot.bench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmark as a test run only by {@code mvn -Pbenchmark verify}: it writes docs/benchmarks.md
 * and fails only if a message was lost, duplicated or refused; the timings are reported, never
 * asserted.
 */
@Tag("benchmark")
class BenchmarkTest {
  @Test
  void the_benchmark_runs_and_writes_its_report() throws Exception {
    Benchmark.main(new String[0]);
  }
}
