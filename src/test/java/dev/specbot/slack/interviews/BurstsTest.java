package dev.specbot.slack.interviews;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.slack.outbox.Unrecorded;
import dev.specbot.storage.Outbox.Standing;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a reply waits for the question before it while that question is being sent. */
class BurstsTest {
  private static final String QUESTION = "outbox-message-of-question-2";

  private final Unrecorded unrecorded = new Unrecorded();
  private final Bursts bursts = new Bursts(Duration.ofSeconds(3), null, unrecorded);
  private final AtomicInteger attempts = new AtomicInteger();

  @Test
  void a_question_this_instance_sent_is_taken_from_slacks_answer_before_it_is_recorded() {
    Bursts.Check check =
        bursts.waitingForQuestion(
            given -> {
              if (attempts.incrementAndGet() == 1) {
                // Slack answers the sender while the reply waits; the outbox records it later.
                unrecorded.add(QUESTION, "1700000000.000200");
              }
              return attemptWith(given);
            },
            messageId -> {
              throw new AssertionError("Slack was asked about " + messageId);
            });

    assertEquals(2, attempts.get(), "tried again once, with Slack's answer");
    assertEquals(
        Bursts.Check.found(
            QUESTION, new Standing(Standing.State.SENT, Optional.of("1700000000.000200"))),
        check);
  }

  @Test
  void a_question_another_instance_sends_is_read_again_until_it_is_recorded() {
    Bursts.Check check =
        bursts.waitingForQuestion(
            given -> attempts.incrementAndGet() < 3 ? attemptWith(given) : given,
            messageId -> {
              throw new AssertionError("Slack was asked about " + messageId);
            });

    assertEquals(3, attempts.get());
    assertEquals(Bursts.Check.WAIT, check, "read from the outbox's record on the third try");
  }

  /** As a reply's transaction does: waiting for the question means trying again later. */
  private static Bursts.Check attemptWith(Bursts.Check given) {
    if (given.equals(Bursts.Check.WAIT)) {
      throw new Bursts.QuestionBeingSent(QUESTION);
    }
    return given;
  }
}
