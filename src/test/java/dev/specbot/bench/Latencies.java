package dev.specbot.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Measured durations, with their percentiles in milliseconds. */
final class Latencies {
  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  void add(long durationNanos) {
    nanos.add(durationNanos);
  }

  void addAll(Latencies other) {
    nanos.addAll(other.sorted());
  }

  int count() {
    return nanos.size();
  }

  /** The {@code percent}th percentile (nearest rank), in milliseconds. */
  double percentile(double percent) {
    List<Long> sorted = sorted();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(percent / 100 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }

  double max() {
    List<Long> sorted = sorted();
    return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6;
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, "%.1f ms", millis);
  }

  private List<Long> sorted() {
    List<Long> copy;
    synchronized (nanos) {
      copy = new ArrayList<>(nanos);
    }
    Collections.sort(copy);
    return copy;
  }
}
