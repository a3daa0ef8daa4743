package dev.specbot.slack.webapi;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One rate limit's sliding window: the calls made in it and the calls promised (reserved by the
 * outbox, to be made in a moment). Times are {@link System#nanoTime} readings, compared only by
 * their differences.
 *
 * <p>Slack counts a call when it arrives, this window when it leaves, and a later call may arrive
 * sooner than an earlier one. So a call counts from when it leaves until one window after it
 * arrived at the latest: after its answer (it arrived before Slack answered it), or after {@link
 * #MARGIN_NANOS}, whichever comes first. A slow answer is Slack taking its time over the call, not
 * the call taking longer to get there. A post whose ts tells when Slack took it counts until one
 * window after that instead, when that is sooner (see {@link PostStamps}).
 */
final class Window {
  /** The longest a call is taken to spend on its way to Slack, when its answer is slower. */
  static final long MARGIN_NANOS = 300_000_000L;

  /** A reservation never used (its message was found posted already) lapses after this. */
  static final long RESERVATION_NANOS = 30_000_000_000L;

  /** A call counted here: it leaves at {@code leaves}, earlier once answered early. */
  static final class Call {
    private final long sent;
    private final long windowNanos;
    private long leaves;

    private Call(long sent, long windowNanos) {
      this.sent = sent;
      this.windowNanos = windowNanos;
      this.leaves = sent + MARGIN_NANOS + windowNanos;
    }

    /** When it was sent. */
    long sent() {
      return sent;
    }
  }

  private final SlackLimits.Limit limit;
  private final long windowNanos;
  private final ArrayDeque<Call> calls = new ArrayDeque<>();
  private final ArrayDeque<Long> reservations = new ArrayDeque<>();

  Window(SlackLimits.Limit limit) {
    this.limit = limit;
    this.windowNanos = limit.window().toNanos();
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
    return Math.max(1, nthOldestLeaves(over) - now);
  }

  /**
   * When the {@code n}th oldest (from 0) of the calls and promises leaves, both kept in the order
   * they were made: about the {@code n}th to leave (answers come within the margin of each other).
   */
  private long nthOldestLeaves(int n) {
    Iterator<Call> made = calls.iterator();
    Iterator<Long> promised = reservations.iterator();
    Call nextMade = made.hasNext() ? made.next() : null;
    Long nextPromised = promised.hasNext() ? promised.next() : null;
    for (int i = 0; ; i++) {
      boolean takeMade =
          nextPromised == null || (nextMade != null && nextMade.sent - nextPromised <= 0);
      if (i == n) {
        return takeMade ? nextMade.leaves : nextPromised + MARGIN_NANOS + windowNanos;
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
  Call spend(long now, boolean reserved) {
    if (reserved) {
      reservations.pollFirst();
    }
    Call call = new Call(now, windowNanos);
    calls.addLast(call);
    return call;
  }

  /** Slack answered {@code call}, or it failed, at {@code now}: it had arrived by then. */
  static void answered(Call call, long now) {
    if (now + call.windowNanos - call.leaves < 0) {
      call.leaves = now + call.windowNanos;
    }
  }

  /**
   * Slack stamped {@code call} as taken at most {@code lateness} after it was sent, as the next
   * call would find it (see {@link PostStamps}): it leaves one window after that, if that is
   * sooner.
   */
  static void stamped(Call call, long lateness) {
    long leaves = call.sent + lateness + call.windowNanos;
    if (leaves - call.leaves < 0) {
      call.leaves = leaves;
    }
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

  /**
   * Forgets the calls that have left, oldest first: one not answered yet keeps those made after it
   * counted until it leaves, at most the margin longer than they need.
   */
  private void prune(long now) {
    while (!calls.isEmpty() && now - calls.peekFirst().leaves >= 0) {
      calls.pollFirst();
    }
    while (!reservations.isEmpty() && now - reservations.peekFirst() >= RESERVATION_NANOS) {
      reservations.pollFirst();
    }
  }
}
