package dev.specbot.slack.webapi;

import java.util.function.LongSupplier;

/**
 * When Slack took each post, read from the {@code ts} it gave the message: Slack's own clock at
 * that moment, to the microsecond. Without it, a post counts in its rate windows until Slack's
 * answer, as it might have arrived any time before that; with it, a post counts only as long after
 * it left as its way to Slack took more than the quickest way seen.
 *
 * <p>Slack's clock and this one differ by a constant that is never known, but it cancels out: for
 * each post, {@code ts - sent} is that constant plus the post's time on its way. The smallest of
 * these over the posts seen is the constant plus the quickest way, and a later post cannot arrive
 * sooner after it leaves than that. So a post leaves Slack's window, as the next post would find
 * it, {@code (ts - sent) - smallest} after it was sent, and one window. The smallest is taken over
 * two spans of a minute, so that the clocks' drift is forgotten, and trusted only once it has seen
 * {@link #TRUSTED_AFTER} posts, as the first ones over a new connection are slow.
 */
final class PostStamps {
  /** How many posts the quickest way is taken over before it is trusted. */
  static final int TRUSTED_AFTER = 16;

  /** Taken on top, for a post a little quicker still than every one seen. */
  static final long GUARD_NANOS = 5_000_000L;

  /** A ts further than this from this machine's clock is no clock's: it is not used. */
  static final long PLAUSIBLE_MICROS = 60_000_000L;

  private static final long SPAN_NANOS = 60_000_000_000L;

  private final LongSupplier epochMicros;
  private long spanStart;
  private long quickest = Long.MAX_VALUE;
  private long quickestBefore = Long.MAX_VALUE;
  private int seen;
  private int seenBefore;

  /** {@code epochMicros} is this machine's clock, only to tell a ts that is a time. */
  PostStamps(LongSupplier epochMicros) {
    this.epochMicros = epochMicros;
  }

  /**
   * How long after {@code sent} (a {@link System#nanoTime} reading) the post Slack stamped {@code
   * ts} may count as arrived, for the next post: -1 when the ts says nothing (not a time, or too
   * few posts seen yet).
   */
  long lateness(long sent, String ts) {
    long micros = micros(ts);
    if (micros < 0 || Math.abs(micros - epochMicros.getAsLong()) > PLAUSIBLE_MICROS) {
      return -1;
    }
    long ahead = micros * 1_000 - sent;
    see(sent, ahead);
    if (seen + seenBefore < TRUSTED_AFTER) {
      return -1;
    }
    return ahead - Math.min(quickest, quickestBefore) + GUARD_NANOS;
  }

  private void see(long sent, long ahead) {
    if (seen == 0) {
      spanStart = sent; // The first post ever: a new span sets seen to 0 and counts at once.
    } else if (sent - spanStart >= SPAN_NANOS) {
      boolean idle = sent - spanStart >= 2 * SPAN_NANOS;
      quickestBefore = idle ? Long.MAX_VALUE : quickest;
      seenBefore = idle ? 0 : seen;
      quickest = Long.MAX_VALUE;
      seen = 0;
      spanStart = sent;
    }
    quickest = Math.min(quickest, ahead);
    seen++;
  }

  /**
   * The ts's microseconds since the epoch ({@code "1764936000.123456"}), or -1 if it is not in that
   * form.
   */
  static long micros(String ts) {
    if (ts == null) {
      return -1;
    }
    int dot = ts.indexOf('.');
    if (dot < 1 || dot > 12 || ts.length() - dot != 7) {
      return -1;
    }
    long micros = 0;
    for (int i = 0; i < ts.length(); i++) {
      char c = ts.charAt(i);
      if (i == dot) {
        continue;
      }
      if (c < '0' || c > '9') {
        return -1;
      }
      micros = micros * 10 + (c - '0');
    }
    return micros;
  }
}
