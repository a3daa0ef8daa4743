package dev.specbot.storage.sqlite;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's one writer, taken in turn: first come, first served, except that a waiting urgent taker
 * (the outbox dispatcher, the heartbeat) goes before the waiting requests, though never twice in a
 * row while a request waits. Requests under load form a queue tens deep, and the dispatcher's short
 * transaction, which records the questions Slack took and claims the next ones, is what the people
 * in that queue are waiting for: behind them it would add the whole queue to every next question.
 * Yet the dispatcher under load wants the writer again at once: with no turn for requests between
 * its own it would starve them (the load benchmark's acks went from tens of milliseconds to
 * seconds).
 */
public final class WriterTurn {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition free = lock.newCondition();
  private boolean taken;
  private boolean lastWasUrgent;
  private int urgentWaiting;
  private int requestsWaiting;

  /** Waits for the writer; an {@code urgent} taker goes before the requests waiting. */
  public void take(boolean urgent) {
    lock.lock();
    try {
      if (urgent) {
        urgentWaiting++;
      } else {
        requestsWaiting++;
      }
      try {
        while (taken || mustLetOtherGo(urgent)) {
          free.awaitUninterruptibly();
        }
      } finally {
        if (urgent) {
          urgentWaiting--;
        } else {
          requestsWaiting--;
        }
      }
      taken = true;
      lastWasUrgent = urgent;
    } finally {
      lock.unlock();
    }
  }

  /** An urgent taker goes first, unless it had the last turn and a request waits. */
  private boolean mustLetOtherGo(boolean urgent) {
    return urgent ? lastWasUrgent && requestsWaiting > 0 : urgentWaiting > 0 && !lastWasUrgent;
  }

  public void give() {
    lock.lock();
    try {
      taken = false;
      // Every waiter looks again, in the order they waited: an urgent one, if any, takes it.
      free.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
