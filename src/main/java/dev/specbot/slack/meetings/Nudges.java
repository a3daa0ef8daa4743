package dev.specbot.slack.meetings;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingText;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Person;
import dev.specbot.meeting.Reminder;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Tx;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The reminders and nudges around the meeting: set, moved, snoozed and stopped as the interview and
 * its meeting change, in the caller's transaction, for the {@link ReminderWorker} to fire.
 */
final class Nudges {
  private final NudgePolicy policy;

  Nudges(NudgePolicy policy) {
    this.policy = policy;
  }

  /** How many nudges of one kind a spec gets at most; a nudge says which of them it is. */
  int max() {
    return policy.maxNudges();
  }

  /**
   * The interview moved on, from {@code before} to {@code after}: its idle nudge starts again, or
   * stops if it no longer asks.
   */
  void interviewMoved(Tx tx, Interview before, Interview after, ZoneId zone, Instant now) {
    // A co-author's nudge is set only while a question waits on them, and stopped by the move that
    // takes their question back: an interview with no co-authors before or after has none to move
    // (and, as nearly every interview, no look at its reminders in each answer's write).
    if (!before.assignments().isEmpty() || !after.assignments().isEmpty()) {
      coAuthorsMoved(tx, after, now);
    }
    if (after.status() != Status.ASKING || !policy.mayNudge(1)) {
      tx.reminders().cancel(after.id(), now, Reminder.Kind.IDLE_NUDGE);
      return;
    }
    tx.reminders()
        .reschedule(
            new Reminder(
                UUID.randomUUID().toString(),
                Reminder.Kind.IDLE_NUDGE,
                after.id(),
                Optional.empty(),
                1,
                policy.idleNudgeAt(now, zone)),
            now);
  }

  /**
   * Each co-author a question waits on has a nudge pending, in their own working hours; the nudges
   * of those it no longer waits on (answered, taken back, finished, paused) stop. A co-author still
   * waited on keeps the nudge they had.
   */
  private void coAuthorsMoved(Tx tx, Interview interview, Instant now) {
    Set<String> waitedOn = new TreeSet<>();
    if (interview.status().isOpen() && interview.status() != Status.PAUSED) {
      interview
          .assignments()
          .keySet()
          .forEach(q -> interview.waitingOn(q).ifPresent(a -> waitedOn.add(a.id())));
    }
    Map<String, Reminder> pending = new HashMap<>();
    tx.reminders().pending(interview.id()).stream()
        .filter(r -> r.kind() == Reminder.Kind.COAUTHOR_NUDGE && r.recipientId().isPresent())
        .forEach(r -> pending.put(r.recipientId().get(), r));
    if (pending.keySet().equals(waitedOn)) {
      return; // Nothing to change: no cancelled row per answer.
    }
    tx.reminders().cancel(interview.id(), now, Reminder.Kind.COAUTHOR_NUDGE);
    for (String coAuthor : waitedOn) {
      Reminder kept = pending.get(coAuthor);
      if (kept != null) {
        coAuthorNudge(tx, interview.id(), coAuthor, kept.number(), kept.dueAt(), now);
      } else if (policy.mayNudge(1)) {
        ZoneId zone = Directory.stored(tx, coAuthor).zone();
        coAuthorNudge(tx, interview.id(), coAuthor, 1, policy.coAuthorNudgeAt(now, zone), now);
      }
    }
  }

  /**
   * A co-author's nudge came due: said in the thread, mentioning them, if they are still waited on.
   */
  void coAuthorNudge(Tx tx, Reminder reminder, Interview interview, Instant now) {
    Optional<String> coAuthor = reminder.recipientId();
    boolean waited =
        coAuthor.isPresent()
            && interview.status().isOpen()
            && interview.status() != Status.PAUSED
            && interview.assignments().keySet().stream()
                .anyMatch(
                    q ->
                        interview
                            .waitingOn(q)
                            .filter(a -> a.id().equals(coAuthor.get()))
                            .isPresent());
    if (!waited) {
      return;
    }
    Message nudge =
        coAuthorNudge(coAuthor.get(), interview.drafterId(), reminder.number(), policy.maxNudges());
    Delivery.inThread(interview.id(), nudge).asNotice().enqueue(tx, now);
    int next = reminder.number() + 1;
    if (policy.mayNudge(next)) {
      ZoneId zone = Directory.stored(tx, coAuthor.get()).zone();
      coAuthorNudge(
          tx, interview.id(), coAuthor.get(), next, policy.coAuthorNudgeAt(now, zone), now);
    }
  }

  /** A co-author reminded, in the thread, of the questions handed to them. */
  private static Message coAuthorNudge(String coAuthorId, String drafterId, int number, int max) {
    return Message.say(
        "<@"
            + coAuthorId
            + ">, <@"
            + drafterId
            + ">'s spec is waiting for your answer to the question handed to you above"
            + (number >= max ? " (last reminder)." : ".")
            + " Reply here in the thread to answer it.");
  }

