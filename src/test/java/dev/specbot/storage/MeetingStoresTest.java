package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.Person;
import dev.specbot.meeting.Reminder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeetingStoresTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
    inTransaction(
        database,
        tx ->
            tx.interviews()
                .insert(
                    Fixtures.interview("i1", "U-ALICE", T0),
                    new SlackPlace("T1", "C1", Optional.of("1.1"), Optional.empty())));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_rescheduled_meeting_replaces_the_first_and_keeps_its_id() {
    Meeting first =
        new Meeting(
            "m1",
            "i1",
            at(3600),
            Duration.ofMinutes(30),
            BERLIN,
            List.of("U-BOB", "U-CAROL"),
            0,
            Meeting.Status.SCHEDULED);
    inTransaction(database, tx -> tx.meetings().save(first, at(1)));
    assertEquals(Optional.of(first), database.transaction(tx -> tx.meetings().forInterview("i1")));

    Meeting moved = first.movedTo(at(7200), Duration.ofMinutes(45), List.of("U-BOB"));
    inTransaction(database, tx -> tx.meetings().save(moved, at(2)));
    assertEquals(Optional.of(moved), database.transaction(tx -> tx.meetings().scheduledFor("i1")));
    assertEquals(1, moved.sequence());

    inTransaction(database, tx -> tx.meetings().save(moved.cancelled(), at(3)));
    assertEquals(Optional.empty(), database.transaction(tx -> tx.meetings().scheduledFor("i1")));
    assertEquals(
        Meeting.Status.CANCELLED,
        database.transaction(tx -> tx.meetings().forInterview("i1")).orElseThrow().status());
  }

  @Test
  void a_meeting_without_attendees_round_trips() {
    Meeting alone =
        new Meeting(
            "m1",
            "i1",
            at(60),
            Duration.ofMinutes(30),
            BERLIN,
            List.of(),
            0,
            Meeting.Status.SCHEDULED);
    inTransaction(database, tx -> tx.meetings().save(alone, at(1)));
    assertEquals(
        List.of(),
        database.transaction(tx -> tx.meetings().forInterview("i1")).orElseThrow().attendeeIds());
  }

  @Test
  void a_reminder_is_due_at_its_time_and_fires_once() {
    Reminder reminder = reminder("r1", Reminder.Kind.IDLE_NUDGE, at(100));
    inTransaction(database, tx -> tx.reminders().schedule(reminder, T0));

    assertEquals(List.of(), database.transaction(tx -> tx.reminders().due(at(99), 10)));
    assertEquals(List.of(reminder), database.transaction(tx -> tx.reminders().due(at(100), 10)));
    assertEquals(Optional.of(at(100)), database.transaction(tx -> tx.reminders().nextDueAt()));
    assertTrue(fire("r1"));
    assertFalse(fire("r1"));
    assertEquals(List.of(), database.transaction(tx -> tx.reminders().due(at(200), 10)));
    assertEquals(Optional.empty(), database.transaction(tx -> tx.reminders().nextDueAt()));
  }

  @Test
  void rescheduling_moves_the_pending_reminder_of_its_kind_instead_of_adding_one() {
    inTransaction(
        database,
        tx -> {
          tx.reminders()
              .schedule(
                  new Reminder("r1", Reminder.Kind.IDLE_NUDGE, "i1", Optional.empty(), 2, at(100)),
                  T0);
          tx.reminders().schedule(reminder("r2", Reminder.Kind.MEETING_NUDGE, at(50)), T0);
        });

    inTransaction(
        database,
        tx -> tx.reminders().reschedule(reminder("r3", Reminder.Kind.IDLE_NUDGE, at(300)), at(1)));

    assertEquals(
        List.of(
            reminder("r2", Reminder.Kind.MEETING_NUDGE, at(50)),
            reminder("r1", Reminder.Kind.IDLE_NUDGE, at(300))),
        database.transaction(tx -> tx.reminders().pending("i1")));
  }

  @Test
  void rescheduling_with_none_of_its_kind_pending_schedules_it() {
    inTransaction(
        database,
        tx -> tx.reminders().schedule(reminder("r1", Reminder.Kind.IDLE_NUDGE, at(100)), T0));
    assertTrue(fire("r1"));

    inTransaction(
        database,
        tx ->
            tx.reminders().reschedule(reminder("r2", Reminder.Kind.IDLE_NUDGE, at(900)), at(600)));

    assertEquals(
        List.of(reminder("r2", Reminder.Kind.IDLE_NUDGE, at(900))),
        database.transaction(tx -> tx.reminders().pending("i1")));
  }

  @Test
  void a_reminder_moved_later_after_it_was_read_as_due_does_not_fire_until_its_new_time() {
    inTransaction(
        database,
        tx -> tx.reminders().schedule(reminder("r1", Reminder.Kind.IDLE_NUDGE, at(100)), T0));
    List<Reminder> readAsDue = database.transaction(tx -> tx.reminders().due(at(100), 10));

    inTransaction(
        database,
        tx ->
            tx.reminders().reschedule(reminder("r2", Reminder.Kind.IDLE_NUDGE, at(800)), at(100)));

    assertEquals(List.of("r1"), readAsDue.stream().map(Reminder::id).toList());
    assertFalse(fire("r1"), "fired at 500, moved to 800");
    boolean firedAtItsNewTime = database.transaction(tx -> tx.reminders().fire("r1", at(800)));
    assertTrue(firedAtItsNewTime);
  }

  @Test
  void a_drafters_reminder_only_is_rescheduled() {
    Reminder toSomeoneElse =
        new Reminder("r1", Reminder.Kind.READ_REMINDER, "i1", Optional.of("U0READER"), 1, at(10));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            database.transaction(
                tx -> {
                  tx.reminders().reschedule(toSomeoneElse, T0);
                  return null;
                }));
  }

  @Test
  void cancelling_by_kind_leaves_the_other_kinds_pending() {
    inTransaction(
        database,
        tx -> {
          tx.reminders().schedule(reminder("r1", Reminder.Kind.READ_REMINDER, at(10)), T0);
          tx.reminders().schedule(reminder("r2", Reminder.Kind.MEETING_START, at(20)), T0);
          tx.reminders().schedule(reminder("r3", Reminder.Kind.IDLE_NUDGE, at(30)), T0);
        });
    int cancelled =
        database.transaction(
            tx ->
                tx.reminders()
                    .cancel("i1", at(1), Reminder.Kind.READ_REMINDER, Reminder.Kind.MEETING_START));
    assertEquals(2, cancelled);
    assertEquals(
        List.of("r3"),
        database.transaction(tx -> tx.reminders().pending("i1")).stream()
            .map(Reminder::id)
            .toList());
    assertFalse(fire("r1"));
  }

  @Test
  void two_bots_firing_the_same_reminder_at_once_fire_it_once() throws Exception {
    inTransaction(
        database,
        tx -> tx.reminders().schedule(reminder("r1", Reminder.Kind.IDLE_NUDGE, at(1)), T0));
    try (Database other = Fixtures.open(folder.resolve("specbot.db"))) {
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Boolean>> firers = new ArrayList<>();
      for (Database bot : List.of(database, other, database, other)) {
        firers.add(
            () -> {
              go.await();
              return bot.transaction(tx -> tx.reminders().fire("r1", at(2)));
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(firers.size());
      try {
        List<Future<Boolean>> results = new ArrayList<>();
        firers.forEach(firer -> results.add(pool.submit(firer)));
        go.countDown();
        int fired = 0;
        for (Future<Boolean> result : results) {
          fired += result.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, fired);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void a_person_is_remembered_and_refreshed() {
    Person bob = new Person("U-BOB", "Bob", Optional.of("bob@example.com"), BERLIN);
    inTransaction(database, tx -> tx.people().save(bob, at(1)));
    assertEquals(bob, database.transaction(tx -> tx.people().find("U-BOB")).orElseThrow().person());
    Person moved = new Person("U-BOB", "Bob B.", Optional.empty(), ZoneId.of("Asia/Tokyo"));
    inTransaction(database, tx -> tx.people().save(moved, at(2)));
    People.Known known = database.transaction(tx -> tx.people().find("U-BOB")).orElseThrow();
    assertEquals(moved, known.person());
    assertEquals(at(2), known.fetchedAt());
  }

  @Test
  void a_reader_is_counted_once_in_the_order_they_read() {
    inTransaction(
        database,
        tx -> {
          assertTrue(tx.reads().markRead("i1", "U-BOB", at(5)));
          assertTrue(tx.reads().markRead("i1", "U-CAROL", at(6)));
          assertFalse(tx.reads().markRead("i1", "U-BOB", at(7)));
        });
    assertEquals(List.of("U-BOB", "U-CAROL"), database.transaction(tx -> tx.reads().readers("i1")));
  }

  @Test
  void declining_a_meeting_is_remembered() {
    assertFalse(declined());
    inTransaction(database, tx -> tx.interviews().declineMeeting("i1", at(1)));
    assertTrue(declined());
  }

  private boolean declined() {
    return database.transaction(tx -> tx.interviews().meetingDeclined("i1"));
  }

  private boolean fire(String id) {
    return database.transaction(tx -> tx.reminders().fire(id, at(500)));
  }

  private static Reminder reminder(String id, Reminder.Kind kind, Instant due) {
    return new Reminder(id, kind, "i1", Optional.empty(), 1, due);
  }
}
