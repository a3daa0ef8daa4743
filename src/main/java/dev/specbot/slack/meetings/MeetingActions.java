package dev.specbot.slack.meetings;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Person;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.meetings.MeetingMessages.Proposal;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Database;
import dev.specbot.storage.Optimistic;
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
import java.util.function.Consumer;

/**
 * The meeting's buttons: Schedule (with the pickers' values), Confirm a written time, Reschedule,
 * Cancel, the nudge's Schedule now / Snooze / No meeting needed, and Read it / Who has read it.
 * Each press is read, computed with no transaction open and written in one transaction (see {@link
 * Optimistic}), recorded so that a retried request does nothing twice.
 */
public final class MeetingActions {
  /** How far ahead a meeting may be set: further is more likely a typo than a plan. */
  private static final Duration HORIZON = Duration.ofDays(366);

  /** A button press, with what the message's pickers held at the time. */
  public record Press(
      String actionKey,
      String actionId,
      String value,
      String userId,
      String channelId,
      Pickers pickers) {}

  /** The pickers' values as Slack sent them; each may be missing. */
  public record Pickers(
      Optional<String> date, Optional<String> time, Optional<String> minutes, List<String> users) {
    public static final Pickers NONE =
        new Pickers(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
  }

  private final Database database;
  private final MeetingDesk desk;
  private final Nudges nudges;
  private final Directory directory;
  private final Clock clock;
  private final Runnable wake;

  public MeetingActions(
      Database database, MeetingDesk desk, Directory directory, Clock clock, Runnable wake) {
    this.database = database;
    this.desk = desk;
    this.nudges = desk.nudges();
    this.directory = directory;
    this.clock = clock;
    this.wake = wake;
  }

  public void press(Press press) {
    Optional<Proposal> proposal = proposalOf(press);
    String interviewId = proposal.map(Proposal::interviewId).orElse(press.value());
    // Looked up before the transaction: users.info is a network call.
    Map<String, Person> people = lookUpPeople(press, proposal, interviewId);
    String key = "action:" + press.actionKey();
    Instant now = clock.instant();
    var unused =
        Optimistic.once(
            database,
            key,
            interviewId,
            now,
            desk::readPosted,
            posted -> handle(press, posted, proposal, people, now));
    wake.run();
  }

  /** What the press does, computed with no transaction open; the writes come back. */
  private Consumer<Tx> handle(
      Press press,
      MeetingDesk.Posted posted,
      Optional<Proposal> proposal,
      Map<String, Person> people,
      Instant now) {
    Interview interview = posted.interview();
    return switch (press.actionId()) {
      case ActionIds.READ -> tx -> read(tx, press, interview, now);
      case ActionIds.WHO_READ ->
          tx -> privately(tx, press, desk.readers(tx, interview.id(), posted.meeting()), now);
      default -> {
        Optional<String> refusal = refusalToChange(press, interview);
        yield refusal.isPresent()
            ? tx -> privately(tx, press, refusal.get(), now)
            : drafterPressed(press, posted, proposal, people, now);
      }
    };
  }

  private Consumer<Tx> drafterPressed(
      Press press,
      MeetingDesk.Posted posted,
      Optional<Proposal> proposal,
      Map<String, Person> people,
      Instant now) {
    Interview interview = posted.interview();
    return switch (press.actionId()) {
      case ActionIds.SCHEDULE -> fromPickers(press, posted, people, now);
      case ActionIds.CONFIRM ->
          proposal
              .map(
                  p ->
                      scheduleChecked(
                          press, posted, p.start(), p.duration(), p.attendees(), people, now))
              .orElse(tx -> {});
      case ActionIds.RESCHEDULE, ActionIds.SCHEDULE_NOW ->
          tx -> desk.showPickers(tx, interview, now);
      case ActionIds.CANCEL -> desk.cancel(posted, now);
      case ActionIds.SNOOZE -> tx -> nudges.snooze(tx, interview, now);
      case ActionIds.NO_MEETING -> tx -> nudges.decline(tx, interview, now);
      case ActionIds.DECISIONS_DONE -> desk.discussion().done(posted, now);
      // A picker changed: its value arrives with the Schedule press.
      default -> tx -> {};
    };
  }

  private Consumer<Tx> fromPickers(
      Press press, MeetingDesk.Posted posted, Map<String, Person> people, Instant now) {
    Pickers pickers = press.pickers();
    if (pickers.date().isEmpty() || pickers.time().isEmpty()) {
      return tx -> privately(tx, press, "Pick a date and a time first, then press Schedule.", now);
    }
    ZoneId zone = people.get(posted.interview().drafterId()).zone();
    ZonedDateTime start;
    try {
      start =
          ZonedDateTime.of(
              LocalDate.parse(pickers.date().get()), LocalTime.parse(pickers.time().get()), zone);
    } catch (DateTimeException e) {
      return tx ->
          privately(tx, press, "I could not read that date and time; pick them again.", now);
    }
    long minutes = pickers.minutes().map(MeetingActions::minutes).orElse(30L);
    return scheduleChecked(
        press,
        posted,
        start.toInstant(),
        Duration.ofMinutes(minutes),
        pickers.users(),
        people,
        now);
  }

  private Consumer<Tx> scheduleChecked(
      Press press,
      MeetingDesk.Posted posted,
      Instant start,
      Duration length,
      List<String> attendees,
      Map<String, Person> people,
      Instant now) {
    if (!start.isAfter(now)) {
      return tx ->
          privately(tx, press, "That time has already passed: pick a time in the future.", now);
    } else if (start.isAfter(now.plus(HORIZON))) {
      return tx ->
          privately(
              tx, press, "That is more than a year ahead: pick a date within the next year.", now);
    }
    return desk.schedule(posted, start, length, attendees, people, now);
  }

  private void read(Tx tx, Press press, Interview interview, Instant now) {
    boolean first = tx.reads().markRead(interview.id(), press.userId(), now);
    privately(
        tx,
        press,
        first
            ? "Thanks: noted that you have read *"
                + SlackText.escape(Message.cut(interview.title(), 200))
                + "*."
            : "Already noted: you have read it.",
        now);
  }

  /** Only the drafter changes the meeting, and only of a spec that was posted: why not, if not. */
  private static Optional<String> refusalToChange(Press press, Interview interview) {
    if (!interview.drafterId().equals(press.userId())) {
      return Optional.of(
          "This is <@"
              + interview.drafterId()
              + ">'s spec: only they can schedule or change its"
              + " meeting. You can press Read it once you have read it.");
    }
    if (interview.status() != Status.FINISHED) {
      return Optional.of(
          interview.status() == Status.CANCELLED
              ? "This interview was cancelled, so there is no meeting to schedule."
              : "The spec is not posted yet: finish the interview first.");
    }
    return Optional.empty();
  }

  private static void privately(Tx tx, Press press, String text, Instant now) {
    Delivery.ephemeral(press.channelId(), press.userId(), text).enqueue(tx, now);
  }

  private Optional<Proposal> proposalOf(Press press) {
    if (!ActionIds.CONFIRM.equals(press.actionId())) {
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
    boolean schedules = ActionIds.SCHEDULE.equals(press.actionId()) || proposal.isPresent();
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
