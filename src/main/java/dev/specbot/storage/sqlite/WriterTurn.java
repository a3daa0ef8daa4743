package dev.specbot.storage.sqlite;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * SQLite's one writer, taken in turn: first come, first served, except that a waiting urgent taker
 * (the outbox dispatcher, the heartbeat) goes before every waiting request. Requests under load
 * form a queue tens deep, and the dispatcher's short transaction, which records the questions Slack
 * took and claims the next ones, is what the people in that queue are waiting for: behind them it
 * would add the whole queue to every next question.
 */
public final class WriterTurn {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Condition free = lock.newCondition();
  private boolean taken;
  private int urgentWaiting;

  /** Waits for the writer; an {@code urgent} taker goes before the requests waiting. */
  public void take(boolean urgent) {
    lock.lock();
    try {
      if (urgent) {
        urgentWaiting++;
      }
      try {
        while (taken || (!urgent && urgentWaiting > 0)) {
          free.awaitUninterruptibly();
        }
      } finally {
        if (urgent) {
          urgentWaiting--;
        }
      }
      taken = true;
    } finally {
      lock.unlock();
    }
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
