package dev.specbot.slack.meetings;

import dev.specbot.Config;
import dev.specbot.interview.Commands;
import dev.specbot.interview.Interview;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingRequest;
import dev.specbot.meeting.MeetingText;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Person;
import dev.specbot.meeting.Reminder;
import dev.specbot.review.Review;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.meetings.MeetingMessages.Proposal;
import dev.specbot.slack.messages.DocumentReviews;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.TemplateCatalog;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The discussion meeting in Slack: offering to schedule it once the spec is posted, taking a time
 * from the pickers or in writing, announcing and inviting, moving and cancelling it; {@link Nudges}
 * sets the reminders and nudges that go with it. What parses a reply or builds a document or an
 * invite runs before the transaction and hands back the writes to take in it ({@link #written},
 * {@link #schedule}, {@link #cancel}); the rest runs inside the caller's transaction and only
 * queues what is said. People's details must be looked up before the transaction begins.
 */
public final class MeetingDesk {
  private static final LocalTime DEFAULT_TIME = LocalTime.of(10, 0);

  private final MeetingFiles files;
  private final NudgePolicy policy;
  private final Nudges nudges;
  private final DiscussionDesk discussion;

  /** A desk whose discussions' follow-ups never become GitHub issues. */
  public MeetingDesk(TemplateCatalog catalog, NudgePolicy policy) {
    this(catalog, policy, Config.GitHub.NONE);
  }

  /** A desk whose discussions' follow-ups become issues where {@code gitHub} publishes the spec. */
  public MeetingDesk(TemplateCatalog catalog, NudgePolicy policy, Config.GitHub gitHub) {
    this.files = new MeetingFiles(catalog);
    this.policy = policy;
    this.nudges = new Nudges(policy);
    this.discussion = new DiscussionDesk(catalog, files, gitHub);
  }

  /** The meeting itself: its agenda, and the decisions taken after it. */
  public DiscussionDesk discussion() {
    return discussion;
  }

  /** The reminders and nudges that go with the meeting, for the buttons and the reminder worker. */
  Nudges nudges() {
    return nudges;
  }

  /**
   * The spec was just posted: the pickers to offer, which the caller posts (with the other offers
   * that follow a posted spec), and a nudge later if no meeting comes of it.
   */
  public Message offer(Tx tx, Interview interview, Instant now) {
    ZoneId zone = Directory.stored(tx, interview.drafterId()).zone();
    nudges.nudgeToSchedule(tx, interview, zone, now);
    return schedulePrompt(interview.id(), zone, now, Optional.empty());
  }

  /** The interview moved on: its idle nudge starts again, or stops if it no longer asks. */
  public void interviewMoved(Tx tx, Interview interview, Instant now) {
    ZoneId zone = Directory.stored(tx, interview.drafterId()).zone();
    nudges.interviewMoved(tx, interview, interview, zone, now);
  }

  /**
   * The same, from {@code before} to {@code after}, with the drafter's zone read already (each
   * answer's: read before computing).
   */
  public void interviewMoved(
      Tx tx, Interview before, Interview after, ZoneId drafterZone, Instant now) {
    nudges.interviewMoved(tx, before, after, drafterZone, now);
  }

  /**
   * What work on a posted spec's meeting reads before it computes: the spec, its meeting, and the
   * drafter and attendees as stored.
   */
  public record Posted(
      StoredInterview stored,
      Optional<Meeting> meeting,
      Map<String, Person> people,
      Optional<Review> review,
      Map<String, String> reviewNames) {
    Interview interview() {
      return stored.interview();
    }

    ZoneId zone() {
      return person(people, interview().drafterId()).zone();
    }
  }

  /** Reads what {@link #written} and {@link #cancel} compute from. */
  public Posted readPosted(Tx tx, StoredInterview stored) {
    Optional<Meeting> meeting = tx.meetings().scheduledFor(stored.interview().id());
    Optional<Review> review = tx.reviews().find(stored.interview().id());
    List<String> attendees = meeting.map(Meeting::attendeeIds).orElse(List.of());
    return new Posted(
        stored,
        meeting,
        storedPeople(tx, stored.interview(), attendees),
        review,
        DocumentReviews.names(tx, review));
  }

  /**
   * The drafter wrote in a posted spec's thread: a meeting time, or a meeting command, or neither
   * (talk, left alone). Parsed and built here, with no transaction open; the writes come back to be
   * taken in one.
   */
  public Consumer<Tx> written(Posted posted, String text, Instant now) {
    Interview interview = posted.interview();
    String id = interview.id();
    return switch (Commands.commandText(text, ".!?")) {
      case "cancel meeting", "cancel the meeting", "cancel discussion" -> cancel(posted, now);
      case "no meeting", "no meeting needed" -> tx -> nudges.decline(tx, interview, now);
      case "who read", "who has read", "who has read it", "readers" ->
          tx -> say(tx, now, id, Message.say(readers(tx, id, posted.meeting())));
      case "schedule", "reschedule", "meeting" -> {
        Message prompt = schedulePrompt(id, posted.zone(), now, posted.meeting());
        yield tx -> say(tx, now, id, prompt);
      }
      case "help" -> tx -> say(tx, now, id, Message.say(MeetingMessages.help()));
      default -> propose(posted, text, now);
    };
  }

  /** The meeting's commands, which still work while the drafter's replies are decisions. */
  private static final Set<String> COMMANDS =
      Set.of(
          "cancel meeting",
          "cancel the meeting",
          "cancel discussion",
          "no meeting",
          "no meeting needed",
          "who read",
          "who has read",
          "who has read it",
          "readers",
          "schedule",
          "reschedule",
          "meeting",
          "help");

  /** Whether the drafter's reply is one of the meeting's commands. */
  public static boolean isCommand(String text) {
    return COMMANDS.contains(Commands.commandText(text, ".!?"));
  }

  private Consumer<Tx> propose(Posted posted, String text, Instant now) {
    Interview interview = posted.interview();
    Optional<Meeting> meeting = posted.meeting();
    MeetingRequest.Parsed parsed = MeetingRequest.parse(text, posted.zone(), now);
    if (parsed instanceof MeetingRequest.Refused refused
        && refused.reason() == MeetingRequest.Reason.NOTHING_TIMELIKE) {
      return tx -> {}; // Talk in the thread, not a request: the bot stays out of it.
    }
    if (parsed instanceof MeetingRequest.Refused refused) {
      Message refusal =
          Message.say(
              SlackText.escape(refused.message())
                  + " Nothing was scheduled. (`help` lists what else you can write here.)");
      return tx -> say(tx, now, interview.id(), refusal);
    }
    MeetingRequest.Proposal asked = (MeetingRequest.Proposal) parsed;
    Duration length =
        asked
            .duration()
            .or(() -> meeting.map(Meeting::duration))
            .orElse(MeetingMessages.DEFAULT_LENGTH);
    List<String> attendees =
        asked.attendeeIds().isEmpty()
            ? meeting.map(Meeting::attendeeIds).orElse(List.of())
            : withoutDrafter(asked.attendeeIds(), interview);
    Proposal proposal =
        new Proposal(
            interview.id(),
            asked.start().toInstant().toEpochMilli(),
            length.toMinutes(),
            attendees);
    Message message =
        MeetingMessages.proposal(proposal, MeetingText.startOf(asked.start()), meeting.isPresent());
    return tx -> say(tx, now, interview.id(), message);
  }

  /**
   * Schedules the meeting, or moves the one there is: saved, announced in the thread and to each
   * attendee, the invite attached, the reminders set again, the parent and the document updated.
   * The invite and the document are built here; the writes come back.
   *
   * @param people each attendee and the drafter, as looked up before
   */
  Consumer<Tx> schedule(
      Posted posted,
      Instant start,
      Duration length,
      List<String> attendeeIds,
      Map<String, Person> people,
      Instant now) {
    StoredInterview stored = posted.stored();
    Interview interview = stored.interview();
    Person drafter = person(people, interview.drafterId());
    List<String> attendees = withoutDrafter(attendeeIds, interview);
    Optional<Meeting> before = posted.meeting();
    Meeting meeting =
        before
            .map(m -> m.movedTo(start, length, attendees))
            .orElseGet(
                () ->
                    new Meeting(
                        UUID.randomUUID().toString(),
                        interview.id(),
                        start,
                        length,
                        drafter.zone(),
                        attendees,
                        0,
                        Meeting.Status.SCHEDULED));
    boolean moved = before.isPresent();
    List<Delivery> said = new ArrayList<>();
    said.add(
        Delivery.inThread(
            interview.id(), MeetingMessages.announcement(meeting, interview.title(), moved)));
    said.add(MeetingFiles.invite(stored, meeting, people, now));
    String link = threadLink(stored);
    for (String attendee : attendees) {
      said.add(
          Delivery.direct(
              interview.id(),
              attendee,
              MeetingMessages.invitation(
                  meeting, interview.title(), interview.drafterId(), link, moved)));
    }
    before.stream()
        .flatMap(old -> old.attendeeIds().stream())
        .filter(id -> !attendees.contains(id))
        .forEach(
            dropped ->
                said.add(
                    Delivery.direct(
                        interview.id(),
                        dropped,
                        MeetingMessages.uninvited(
                            interview.title(), interview.drafterId(), meeting))));
    said.addAll(files.documentChanged(posted, Optional.of(meeting), meeting, now));
    return tx -> {
      tx.meetings().save(meeting, now);
      nudges.meetingSet(tx, meeting, drafter, people, now);
      endsAt(tx, meeting, now);
      said.forEach(delivery -> delivery.enqueue(tx, now));
    };
  }

  /**
   * Calls the meeting off: attendees told, a cancelling invite, reminders gone, nudges again. The
   * invite and the document are built here; the writes come back.
   */
  Consumer<Tx> cancel(Posted posted, Instant now) {
    StoredInterview stored = posted.stored();
    Interview interview = stored.interview();
    if (posted.meeting().isEmpty()) {
      return tx -> say(tx, now, interview.id(), Message.say("There is no meeting to cancel."));
    }
    Meeting cancelled = posted.meeting().get().cancelled();
    List<Delivery> said = new ArrayList<>();
    said.add(
        Delivery.inThread(interview.id(), MeetingMessages.cancelledInThread(interview.title())));
    said.add(MeetingFiles.invite(stored, cancelled, posted.people(), now));
    for (String attendee : cancelled.attendeeIds()) {
      said.add(
          Delivery.direct(
              interview.id(),
              attendee,
              MeetingMessages.cancelledForAttendee(
                  interview.title(), interview.drafterId(), cancelled)));
    }
    ZoneId zone = posted.zone();
    said.add(
        Delivery.inThread(
            interview.id(), schedulePrompt(interview.id(), zone, now, Optional.empty())));
    said.addAll(files.documentChanged(posted, Optional.empty(), cancelled, now));
    return tx -> {
      tx.meetings().save(cancelled, now);
      nudges.meetingCancelled(tx, interview, now);
      tx.reminders().cancel(interview.id(), now, Reminder.Kind.MEETING_END);
      said.forEach(delivery -> delivery.enqueue(tx, now));
      nudges.nudgeToSchedule(tx, interview, zone, now);
    };
  }

  /**
   * The reminder at the meeting's end, when the drafter is asked what was decided: set for the time
   * the meeting now has. A meeting moved after it ended asks again at its new end.
   */
  private static void endsAt(Tx tx, Meeting meeting, Instant now) {
    tx.reminders().cancel(meeting.interviewId(), now, Reminder.Kind.MEETING_END);
    tx.reminders()
        .schedule(
            new Reminder(
                UUID.randomUUID().toString(),
                Reminder.Kind.MEETING_END,
                meeting.interviewId(),
                Optional.empty(),
                1,
                meeting.end()),
            now);
  }

  /** The pickers again, to schedule or move the meeting. */
  void showPickers(Tx tx, Interview interview, Instant now) {
    say(
        tx,
        now,
        interview.id(),
        schedulePrompt(
            interview.id(),
            zoneOf(tx, interview),
            now,
            tx.meetings().scheduledFor(interview.id())));
  }

  /** Who has pressed Read it, against who was invited. */
  String readers(Tx tx, String interviewId, Optional<Meeting> meeting) {
    return MeetingMessages.readers(
        tx.reads().readers(interviewId), meeting.map(Meeting::attendeeIds).orElse(List.of()));
  }

  /** The meeting line for the parent message and {@code /spec list}. */
  public static Optional<String> meetingLine(Tx tx, String interviewId) {
    return tx.meetings().forInterview(interviewId).map(MeetingDesk::lineOf);
  }

  static String lineOf(Meeting meeting) {
    return meeting.status() == Meeting.Status.SCHEDULED
        ? MeetingMessages.meetingLine(meeting)
        : "Discussion cancelled";
  }

  private Message schedulePrompt(
      String interviewId, ZoneId zone, Instant now, Optional<Meeting> current) {
    LocalDate date =
        current
            .map(m -> m.start().atZone(zone).toLocalDate())
            .orElseGet(
                () ->
                    policy.workingHours().plusWorkingDays(now, zone, 1).atZone(zone).toLocalDate());
    LocalTime time = current.map(m -> m.start().atZone(zone).toLocalTime()).orElse(DEFAULT_TIME);
    return MeetingMessages.schedulePrompt(interviewId, date, time, current);
  }

  private static void say(Tx tx, Instant now, String interviewId, Message message) {
    Delivery.inThread(interviewId, message).enqueue(tx, now);
  }

  private static ZoneId zoneOf(Tx tx, Interview interview) {
    return Directory.stored(tx, interview.drafterId()).zone();
  }

  private static Map<String, Person> storedPeople(
      Tx tx, Interview interview, List<String> attendees) {
    Map<String, Person> people = new LinkedHashMap<>();
    people.put(interview.drafterId(), Directory.stored(tx, interview.drafterId()));
    attendees.forEach(id -> people.put(id, Directory.stored(tx, id)));
    return people;
  }

  /** Who a user is, as looked up before the transaction; only their id if they were not. */
  static Person person(Map<String, Person> people, String userId) {
    Person known = people.get(userId);
    return known != null ? known : new Person(userId, userId, Optional.empty(), ZoneId.of("UTC"));
  }

  private static List<String> withoutDrafter(List<String> attendees, Interview interview) {
    List<String> others = new ArrayList<>();
    for (String id : attendees) {
      if (!id.equals(interview.drafterId()) && !others.contains(id)) {
        others.add(id);
      }
    }
    return others;
  }

  static String threadLink(StoredInterview stored) {
    return stored
        .place()
        .permalink()
        .map(url -> "<" + url + "|the spec's thread>")
        .orElse("the spec's thread in <#" + stored.place().channelId() + ">");
  }
}
