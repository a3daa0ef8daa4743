package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.GENERAL;
import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.interview.Status;
import dev.specbot.meeting.Reminder;
import dev.specbot.review.Review;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TalliesTest {
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void an_empty_database_tallies_nothing() {
    assertEquals(List.of(), database.transaction(tx -> tx.tallies().pendingOutbox()));
    assertEquals(Map.of(), database.transaction(tx -> tx.tallies().interviewsByStatus()));
    assertEquals(Map.of(), database.transaction(tx -> tx.tallies().reviewsByStage()));
    assertEquals(0L, remindersDue(at(1000)));
  }

  @Test
  void pending_outbox_messages_are_counted_by_kind_with_the_oldest_one_queued() {
    inTransaction(
        database,
        tx -> {
          tx.outbox().enqueue("lane-a", "POST_IN_THREAD", "{}", at(5));
          tx.outbox().enqueue("lane-a", "POST_IN_THREAD", "{}", at(2));
          tx.outbox().enqueue("lane-b", "POST_IN_THREAD", "{}", at(9));
          tx.outbox().enqueue("lane-b", "POST_DM", "{}", at(7));
          String sent = tx.outbox().enqueue("lane-c", "POST_DM", "{}", at(1));
          tx.outbox().markSent(sent, at(3), "ts");
          String failed = tx.outbox().enqueue("lane-d", "UPLOAD_DOCUMENT", "{}", at(1));
          tx.outbox().markFailed(failed, at(3), "channel_not_found");
        });

    assertEquals(
        List.of(
            new Tallies.Pending("POST_DM", 1, at(7)),
            new Tallies.Pending("POST_IN_THREAD", 3, at(2))),
        database.transaction(tx -> tx.tallies().pendingOutbox()));
  }

  @Test
  void interviews_are_counted_by_status_and_reviews_by_stage() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("i1", Status.ASKING), GENERAL);
          tx.interviews().insert(interview("i2", Status.ASKING), GENERAL);
          tx.interviews().insert(interview("i3", Status.FINISHED), GENERAL);
          tx.interviews().insert(interview("i4", Status.FINISHED), GENERAL);
          tx.interviews().insert(interview("i5", Status.CANCELLED), GENERAL);
          tx.reviews().save(review("i3", Stage.DRAFT), T0);
          tx.reviews().save(review("i4", Stage.APPROVED), T0);
        });

    assertEquals(
        Map.of("ASKING", 2L, "FINISHED", 2L, "CANCELLED", 1L),
        database.transaction(tx -> tx.tallies().interviewsByStatus()));
    assertEquals(
        Map.of("DRAFT", 1L, "APPROVED", 1L),
        database.transaction(tx -> tx.tallies().reviewsByStage()));
  }

  @Test
  void only_pending_reminders_already_due_are_counted() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("i1", Status.ASKING), GENERAL);
          tx.reminders().schedule(reminder("due", at(10)), T0);
          tx.reminders().schedule(reminder("due-now", at(20)), T0);
          tx.reminders().schedule(reminder("later", at(21)), T0);
          tx.reminders().schedule(reminder("fired", at(5)), T0);
          tx.reminders().fire("fired", at(6));
        });

    assertEquals(2L, remindersDue(at(20)));
    assertEquals(0L, remindersDue(at(9)));
  }

  @Test
  void replies_waiting_are_those_recorded_and_not_taken_in() {
    assertEquals(0L, repliesWaiting());
    inTransaction(
        database,
        tx -> {
          tx.inbox().record("message:C1:1.0", "{}", T0, at(30));
          tx.inbox().record("message:C1:2.0", "{}", T0, at(30));
          tx.inbox().remove("message:C1:1.0");
        });

    assertEquals(1L, repliesWaiting());
  }

  private long repliesWaiting() {
    return database.transaction(tx -> tx.tallies().repliesWaiting());
  }

  private long remindersDue(java.time.Instant now) {
    return database.transaction(tx -> tx.tallies().remindersDue(now));
  }

  private static dev.specbot.interview.Interview interview(String id, Status status) {
    return Fixtures.interview(id, status, 0, Map.of(), Set.of(), T0);
  }

  private static Review review(String interviewId, Stage stage) {
    Review none = Review.none(interviewId, "U-ALICE", Rule.all());
    return new Review(
        interviewId,
        none.drafterId(),
        stage,
        none.reviewers(),
        none.concerns(),
        none.remarks(),
        none.rule(),
        none.history());
  }

  private static Reminder reminder(String id, java.time.Instant dueAt) {
    return new Reminder(id, Reminder.Kind.IDLE_NUDGE, "i1", Optional.empty(), 1, dueAt);
  }
}
