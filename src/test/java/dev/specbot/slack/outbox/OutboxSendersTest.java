package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxSendersTest {
  /**
   * A sender gives its place back as its call ends, before its thread is ready for more: the
   * dispatcher may then hand over a message while every thread of a full pool is still busy. Here
   * all of them are held busy; the message handed over must still be sent, not refused.
   */
  @Test
  void a_message_handed_over_while_every_sender_thread_is_still_busy_is_sent() throws Exception {
    ExecutorService senders = OutboxWorker.senders();
    CountDownLatch finishing = new CountDownLatch(1);
    try {
      for (int i = 0; i < OutboxWorker.MOST_IN_FLIGHT; i++) {
        senders.execute(
            () -> {
              try {
                finishing.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
      }
      CompletableFuture<String> handedOver = new CompletableFuture<>();
      senders.execute(() -> handedOver.complete("sent"));

      assertEquals("sent", handedOver.get(10, TimeUnit.SECONDS));
    } finally {
      finishing.countDown();
      senders.shutdown();
    }
  }
}
