package dev.specbot.background;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the bot's background work, named for the logs; daemons, so that none keeps the JVM
 * alive once the bot is closed.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** A thread called {@code name}. */
  public static Thread of(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Waits until {@code thread} has ended, however often the caller is interrupted meanwhile: for a
   * close that must not return while its thread still works. The interrupt is kept for the caller.
   */
  public static void joinUninterruptibly(Thread thread) {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Threads all called {@code name}, for an executor of one thread. */
  public static ThreadFactory named(String name) {
    return task -> of(name, task);
  }

  /** Threads called {@code name-1}, {@code name-2}..., for a pool. */
  public static ThreadFactory numbered(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> of(name + "-" + count.incrementAndGet(), task);
  }
}
