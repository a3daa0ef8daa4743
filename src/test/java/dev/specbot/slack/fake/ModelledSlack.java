package dev.specbot.slack.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;

/** One workspace living under a {@link SlackModel}: the calls it admitted lately, and its dice. */
final class ModelledSlack {
  private static final long SECOND = Duration.ofSeconds(1).toNanos();

  private final SlackModel model;
  // java.util.Random, not SplittableRandom: the fake's handler threads draw from it concurrently.
  private final Random random;

  /** When the calls admitted lately arrived, oldest first, by window key; guarded by this. */
  private final Map<String, Deque<Long>> windows = new HashMap<>();

  /** The wall clock's time when this started, in µs since the epoch, and the model's clock then. */
  private final long startMicros;

  private final long startNanos;

  ModelledSlack(SlackModel model) {
    this.model = model;
    this.random = new Random(model.seed());
    Instant started = Clock.systemUTC().instant();
    this.startMicros = started.getEpochSecond() * 1_000_000 + started.getNano() / 1_000;
    this.startNanos = now();
  }

  /**
   * The ts, in µs since the epoch, of a message posted by a call that arrived at {@code arrival}
   * (the model's clock): its time if the model stamps time, else 0 (the fake makes one up).
   */
  long stampMicros(long arrival) {
    return model.timeStamps() ? startMicros + (arrival - startNanos) / 1_000 : 0;
  }

  /** Now, on the model's clock (nanoseconds, as {@link System#nanoTime()}). */
  long now() {
    return model.nanoTime().getAsLong();
  }

  /** How long the next call takes. */
  Duration latency() {
    return model.latency().sample(random);
  }

  /**
   * Admits a call of {@code method} to {@code channel} ("" if none) that arrived at {@code now},
   * counting it against its limits; or, when a limit is spent, counts nothing and gives the
   * Retry-After in whole seconds (at least 1) after which every limit it hit has room again.
   */
  synchronized OptionalInt admit(String method, String channel, long now) {
    List<Window> applicable = new ArrayList<>(2);
    model.limitOf(method).ifPresent(limit -> applicable.add(window(method, limit)));
    if (!channel.isEmpty()) {
      model
          .channelLimitOf(method)
          .ifPresent(limit -> applicable.add(window(method + " in " + channel, limit)));
    }
    long wait = 0;
    for (Window window : applicable) {
      wait = Math.max(wait, window.waitAt(now));
    }
    if (wait > 0) {
      return OptionalInt.of((int) Math.max(1, (wait + SECOND - 1) / SECOND));
    }
    applicable.forEach(window -> window.calls().addLast(now));
    return OptionalInt.empty();
  }

  /** Forgets every admitted call, as after a minute of quiet. */
  synchronized void reset() {
    windows.clear();
  }

  private Window window(String key, SlackModel.Limit limit) {
    Deque<Long> calls = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
    return new Window(limit.count(), limit.window().toNanos(), calls);
  }

  private record Window(int count, long length, Deque<Long> calls) {

    /** Nanoseconds until a call fits in this window; 0 if one fits now. */
    long waitAt(long now) {
      while (!calls.isEmpty() && now - calls.peekFirst() >= length) {
        calls.removeFirst();
      }
      return calls.size() < count ? 0 : calls.peekFirst() + length - now;
    }
  }
}
