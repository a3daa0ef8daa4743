package dev.specbot.slack.meetings;

import dev.specbot.background.DaemonThreads;
import dev.specbot.background.WorkSignal;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.Reminder;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.metrics.ReminderMetrics;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires reminders and nudges when they are due. Firing one is a transaction that marks it fired and
 * queues its messages in the outbox, so it happens once however many bots share the database, and a
 * bot killed mid-way simply fires it after its restart.
 */
public final class ReminderWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

  /** How often to look for due reminders when none is known to be due sooner. */
  private static final Duration IDLE_CHECK = Duration.ofMillis(500);

  private static final int BATCH = 50;

  private final Database database;
  private final Nudges nudges;
  private final DiscussionDesk discussion;
  private final Clock clock;
  private final Runnable wakeSender;
  private final WorkSignal signal = new WorkSignal();
  private final Thread thread;
  private final Stage otherStages;
  private final ReminderMetrics metrics;
  private volatile boolean running = true;

  /**
   * Fires the reminders of the stages after the meeting (a review's nudges), which live in rooms
   * that may use this one, not the other way round.
   */
  @FunctionalInterface
  public interface Stage {
    /** Says what {@code reminder} says, if it still applies, in the transaction that fired it. */
    void send(Tx tx, Reminder reminder, StoredInterview stored, Instant now);
  }

  public ReminderWorker(
      Database database,
      MeetingDesk desk,
      Clock clock,
      Runnable wakeSender,
      Stage otherStages,
      ReminderMetrics metrics) {
    this.otherStages = otherStages;
    this.metrics = metrics;
    this.database = database;
    this.nudges = desk.nudges();
    this.discussion = desk.discussion();
    this.clock = clock;
    this.wakeSender = wakeSender;
    this.thread = DaemonThreads.of("specbot-reminders", this::run);
  }

  public void start() {
    thread.start();
  }

  /** A reminder was set: look again now rather than at the next check. */
  public void wake() {
    signal.wake();
  }

  @Override
  public void close() {
    running = false;
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    while (running) {
      try {
        Instant now = clock.instant();
        // A read, beside SQLite's writer: the worker looks twice a second and when woken, and
        // firing is the conditional update that decides.
        Lookout lookout =
            database.read(
                tx -> new Lookout(tx.reminders().due(now, BATCH), tx.reminders().nextDueAt()));
        lookout.due().forEach(this::fire);
        if (!lookout.due().isEmpty()) {
          wakeSender.run();
        } else {
          awaitWork(lookout.untilNextDue(now));
        }
      } catch (RuntimeException e) {
        // A locked or full database must not stop the reminders: wait and look again.
        log.error("Reminder worker failed; trying again shortly", e);
        awaitWork(IDLE_CHECK);
      }
    }
  }

  /** The reminders due now, and when the next one is. */
  private record Lookout(List<Reminder> due, Optional<Instant> nextDueAt) {
    Duration untilNextDue(Instant now) {
      return nextDueAt
          .map(due -> Duration.between(now, due))
          .filter(untilDue -> untilDue.compareTo(IDLE_CHECK) < 0)
          .orElse(IDLE_CHECK);
    }
  }

  private void fire(Reminder reminder) {
    Optional<Instant> fired =
        database.transaction(
            tx -> {
              Instant now = clock.instant();
              if (!tx.reminders().fire(reminder.id(), now)) {
                return Optional.empty(); // Another bot fired it first.
              }
              tx.interviews()
                  .find(reminder.interviewId())
                  .ifPresent(stored -> send(tx, reminder, stored, now));
              return Optional.of(now);
            });
    // Counted once committed: a rolled-back firing is fired again later.
    fired.ifPresent(at -> metrics.fired(reminder.kind().name(), reminder.dueAt(), at));
  }

  /** What a reminder says, if it still applies: a nudge about a spec that moved on says nothing. */
  private void send(Tx tx, Reminder reminder, StoredInterview stored, Instant now) {
    switch (reminder.kind()) {
      case IDLE_NUDGE -> idleNudge(tx, reminder, stored.interview(), now);
      case MEETING_NUDGE -> meetingNudge(tx, reminder, stored.interview(), now);
      case READ_REMINDER -> readReminder(tx, reminder, stored, now);
      case MEETING_START -> meetingStart(tx, stored, now);
      case REVIEW_NUDGE -> otherStages.send(tx, reminder, stored, now);
      case COAUTHOR_NUDGE -> nudges.coAuthorNudge(tx, reminder, stored.interview(), now);
      case MEETING_END -> meetingEnd(tx, stored, now);
    }
  }

  private void idleNudge(Tx tx, Reminder reminder, Interview interview, Instant now) {
    if (interview.status() != Status.ASKING) {
      return;
    }
    int max = nudges.max();
    inThread(
        tx,
        interview.id(),
        MeetingMessages.idleNudge(interview.id(), interview.drafterId(), reminder.number(), max),
        now);
    nudges.next(tx, interview, reminder, now);
  }

  private void meetingNudge(Tx tx, Reminder reminder, Interview interview, Instant now) {
    if (interview.status() != Status.FINISHED
        || tx.meetings().scheduledFor(interview.id()).isPresent()
        || tx.interviews().meetingDeclined(interview.id())) {
      return;
    }
    int max = nudges.max();
    inThread(
        tx,
        interview.id(),
        MeetingMessages.meetingNudge(interview.id(), interview.drafterId(), reminder.number(), max),
        now);
    nudges.next(tx, interview, reminder, now);
  }

  private void readReminder(Tx tx, Reminder reminder, StoredInterview stored, Instant now) {
    Optional<Meeting> meeting = tx.meetings().scheduledFor(stored.interview().id());
    if (meeting.isEmpty() || !meeting.get().start().isAfter(now)) {
      return;
    }
    Message message =
        MeetingMessages.readReminder(
            meeting.get(), stored.interview().title(), stored.place().permalink());
    if (reminder.recipientId().isPresent()) {
      Delivery.direct(stored.interview().id(), reminder.recipientId().get(), message)
          .enqueue(tx, now);
    } else {
      inThread(tx, stored.interview().id(), message, now);
    }
  }

  private void meetingStart(Tx tx, StoredInterview stored, Instant now) {
    Optional<Meeting> meeting = tx.meetings().scheduledFor(stored.interview().id());
    if (meeting.isEmpty()) {
      return;
    }
    Message message =
        MeetingMessages.startReminder(
            meeting.get(), stored.interview().title(), stored.place().permalink());
    inThread(tx, stored.interview().id(), message, now);
    for (String attendee : meeting.get().attendeeIds()) {
      Delivery.direct(stored.interview().id(), attendee, message).enqueue(tx, now);
    }
    discussion.agenda(tx, stored, meeting.get(), now);
  }

  /** The meeting is over, if it still is on: the drafter is asked what was decided. */
  private void meetingEnd(Tx tx, StoredInterview stored, Instant now) {
    Optional<Meeting> meeting = tx.meetings().scheduledFor(stored.interview().id());
    if (meeting.isEmpty() || meeting.get().end().isAfter(now)) {
      return;
    }
    discussion.askForDecisions(tx, stored, now);
  }

  private static void inThread(Tx tx, String interviewId, Message message, Instant now) {
    Delivery.inThread(interviewId, message).asNotice().enqueue(tx, now);
  }

  private void awaitWork(Duration wait) {
    try {
      signal.await(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
