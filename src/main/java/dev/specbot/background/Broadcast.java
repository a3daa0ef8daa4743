package dev.specbot.background;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * News that any number of threads may be waiting for, such as "sent messages were recorded". Unlike
 * {@link WorkSignal}, whose one worker clears the wake, every waiter sees each announcement: a
 * waiter notes {@link #generation()} before it looks, and waits for a later one, so an announcement
 * made between its look and its wait is not missed.
 */
public final class Broadcast {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition announced = lock.newCondition();
  private long generation;

  /** How many announcements so far. */
  public long generation() {
    lock.lock();
    try {
      return generation;
    } finally {
      lock.unlock();
    }
  }

  public void announce() {
    lock.lock();
    try {
      generation++;
      announced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits at most {@code wait} for an announcement after generation {@code seen}. */
  public void awaitAfter(long seen, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
    lock.lock();
    try {
      long left = deadline - System.nanoTime();
      while (generation == seen && left > 0) {
        left = announced.awaitNanos(left);
      }
    } finally {
      lock.unlock();
    }
  }
}
