package dev.specbot.slack.webapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * What is left of each of Slack's rate limits for this bot, so that it paces its calls instead of
 * finding the limits by being refused. The outbox reserves a call before it takes a message for
 * sending, most urgent first, and leaves the message waiting when its method has nothing left;
 * every other call is counted (and, over a limit, held back) as it goes out, by {@link PacedCalls}.
 * A 429 that still comes stops that method (for chat.postMessage, that channel) for the time Slack
 * asks, and nothing else.
 *
 * <p>Time is the monotonic clock, not the bot's {@code Clock}: the windows are Slack's, in real
 * seconds, whatever day a test pretends it is. The budgets live in memory: a restarted bot starts
 * with them full, and at worst meets one 429 per method, which it honours.
 */
public final class Budgets {
  private static final int FORGET_ABOVE = 1_000;

  private final SlackLimits limits;
  private final LongSupplier nanoTime;
  private final PostStamps stamps;
  private final Map<String, Window> windows = new HashMap<>();
  private final Map<String, Long> refusedUntil = new HashMap<>();

  public Budgets(SlackLimits limits) {
    this(limits, System::nanoTime);
  }

  Budgets(SlackLimits limits, LongSupplier nanoTime) {
    this(limits, nanoTime, Budgets::epochMicros);
  }

  /** {@code epochMicros} is this machine's clock, only to tell whether a post's ts is a time. */
  Budgets(SlackLimits limits, LongSupplier nanoTime, LongSupplier epochMicros) {
    this.limits = limits;
    this.nanoTime = nanoTime;
    this.stamps = new PostStamps(epochMicros);
  }

  private static long epochMicros() {
    Instant now = Clock.systemUTC().instant();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }

  /**
   * Reserves one call of {@code method} (in {@code channel}, where the method is limited by
   * channel) for {@code urgency}. Returns zero when reserved, or how long until it could be.
   */
  public synchronized Duration reserve(String method, String channel, Urgency urgency) {
    long now = nanoTime.getAsLong();
    long wait = waitFor(method, channel, urgency, now);
    if (wait == 0) {
      windowsOf(method, channel).forEach(window -> window.reserve(now));
    }
    return Duration.ofNanos(wait);
  }

  /** A reserved call that will not be made after all. */
  public synchronized void release(String method, String channel) {
    windowsOf(method, channel).forEach(Window::release);
  }

  /**
   * Counts a call going out now, against its reservation if it has one; without one, only when
   * {@code urgency} may spend it. Once Slack has answered it, {@link #answered} must be told.
   */
  synchronized Spent spend(String method, String channel, Urgency urgency) {
    long now = nanoTime.getAsLong();
    List<Window> windows = windowsOf(method, channel);
    boolean reserved = !windows.isEmpty() && windows.stream().allMatch(Window::hasReservation);
    if (!reserved) {
      long wait = waitFor(method, channel, urgency, now);
      if (wait > 0) {
        return new Spent(wait, List.of());
      }
    }
    List<Window.Call> calls = count(windows, now, reserved);
    forgetIdle(now);
    return new Spent(0, calls);
  }

  /** Counts a call that goes out over its limit: it waited as long as it could. */
  synchronized List<Window.Call> spendAnyway(String method, String channel) {
    return count(windowsOf(method, channel), nanoTime.getAsLong(), false);
  }

  private static List<Window.Call> count(List<Window> windows, long now, boolean reserved) {
    List<Window.Call> calls = new ArrayList<>(windows.size());
    windows.forEach(window -> calls.add(window.spend(now, reserved)));
    return calls;
  }

  /** Slack answered the {@code calls} spent, or they failed: each counts one window from now. */
  synchronized void answered(List<Window.Call> calls) {
    long now = nanoTime.getAsLong();
    calls.forEach(call -> Window.answered(call, now));
  }

  /**
   * Slack answered the post {@code calls} counted, and gave the message {@code ts}: Slack's time
   * when it took the post, which may let them leave their windows sooner (see {@link PostStamps}).
   */
  synchronized void posted(List<Window.Call> calls, String ts) {
    answered(calls);
    if (calls.isEmpty()) {
      return;
    }
    long lateness = stamps.lateness(calls.get(0).sent(), ts);
    if (lateness >= 0) {
      calls.forEach(call -> Window.stamped(call, lateness));
    }
  }

  /**
   * What spending came to: the calls counted, to be {@link #answered}; or, when {@code waitNanos}
   * is above zero, nothing counted and how long until it could be.
   */
  record Spent(long waitNanos, List<Window.Call> calls) {}

  /**
   * Slack refused a call with 429: {@code method} waits as long as Slack asks. chat.postMessage is
   * refused by channel as well as across the workspace, and only its channel waits: were it the
   * workspace's limit, the next channel's post would be refused too, and wait in turn.
   */
  synchronized void refused(String method, String channel, Duration retryAfter) {
    long until = nanoTime.getAsLong() + retryAfter.toNanos();
    refusedUntil.merge(refusalKey(method, channel), until, Math::max);
  }

  private long waitFor(String method, String channel, Urgency urgency, long now) {
    long wait = 0;
    Long refused = refusedUntil.get(refusalKey(method, channel));
    if (refused != null) {
      if (refused - now > 0) {
        wait = refused - now;
      } else {
        refusedUntil.remove(refusalKey(method, channel));
      }
    }
    for (Window window : windowsOf(method, channel)) {
      wait = Math.max(wait, window.waitFor(urgency, now));
    }
    return wait;
  }

  private String refusalKey(String method, String channel) {
    return limits.channel(method).isPresent() && channel != null ? method + "@" + channel : method;
  }

  private List<Window> windowsOf(String method, String channel) {
    List<Window> found = new ArrayList<>(2);
    limits.workspace(method).ifPresent(limit -> found.add(window(method, limit)));
    Optional<SlackLimits.Limit> perChannel = limits.channel(method);
    if (perChannel.isPresent() && channel != null) {
      found.add(window(method + "@" + channel, perChannel.get()));
    }
    return found;
  }

  private Window window(String key, SlackLimits.Limit limit) {
    return windows.computeIfAbsent(key, unused -> new Window(limit));
  }

  /** How many windows are kept, for tests: idle ones are forgotten. */
  synchronized int windowCount() {
    return windows.size();
  }

  /** A window per channel ever posted in would grow without end: idle ones are forgotten. */
  private void forgetIdle(long now) {
    if (windows.size() > FORGET_ABOVE) {
      windows.values().removeIf(window -> window.isIdle(now));
    }
  }
}
