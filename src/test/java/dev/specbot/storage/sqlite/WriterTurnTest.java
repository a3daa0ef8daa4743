package dev.specbot.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WriterTurnTest {
  private final WriterTurn turn = new WriterTurn();
  private final List<String> order = new CopyOnWriteArrayList<>();

  @Test
  void an_urgent_taker_goes_before_requests_that_waited_longer_and_requests_keep_their_order()
      throws Exception {
    turn.take(false);
    Thread first = taker("request 1", false);
    awaitWaiting(first);
    Thread second = taker("request 2", false);
    awaitWaiting(second);
    Thread urgent = taker("dispatcher", true);
    awaitWaiting(urgent);

    turn.give();
    for (Thread thread : List.of(first, second, urgent)) {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    }

    assertEquals(List.of("dispatcher", "request 1", "request 2"), order);
  }

  private Thread taker(String name, boolean urgent) {
    Thread thread =
        new Thread(
            () -> {
              turn.take(urgent);
              order.add(name);
              turn.give();
            },
            name);
    thread.start();
    return thread;
  }

  /** Until the thread waits for the turn (it cannot have it: the test holds it). */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (thread.getState() != Thread.State.WAITING && System.nanoTime() < giveUp) {
      Thread.onSpinWait();
    }
    assertEquals(Thread.State.WAITING, thread.getState(), thread.getName() + " waits");
  }
}
