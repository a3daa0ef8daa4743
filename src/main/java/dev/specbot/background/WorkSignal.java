package dev.specbot.background;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a background worker sleeps: until it is woken (new work was stored) or its wait runs out,
 * whichever comes first. A wake that arrives while the worker is busy is kept for its next wait.
 */
public final class WorkSignal {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private boolean woken;

  public void wake() {
    lock.lock();
    try {
      woken = true;
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits at most {@code wait}, less if woken; clears the wake. */
  public void await(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    lock.lock();
    try {
      long left = deadline - System.nanoTime();
      while (!woken && left > 0) {
        left = work.awaitNanos(left);
      }
      woken = false;
    } finally {
      lock.unlock();
    }
  }
}
