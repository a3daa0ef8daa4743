package dev.specbot.text;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Checks that work on text grows no faster than the text: it times the work on an input of length N
 * and on one of length 4N and fails when the second takes clearly more than four times as long.
 *
 * <p>Linear work takes about 4 times as long on 4N, quadratic work 16 times, cubic work 64 times; a
 * ratio above {@link #MAX_RATIO} is a blow-up, with room for noise below it. Absolute times are not
 * asserted (this machine is shared and its speed varies), except a generous bound on the longest
 * input that only a blow-up reaches.
 *
 * <p>Noise is kept out four ways: the time is the CPU time of the test's own thread, which leaves
 * out the time other processes on a shared machine take (and the GC's and JIT's threads); the work
 * runs once before it is timed (class loading, JIT); short work is repeated until a sample is long
 * enough to time; and a ratio or a time over its bound is measured again, up to five times, judged
 * on the fastest sample of each length and on each pair of samples taken back to back, before the
 * test fails: a busy spell slows some samples, while a real blow-up shows every time.
 */
public final class LinearTime {
  /** Linear is 4; quadratic is 16. */
  static final double MAX_RATIO = 8;

  /**
   * The longest input taking over this is a blow-up whatever the ratio: 40,000 characters take
   * milliseconds.
   */
  public static final Duration LIMIT = Duration.ofSeconds(2);

  /** A single run over this is not waited out: it is a blow-up, however the ratio comes out. */
  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  /**
   * Times below this are noise: work that finishes faster on 4N than {@code MAX_RATIO} times this
   * cannot stall anyone.
   */
  private static final long FLOOR_NANOS = Duration.ofMillis(1).toNanos() / 4;

  /**
   * For long inputs the floor is higher: allocating a megabyte takes time of its own, more than
   * four times a quarter of one (a big array is allocated another way), which is no blow-up of
   * ours.
   */
  private static final long FLOOR_NANOS_PER_CHARACTER = 4;

  /** Short work is repeated until one sample takes about this long, so it can be timed. */
  private static final long SAMPLE_NANOS = Duration.ofMillis(3).toNanos();

  /** Samples this long are not made longer on a new attempt: they are long enough to time. */
  private static final long LONG_SAMPLE_NANOS = Duration.ofMillis(50).toNanos();

  private static final int MAX_REPEATS = 2_500;
  private static final int ATTEMPTS = 5;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LinearTime() {}

  /**
   * Fails unless {@code work} on {@code input.apply(maxLength)} takes at most about four times as
   * long as on {@code input.apply(maxLength / 4)}, and at most {@link #LIMIT}.
   *
   * @param input makes the input of a given length (in characters, or bytes for files)
   */
  public static <T> void assertLinear(IntFunction<T> input, Consumer<T> work, int maxLength) {
    long large = assertRatio(input, work, maxLength, LIMIT);
    if (large > LIMIT.toNanos()) {
      fail(overLimit(large, maxLength, LIMIT));
    }
  }

  /**
   * As {@link #assertLinear(IntFunction, Consumer, int)}, with the ratio taken at {@code length}
   * and the bound {@code limit} checked at {@code maxLength}. For work that makes much garbage on
   * inputs of a megabyte: a shorter input shows a blow-up as plainly, while the time of a run that
   * makes hundreds of megabytes of garbage varies from run to run (with the heap the collector has
   * grown so far, the pages the system hands it) more than a ratio can allow for.
   */
  public static <T> void assertLinear(
      IntFunction<T> input, Consumer<T> work, int length, int maxLength, Duration limit) {
    assertRatio(input, work, length, Duration.ZERO);
    T longest = input.apply(maxLength);
    long fastest = Long.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS && fastest > limit.toNanos(); attempt++) {
      fastest = Math.min(fastest, run(work, longest, 1));
    }
    if (fastest > limit.toNanos()) {
      fail(overLimit(fastest, maxLength, limit));
    }
  }

  /**
   * Fails unless the fastest of a few runs of {@code work} on {@code input} takes at most {@code
   * limit}: for work on input of bounded length, where there is no growth to measure.
   */
  public static <T> void assertWithin(T input, Consumer<T> work, Duration limit) {
    run(work, input, 1);
    long fastest = Long.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS && fastest > limit.toNanos(); attempt++) {
      fastest = Math.min(fastest, run(work, input, 1));
    }
    if (fastest > limit.toNanos()) {
      fail("takes " + millis(fastest) + " of CPU time, over " + millis(limit.toNanos()));
    }
  }

  /**
   * Fails when the work grows faster than linear up to {@code length}; returns the fastest time on
   * {@code length}. Measures again while that time is over {@code limit} (zero: no limit).
   *
   * <p>Each attempt times the longer input, then the shorter, back to back; the ratio is judged
   * both on that pair (taken under the same load) and on the fastest time of each length so far.
   * Each attempt after a failing one repeats short work twice as often, to even out a busy spell.
   */
  private static <T> long assertRatio(
      IntFunction<T> input, Consumer<T> work, int length, Duration limit) {
    T small = input.apply(length / 4);
    T large = input.apply(length);
    long once = Math.max(1, run(work, small, 1));
    long smallRepeats = Math.max(1, Math.min(MAX_REPEATS, SAMPLE_NANOS / once));
    long largeRepeats = Math.max(1, Math.min(MAX_REPEATS, SAMPLE_NANOS / 4 / once));
    // The floor grows with the input: copying a megabyte is not free either.
    long floor = Math.max(FLOOR_NANOS, length / 4 * FLOOR_NANOS_PER_CHARACTER);
    long smallNanos = Long.MAX_VALUE;
    long largeNanos = Long.MAX_VALUE;
    double ratio = Double.MAX_VALUE;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      long largeNow = run(work, large, largeRepeats) / largeRepeats;
      long smallNow = run(work, small, smallRepeats) / smallRepeats;
      largeNanos = Math.min(largeNanos, largeNow);
      smallNanos = Math.min(smallNanos, smallNow);
      ratio =
          Math.min(
              ratio,
              Math.min(
                  (double) largeNow / Math.max(smallNow, floor),
                  (double) largeNanos / Math.max(smallNanos, floor)));
      if (ratio <= MAX_RATIO && (limit.isZero() || largeNanos <= limit.toNanos())) {
        return largeNanos;
      }
      if (largeNow * largeRepeats < LONG_SAMPLE_NANOS) {
        smallRepeats = Math.min(MAX_REPEATS, 2 * smallRepeats);
        largeRepeats = Math.min(MAX_REPEATS, 2 * largeRepeats);
      }
    }
    if (ratio > MAX_RATIO) {
      fail(
          String.format(
              Locale.ROOT,
              "grows faster than its input: %s on %d, %s on %d, at best %.1f times as long on 4"
                  + " times the input (linear is 4)",
              millis(smallNanos),
              length / 4,
              millis(largeNanos),
              length,
              ratio));
    }
    return largeNanos;
  }

  /**
   * CPU nanoseconds for {@code repeats} runs; fails at once when a single run takes over {@link
   * #GIVE_UP}, rather than wait for a blow-up to finish.
   */
  private static <T> long run(Consumer<T> work, T input, long repeats) {
    long start = THREADS.getCurrentThreadCpuTime();
    long before = start;
    for (long i = 0; i < repeats; i++) {
      work.accept(input);
      long after = THREADS.getCurrentThreadCpuTime();
      if (after - before > GIVE_UP.toNanos()) {
        fail("one run took " + millis(after - before) + " of CPU time: a blow-up, not waited out");
      }
      before = after;
    }
    return before - start;
  }

  private static String overLimit(long nanos, int length, Duration limit) {
    return "takes "
        + millis(nanos)
        + " of CPU time on "
        + length
        + ", over the "
        + millis(limit.toNanos())
        + " that only a blow-up reaches";
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
  }
}
