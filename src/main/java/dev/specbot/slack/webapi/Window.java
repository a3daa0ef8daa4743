package dev.specbot.slack.webapi;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One rate limit's sliding window: the calls made in it and the calls promised (reserved by the
 * outbox, to be made in a moment). Times are {@link System#nanoTime} readings.
 */
final class Window {
  /**
   * Slack counts a call when it arrives, this window when it leaves: a later call may arrive sooner
   * than an earlier one (Slack's own time varies by a hundred milliseconds or more), so a call
   * counts for this much longer than the limit's window.
   */
  static final long MARGIN_NANOS = 300_000_000L;

  /** A reservation never used (its message was found posted already) lapses after this. */
  static final long RESERVATION_NANOS = 30_000_000_000L;

  private final SlackLimits.Limit limit;
  private final long windowNanos;
  private final ArrayDeque<Long> calls = new ArrayDeque<>();
  private final ArrayDeque<Long> reservations = new ArrayDeque<>();

  Window(SlackLimits.Limit limit) {
    this.limit = limit;
    this.windowNanos = limit.window().toNanos() + MARGIN_NANOS;
  }

  /**
   * How long until {@code urgency} may spend one more call here: 0 if now. A promised call counts
   * from when it was promised: it is made a moment later, and counts a moment longer in Slack.
   */
  long waitFor(Urgency urgency, long now) {
    prune(now);
    int allowed = urgency.allowance(limit.count());
    int over = calls.size() + reservations.size() - allowed;
    if (over < 0) {
      return 0;
    }
    return Math.max(1, nthOldest(over) + windowNanos - now);
  }

  /** The {@code n}th oldest (from 0) of the calls and promises, both kept in time order. */
  private long nthOldest(int n) {
    Iterator<Long> made = calls.iterator();
    Iterator<Long> promised = reservations.iterator();
    Long nextMade = made.hasNext() ? made.next() : null;
    Long nextPromised = promised.hasNext() ? promised.next() : null;
    for (int i = 0; ; i++) {
      boolean takeMade = nextPromised == null || (nextMade != null && nextMade - nextPromised <= 0);
      long oldest = takeMade ? nextMade : nextPromised;
      if (i == n) {
        return oldest;
      }
      if (takeMade) {
        nextMade = made.hasNext() ? made.next() : null;
      } else {
        nextPromised = promised.hasNext() ? promised.next() : null;
      }
    }
  }

  void reserve(long now) {
    reservations.addLast(now);
  }

  /** A call made now: it uses a reservation if one was made for it. */
  void spend(long now, boolean reserved) {
    if (reserved) {
      reservations.pollFirst();
    }
    calls.addLast(now);
  }

  void release() {
    reservations.pollFirst();
  }

  boolean hasReservation() {
    return !reservations.isEmpty();
  }

  /** Whether nothing in it counts any more, so that it can be forgotten. */
  boolean isIdle(long now) {
    prune(now);
    return calls.isEmpty() && reservations.isEmpty();
  }

  private void prune(long now) {
    while (!calls.isEmpty() && now - calls.peekFirst() >= windowNanos) {
      calls.pollFirst();
    }
    while (!reservations.isEmpty() && now - reservations.peekFirst() >= RESERVATION_NANOS) {
      reservations.pollFirst();
    }
  }
}
