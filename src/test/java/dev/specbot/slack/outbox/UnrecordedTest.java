package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.specbot.slack.outbox.SendAttempts.Sent;
import dev.specbot.storage.Outbox.Standing;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class UnrecordedTest {
  private static final Duration LONG = Duration.ofSeconds(30);

  private final Unrecorded unrecorded = new Unrecorded();

  @Test
  void a_waiting_reply_has_slacks_answer_as_soon_as_a_sender_reports_it() throws Exception {
    CountDownLatch waiting = new CountDownLatch(1);
    CompletableFuture<Optional<Standing>> found =
        CompletableFuture.supplyAsync(
            () -> {
              waiting.countDown();
              try {
                return unrecorded.awaitSent("m2", LONG);
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    waiting.await();

    unrecorded.add("m1", "1700000000.000100"); // Another message: it keeps waiting.
    unrecorded.add("m2", "1700000000.000200");

    // Far sooner than its 30 s: it was woken, not timed out.
    Optional<Standing> standing =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> found.get());
    assertEquals(
        Optional.of(new Standing(Standing.State.SENT, Optional.of("1700000000.000200"))), standing);
  }

  @Test
  void what_is_recorded_is_read_from_the_outbox_from_then_on() throws Exception {
    unrecorded.add("m1", "1700000000.000100");
    List<Sent> taken = unrecorded.take();

    assertEquals(List.of(new Sent("m1", "1700000000.000100")), taken);
    assertEquals(List.of(), unrecorded.take(), "taken once");
    assertEquals(
        Optional.of("1700000000.000100"),
        unrecorded.awaitSent("m1", Duration.ZERO).flatMap(Standing::ts),
        "known until recorded");

    unrecorded.recorded(taken);
    assertEquals(Optional.empty(), unrecorded.awaitSent("m1", Duration.ofMillis(1)));
  }

  @Test
  void a_round_that_failed_records_them_with_the_next() {
    unrecorded.add("m1", "1700000000.000100");
    List<Sent> taken = unrecorded.take();

    unrecorded.putBack(taken);

    assertEquals(taken, unrecorded.take());
  }

  @Test
  void a_result_that_is_no_ts_is_sent_without_one() throws Exception {
    unrecorded.add("m1", null);

    assertEquals(
        Optional.of(new Standing(Standing.State.SENT, Optional.empty())),
        unrecorded.awaitSent("m1", Duration.ZERO));
  }
}
