package dev.specbot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ProgressLagTest {
  private static final String CHANNEL = "C0SPEED00";
  private static final String PARENT = "1700000000.000100";

  private final ProgressLag progress = new ProgressLag();

  @Test
  void one_edit_showing_several_answers_ends_the_lag_of_each() {
    ack(1, 3, 1_000);
    ack(2, 3, 2_000);
    edit("In progress: question 3 of 3 · 2 of 3 answered", 2_300);

    ProgressLag.Lags lags = progress.lags();

    assertEquals(2, lags.countChanges().count());
    assertEquals(300.0, lags.countChanges().percentile(50));
    assertEquals(1_300.0, lags.countChanges().max());
    assertEquals(0, lags.countChangesNeverShown());
  }

  @Test
  void edits_count_in_the_order_they_reached_slack_and_a_stale_one_took_the_line_backwards() {
    ack(1, 3, 1_000);
    ack(2, 3, 2_000);
    ack(3, 3, 5_000);
    // Seen in this order, arrived in the reverse: the stale "question 2" came after "question 3".
    edit("Finished · 3 of 3 answered", 5_100);
    edit("In progress: question 2 of 3 · 1 of 3 answered", 2_500);
    edit("In progress: question 3 of 3 · 2 of 3 answered", 2_300);

    ProgressLag.Lags lags = progress.lags();

    assertEquals(1, lags.stageChanges().count());
    assertEquals(100.0, lags.stageChanges().max());
    assertEquals(300.0, lags.countChanges().percentile(50));
    assertEquals(1_300.0, lags.countChanges().percentile(99));
    assertEquals(1, lags.editsBackwards());
  }

  @Test
  void an_answer_no_edit_showed_is_never_shown_and_not_a_lag() {
    edit("In progress: question 2 of 3 · 1 of 3 answered", 1_200); // before its ack was seen
    ack(1, 3, 1_000);
    ack(2, 3, 3_000);
    String other = "1700000000.000200";
    progress.acknowledged(CHANNEL, other, 1, 2, nanos(0));
    progress.acknowledged(CHANNEL, other, 2, 2, nanos(1_000));
    progress.updated(
        CHANNEL, other, line("In progress: question 2 of 2 · 1 of 2 answered"), nanos(400));

    ProgressLag.Lags lags = progress.lags();

    assertEquals(200.0, lags.countChanges().percentile(50));
    assertEquals(1, lags.countChangesNeverShown());
    assertEquals(0, lags.stageChanges().count());
    assertEquals(1, lags.stageChangesNeverShown());
    assertEquals(2, lags.neverShown());
  }

  @Test
  void edits_of_a_message_with_the_same_ts_in_another_channel_show_nothing_here() {
    ack(1, 2, 1_000);
    ack(2, 2, 2_000);
    progress.updated("C0SPEED01", PARENT, line("Finished · 2 of 2 answered"), nanos(2_100));
    edit("Cancelled · 1 of 2 answered", 2_200);

    ProgressLag.Lags lags = progress.lags();

    assertEquals(1, lags.countChangesNeverShown());
    assertEquals(1, lags.stageChangesNeverShown());
  }

  @Test
  void a_line_shows_the_answers_before_the_question_it_asks_or_every_answer_once_finished() {
    assertEquals(OptionalInt.of(2), answersShown("In progress: question 3 of 7 · 2 of 7 answered"));
    assertEquals(OptionalInt.of(4), answersShown("Paused at question 5 of 7 · 4 of 7 answered"));
    assertTrue(answersShown("Finished · 7 of 7 answered").getAsInt() >= 7);
    assertTrue(answersShown("Finished · 7 of 7 answered · Meeting today").getAsInt() >= 7);
    assertEquals(OptionalInt.empty(), answersShown("Cancelled · 3 of 7 answered"));
    assertEquals(
        OptionalInt.of(0),
        ProgressLag.answersShown(
            "The question of time - Echo: In progress: question 1 of 7 · 0 of 7 answered"));
  }

  private void ack(int number, int total, long millis) {
    progress.acknowledged(CHANNEL, PARENT, number, total, nanos(millis));
  }

  private void edit(String status, long millis) {
    progress.updated(CHANNEL, PARENT, line(status), nanos(millis));
  }

  private static OptionalInt answersShown(String status) {
    return ProgressLag.answersShown(line(status));
  }

  /** The fallback text of a parent message with this status line, as ParentMessage writes it. */
  private static String line(String status) {
    return "Speed spec U0PERSON0001 - Echo tech spec: " + status;
  }

  private static long nanos(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
