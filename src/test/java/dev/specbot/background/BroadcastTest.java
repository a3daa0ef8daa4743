package dev.specbot.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BroadcastTest {
  private static final Duration LONG = Duration.ofMinutes(5);
  private final Broadcast broadcast = new Broadcast();

  @Test
  void an_announcement_made_after_the_look_and_before_the_wait_is_not_missed() {
    long seen = broadcast.generation();
    broadcast.announce();

    // Would wait five minutes had the announcement been missed.
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> broadcast.awaitAfter(seen, LONG));
    assertEquals(seen + 1, broadcast.generation());
  }

  @Test
  void every_waiter_wakes_on_one_announcement() throws Exception {
    int waiters = 3;
    long seen = broadcast.generation();
    CountDownLatch waiting = new CountDownLatch(waiters);
    CountDownLatch woken = new CountDownLatch(waiters);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      Thread thread =
          new Thread(
              () -> {
                waiting.countDown();
                try {
                  broadcast.awaitAfter(seen, LONG);
                  woken.countDown();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.start();
      threads.add(thread);
    }
    waiting.await();

    broadcast.announce();

    assertTrue(woken.await(10, TimeUnit.SECONDS), "every waiter woke");
    for (Thread thread : threads) {
      thread.join();
    }
  }

  @Test
  void with_no_announcement_the_wait_runs_out() throws InterruptedException {
    long seen = broadcast.generation();
    long started = System.nanoTime();

    broadcast.awaitAfter(seen, Duration.ofMillis(20));

    assertTrue(System.nanoTime() - started >= Duration.ofMillis(20).toNanos());
    assertEquals(seen, broadcast.generation());
  }
}