  private static void coAuthorNudge(
      Tx tx, String interviewId, String coAuthor, int number, Instant due, Instant now) {
    tx.reminders()
        .schedule(
            new Reminder(
                UUID.randomUUID().toString(),
                Reminder.Kind.COAUTHOR_NUDGE,
                interviewId,
                Optional.of(coAuthor),
                number,
                due),
            now);
  }

  /** There is no meeting: the first nudge to schedule one, if the policy nudges at all. */
  void nudgeToSchedule(Tx tx, Interview interview, ZoneId zone, Instant now) {
    scheduleNudge(
        tx, interview, Reminder.Kind.MEETING_NUDGE, 1, policy.meetingNudgeAt(now, zone), now);
  }

  /** "No meeting needed": the meeting nudges stop. */
  void decline(Tx tx, Interview interview, Instant now) {
    tx.interviews().declineMeeting(interview.id(), now);
    tx.reminders().cancel(interview.id(), now, Reminder.Kind.MEETING_NUDGE);
    say(
        tx,
        now,
        interview.id(),
        Message.say(
            "OK, no discussion meeting for this spec; I won't ask again. Write a time here if you"
                + " change your mind."));
  }

  /** Snooze: the next meeting nudge a working day from now, counting as the same nudge. */
  void snooze(Tx tx, Interview interview, Instant now) {
    List<Reminder> pending =
        tx.reminders().pending(interview.id()).stream()
            .filter(r -> r.kind() == Reminder.Kind.MEETING_NUDGE)
            .toList();
    int number = pending.stream().mapToInt(Reminder::number).min().orElse(policy.maxNudges());
    tx.reminders().cancel(interview.id(), now, Reminder.Kind.MEETING_NUDGE);
    ZoneId zone = zoneOf(tx, interview);
    Instant until = policy.snoozedUntil(now, zone);
    Reminder snoozed =
        new Reminder(
            UUID.randomUUID().toString(),
            Reminder.Kind.MEETING_NUDGE,
            interview.id(),
            Optional.empty(),
            Math.max(1, number),
            until);
    tx.reminders().schedule(snoozed, now);
    say(
        tx,
        now,
        interview.id(),
        Message.say(
            "Snoozed: I'll ask again "
                + MeetingMessages.slackTime(until, MeetingText.startOf(until.atZone(zone)))
                + "."));
  }

  /** The next nudge of a kind after one went out, if the limit allows another. */
  void next(Tx tx, Interview interview, Reminder fired, Instant now) {
    ZoneId zone = zoneOf(tx, interview);
    Instant due =
        fired.kind() == Reminder.Kind.IDLE_NUDGE
            ? policy.idleNudgeAt(now, zone)
            : policy.meetingNudgeAt(now, zone);
    scheduleNudge(tx, interview, fired.kind(), fired.number() + 1, due, now);
  }

  /**
   * The meeting was set or moved: its reminders are set again for the time it now has, and the
   * nudges to schedule one stop.
   */
  void meetingSet(Tx tx, Meeting meeting, Person drafter, Map<String, Person> people, Instant now) {
    tx.reminders()
        .cancel(
            meeting.interviewId(),
            now,
            Reminder.Kind.READ_REMINDER,
            Reminder.Kind.MEETING_START,
            Reminder.Kind.MEETING_NUDGE);
    schedule(
        tx,
        meeting,
        Reminder.Kind.READ_REMINDER,
        Optional.empty(),
        policy.readReminderAt(meeting.start(), now, drafter.zone()),
        now);
    for (String attendee : meeting.attendeeIds()) {
      ZoneId zone = MeetingDesk.person(people, attendee).zone();
      schedule(
          tx,
          meeting,
          Reminder.Kind.READ_REMINDER,
          Optional.of(attendee),
          policy.readReminderAt(meeting.start(), now, zone),
          now);
    }
    schedule(tx, meeting, Reminder.Kind.MEETING_START, Optional.empty(), meeting.start(), now);
  }

  /** The meeting was called off: its reminders go. */
  void meetingCancelled(Tx tx, Interview interview, Instant now) {
    tx.reminders()
        .cancel(interview.id(), now, Reminder.Kind.READ_REMINDER, Reminder.Kind.MEETING_START);
  }

  private static void schedule(
      Tx tx,
      Meeting meeting,
      Reminder.Kind kind,
      Optional<String> recipient,
      Instant due,
      Instant now) {
    tx.reminders()
        .schedule(
            new Reminder(
                UUID.randomUUID().toString(), kind, meeting.interviewId(), recipient, 1, due),
            now);
  }

  private void scheduleNudge(
      Tx tx, Interview interview, Reminder.Kind kind, int number, Instant due, Instant now) {
    if (policy.mayNudge(number)) {
      tx.reminders()
          .schedule(
              new Reminder(
                  UUID.randomUUID().toString(),
                  kind,
                  interview.id(),
                  Optional.empty(),
                  number,
                  due),
              now);
    }
  }

  private static void say(Tx tx, Instant now, String interviewId, Message message) {
    Delivery.inThread(interviewId, message).enqueue(tx, now);
  }

  private static ZoneId zoneOf(Tx tx, Interview interview) {
    return Directory.stored(tx, interview.drafterId()).zone();
  }
}
