package dev.specbot.slack;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Person;
import dev.specbot.slack.MeetingMessages.Proposal;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The meeting's buttons: Schedule (with the pickers' values), Confirm a written time, Reschedule,
 * Cancel, the nudge's Schedule now / Snooze / No meeting needed, and Read it / Who has read it.
 * Each press is one transaction, recorded so that a retried request does nothing twice.
 */
final class MeetingActions {
  /** How far ahead a meeting may be set: further is more likely a typo than a plan. */
  private static final Duration HORIZON = Duration.ofDays(366);

  /** A button press, with what the message's pickers held at the time. */
  record Press(
      String actionKey,
      String actionId,
      String value,
      String userId,
      String channelId,
      Pickers pickers) {}

  /** The pickers' values as Slack sent them; each may be missing. */
  record Pickers(
      Optional<String> date, Optional<String> time, Optional<String> minutes, List<String> users) {
    static final Pickers NONE =
        new Pickers(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  private final Database database;
  private final MeetingDesk desk;
  private final Directory directory;
  private final Clock clock;
  private final Runnable wake;

  MeetingActions(
      Database database, MeetingDesk desk, Directory directory, Clock clock, Runnable wake) {
    this.database = database;
    this.desk = desk;
    this.directory = directory;
    this.clock = clock;
    this.wake = wake;
  }

  void press(Press press) {
    Optional<Proposal> proposal = proposalOf(press);
    String interviewId = proposal.map(Proposal::interviewId).orElse(press.value());
    // Looked up before the transaction: users.info is a network call.
    Map<String, Person> people = lookUpPeople(press, proposal, interviewId);
    database.transaction(
        tx -> {
          Instant now = clock.instant();
          if (!tx.events().firstTime("action:" + press.actionKey(), now)) {
            return null;
          }
          Optional<StoredInterview> stored = tx.interviews().find(interviewId);
          if (stored.isPresent()) {
            handle(tx, press, stored.get(), proposal, people, now);
          }
          return null;
        });
    wake.run();
  }

  private void handle(
      Tx tx,
      Press press,
      StoredInterview stored,
      Optional<Proposal> proposal,
      Map<String, Person> people,
      Instant now) {
    Interview interview = stored.interview();
    switch (press.actionId()) {
      case MeetingMessages.READ -> read(tx, press, interview, now);
      case MeetingMessages.WHO_READ ->
          privately(
              tx,
              press,
              desk.readers(tx, interview.id(), tx.meetings().scheduledFor(interview.id())),
              now);
      default -> {
        if (mayChangeMeeting(tx, press, interview, now)) {
          drafterPressed(tx, press, stored, proposal, people, now);
        }
      }
    }
  }

  private void drafterPressed(
      Tx tx,
      Press press,
      StoredInterview stored,
      Optional<Proposal> proposal,
      Map<String, Person> people,
      Instant now) {
    Interview interview = stored.interview();
    switch (press.actionId()) {
      case MeetingMessages.SCHEDULE -> fromPickers(tx, press, stored, people, now);
      case MeetingMessages.CONFIRM ->
          proposal.ifPresent(
              p ->
                  scheduleChecked(
                      tx, press, stored, p.start(), p.duration(), p.attendees(), people, now));
      case MeetingMessages.RESCHEDULE, MeetingMessages.SCHEDULE_NOW ->
          desk.showPickers(tx, interview, now);
      case MeetingMessages.CANCEL -> desk.cancel(tx, stored, now);
      case MeetingMessages.SNOOZE -> desk.snooze(tx, interview, now);
      case MeetingMessages.NO_MEETING -> desk.decline(tx, interview, now);
      default -> {
        // A picker changed: its value arrives with the Schedule press.
      }
    }
  }

  private void fromPickers(
      Tx tx, Press press, StoredInterview stored, Map<String, Person> people, Instant now) {
    Pickers pickers = press.pickers();
    if (pickers.date().isEmpty() || pickers.time().isEmpty()) {
      privately(tx, press, "Pick a date and a time first, then press Schedule.", now);
      return;
    }
    ZoneId zone = people.get(stored.interview().drafterId()).zone();
    ZonedDateTime start;
    try {
      start =
          ZonedDateTime.of(
              LocalDate.parse(pickers.date().get()), LocalTime.parse(pickers.time().get()), zone);
    } catch (DateTimeException e) {
      privately(tx, press, "I could not read that date and time; pick them again.", now);
      return;
    }
    long minutes = pickers.minutes().map(MeetingActions::minutes).orElse(30L);
    scheduleChecked(
        tx,
        press,
        stored,
        start.toInstant(),
        Duration.ofMinutes(minutes),
        pickers.users(),
        people,
        now);
  }

  private void scheduleChecked(
      Tx tx,
      Press press,
      StoredInterview stored,
      Instant start,
      Duration length,
      List<String> attendees,
      Map<String, Person> people,
      Instant now) {
    if (!start.isAfter(now)) {
      privately(tx, press, "That time has already passed: pick a time in the future.", now);
    } else if (start.isAfter(now.plus(HORIZON))) {
      privately(
          tx, press, "That is more than a year ahead: pick a date within the next year.", now);
    } else {
      desk.schedule(tx, stored, start, length, attendees, people, now);
    }
  }

  private void read(Tx tx, Press press, Interview interview, Instant now) {
    boolean first = tx.reads().markRead(interview.id(), press.userId(), now);
    privately(
        tx,
        press,
        first
            ? "Thanks: noted that you have read *"
                + SlackText.escape(Messages.cut(interview.title(), 200))
                + "*."
            : "Already noted: you have read it.",
        now);
  }

  /** Only the drafter changes the meeting, and only of a spec that was posted. */
  private boolean mayChangeMeeting(Tx tx, Press press, Interview interview, Instant now) {
    if (!interview.drafterId().equals(press.userId())) {
      privately(
          tx,
          press,
          "This is <@"
              + interview.drafterId()
              + ">'s spec: only they can schedule or change its"
              + " meeting. You can press Read it once you have read it.",
          now);
      return false;
    }
    if (interview.status() != Status.FINISHED) {
      privately(
          tx,
          press,
          interview.status() == Status.CANCELLED
              ? "This interview was cancelled, so there is no meeting to schedule."
              : "The spec is not posted yet: finish the interview first.",
          now);
      return false;
    }
    return true;
  }

  private static void privately(Tx tx, Press press, String text, Instant now) {
    Interviewer.enqueue(tx, Delivery.ephemeral(press.channelId(), press.userId(), text), now);
  }

  private Optional<Proposal> proposalOf(Press press) {
    if (!MeetingMessages.CONFIRM.equals(press.actionId())) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Proposal.fromJson(press.value()))
          .filter(p -> p.interviewId() != null && p.attendees() != null);
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
  }

  private Map<String, Person> lookUpPeople(
      Press press, Optional<Proposal> proposal, String interviewId) {
    boolean schedules = MeetingMessages.SCHEDULE.equals(press.actionId()) || proposal.isPresent();
    Map<String, Person> people = new LinkedHashMap<>();
    if (!schedules) {
      return people;
    }
    List<String> ids = new ArrayList<>();
    database
        .transaction(tx -> tx.interviews().find(interviewId))
        .ifPresent(stored -> ids.add(stored.interview().drafterId()));
    ids.addAll(proposal.map(Proposal::attendees).orElse(press.pickers().users()));
    for (String id : ids) {
      people.putIfAbsent(id, directory.lookUp(id));
    }
    return people;
  }

  private static long minutes(String value) {
    try {
      long minutes = Long.parseLong(value);
      return minutes >= 5 && minutes <= 8 * 60 ? minutes : 30;
    } catch (NumberFormatException e) {
      return 30;
    }
  }
}
