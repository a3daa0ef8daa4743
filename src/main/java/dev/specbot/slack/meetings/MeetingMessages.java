package dev.specbot.slack.meetings;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.multiUsersSelect;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingText;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the bot says about the discussion meeting and its reminders, as text and Block Kit. */
final class MeetingMessages {

  /** The lengths offered; the first written-in length not among them is still accepted. */
  static final List<Integer> LENGTHS = List.of(15, 30, 45, 60, 90, 120);

  static final Duration DEFAULT_LENGTH = Duration.ofMinutes(30);

  private static final Gson GSON = new Gson();

  private MeetingMessages() {}

  /**
   * A meeting proposed in writing, carried in the Confirm button so that nothing is scheduled until
   * the drafter presses it.
   */
  record Proposal(String interviewId, long startMillis, long minutes, List<String> attendees) {
    Instant start() {
      return Instant.ofEpochMilli(startMillis);
    }

    Duration duration() {
      return Duration.ofMinutes(minutes);
    }

    String toJson() {
      return GSON.toJson(this);
    }

    static Proposal fromJson(String json) {
      return GSON.fromJson(json, Proposal.class);
    }
  }

  /** Slack shows this in each reader's own time zone; the fallback is the organiser's. */
  static String slackTime(Instant start, String fallback) {
    return "<!date^"
        + start.getEpochSecond()
        + "^{date_long} at {time}|"
        + SlackText.escape(fallback)
        + ">";
  }

  static String slackTime(Meeting meeting) {
    return slackTime(meeting.start(), MeetingText.of(meeting));
  }

  /** The pickers: date, time, length, attendees, and Schedule. */
  static Message schedulePrompt(
      String interviewId, LocalDate date, LocalTime time, Optional<Meeting> current) {
    String intro =
        current.isPresent()
            ? "Move the discussion: pick the new date, time, length and who should come, then press"
                + " *Schedule*."
            : "Next, the spec's discussion meeting. Pick a date, time, length and who should come,"
                + " then press *Schedule*. Or just write it here, e.g. `next Tuesday 3pm` or"
                + " `tomorrow at 10:30 for 45 minutes with @alex`.";
    Duration length = current.map(Meeting::duration).orElse(DEFAULT_LENGTH);
    List<String> attendees = current.map(Meeting::attendeeIds).orElse(List.of());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Message.sectionOf(intro));
    blocks.add(
        actions(
            a ->
                a.blockId(ActionIds.WHEN_BLOCK)
                    .elements(
                        List.<BlockElement>of(
                            datePicker(
                                d ->
                                    d.actionId(ActionIds.DATE)
                                        .initialDate(date.toString())
                                        .placeholder(plainText("Date"))),
                            timePicker(
                                t ->
                                    t.actionId(ActionIds.TIME)
                                        .initialTime(time.toString())
                                        .placeholder(plainText("Time"))),
                            staticSelect(
                                s ->
                                    s.actionId(ActionIds.LENGTH)
                                        .options(lengthOptions())
                                        .initialOption(lengthOption(offeredLength(length)))
                                        .placeholder(plainText("Length")))))));
    blocks.add(
        section(
            s ->
                s.blockId(ActionIds.WHO_BLOCK)
                    .text(markdownText("*Who should come?* (you are invited anyway)"))
                    .accessory(
                        multiUsersSelect(
                            m -> {
                              m.actionId(ActionIds.ATTENDEES).placeholder(plainText("Add people"));
                              if (!attendees.isEmpty()) {
                                m.initialUsers(attendees);
                              }
                              return m;
                            }))));
    blocks.add(
        actions(
            a ->
                a.elements(
                    List.<BlockElement>of(
                        Message.buttonOf(
                            ActionIds.SCHEDULE, "Schedule", interviewId, "primary")))));
    return Message.of(intro, blocks);
  }

  /** A written request echoed back, to be confirmed before anything is scheduled. */
  static Message proposal(Proposal proposal, String fallback, boolean moving) {
    String text =
        (moving ? "Move the discussion to " : "Schedule the discussion for ")
            + slackTime(proposal.start(), fallback)
            + ", "
            + proposal.minutes()
            + " minutes"
            + withWhom(proposal.attendees())
            + "? Press *Confirm*, or write another time.";
    return Message.withButtons(
        text, Message.buttonOf(ActionIds.CONFIRM, "Confirm", proposal.toJson(), "primary"));
  }

  /** The meeting, announced in the spec's thread, with Reschedule and Cancel. */
  static Message announcement(Meeting meeting, String title, boolean moved) {
    String text =
        "The discussion of *"
            + SlackText.escape(title)
            + (moved ? "* has moved to " : "* is scheduled for ")
            + slackTime(meeting)
            + " ("
            + meeting.duration().toMinutes()
            + " minutes)"
            + withWhom(meeting.attendeeIds())
            + ". The invite (.ics) is attached below; everyone will be reminded to read the spec"
            + " beforehand.";
    return Message.withButtons(
        text,
        Message.buttonOf(ActionIds.RESCHEDULE, "Reschedule", meeting.interviewId(), null),
        Message.buttonOf(ActionIds.CANCEL, "Cancel meeting", meeting.interviewId(), "danger"));
  }

  /** To an attendee, in private: you are invited (or the meeting moved). */
  static Message invitation(
      Meeting meeting, String title, String drafterId, String threadLink, boolean moved) {
    String text =
        "<@"
            + drafterId
            + (moved ? "> moved the discussion of *" : "> invites you to discuss *")
            + SlackText.escape(title)
            + "*"
            + (moved ? " to " : " on ")
            + slackTime(meeting)
            + " ("
            + meeting.duration().toMinutes()
            + " minutes). The spec and the calendar invite are in "
            + threadLink
            + ".";
    return Message.say(text);
  }

  static Message cancelledInThread(String title) {
    return Message.say(
        "The discussion of *"
            + SlackText.escape(title)
            + "* is cancelled; the attendees were told and a cancellation (.ics) is attached."
            + " Write a new time here, or press Schedule below, to set another.");
  }

  static Message cancelledForAttendee(String title, String drafterId, Meeting meeting) {
    return Message.say(
        "<@"
            + drafterId
            + "> cancelled the discussion of *"
            + SlackText.escape(title)
            + "* that was set for "
            + slackTime(meeting)
            + ".");
  }

  static Message uninvited(String title, String drafterId, Meeting meeting) {
    return Message.say(
        "<@"
            + drafterId
            + "> moved the discussion of *"
            + SlackText.escape(title)
            + "* without you: you no longer need to come on "
            + slackTime(meeting)
            + ".");
  }

  /** Read the spec before the meeting: a Read it button that opens it, and Who has read it. */
  static Message readReminder(Meeting meeting, String title, Optional<String> permalink) {
    String text =
        "Reminder: *"
            + SlackText.escape(title)
            + "* is discussed "
            + slackTime(meeting)
            + ". Please read the spec before then"
            + permalink.map(url -> ": <" + url + "|open it>").orElse(".");
    ButtonElement read =
        Message.buttonOf(ActionIds.READ, "Read it", meeting.interviewId(), "primary");
    // A URL button opens the spec, and Slack still tells specbot it was pressed.
    permalink.ifPresent(read::setUrl);
    return Message.withButtons(
        text,
        read,
        Message.buttonOf(ActionIds.WHO_READ, "Who has read it?", meeting.interviewId(), null));
  }

  static Message startReminder(Meeting meeting, String title, Optional<String> permalink) {
    return Message.say(
        "The discussion of *"
            + SlackText.escape(title)
            + "* starts now ("
            + meeting.duration().toMinutes()
            + " minutes)"
            + permalink.map(url -> ". The spec: <" + url + "|open it>").orElse("")
            + ".");
  }

  /** A posted spec with no meeting yet: Schedule now, Snooze, No meeting needed. */
  static Message meetingNudge(String interviewId, String drafterId, int number, int max) {
    String text =
        "<@"
            + drafterId
            + ">, this spec has no discussion meeting yet. Schedule one so the team reads and"
            + " discusses it"
            + (number >= max ? " (last reminder)." : ".");
    return Message.withButtons(
        text,
        Message.buttonOf(ActionIds.SCHEDULE_NOW, "Schedule now", interviewId, "primary"),
        Message.buttonOf(ActionIds.SNOOZE, "Snooze a day", interviewId, null),
        Message.buttonOf(ActionIds.NO_MEETING, "No meeting needed", interviewId, null));
  }

  /** An unanswered question: Resume asks it again, Pause stops the questions and the nudges. */
  static Message idleNudge(String interviewId, String drafterId, int number, int max) {
    String text =
        "<@"
            + drafterId
            + ">, the spec is waiting for your answer to the question above"
            + (number >= max ? " (last reminder)." : ".")
            + " Reply in the thread, or pause it for now.";
    return Message.withButtons(
        text,
        Message.buttonOf(ActionIds.RESUME, "Resume", interviewId, "primary"),
        Message.buttonOf(ActionIds.PAUSE, "Pause", interviewId, null));
  }

  /** For the parent message and {@code /spec list}: the meeting in one short line. */
  static String meetingLine(Meeting meeting) {
    return "Discussion: " + slackTime(meeting);
  }

  static String readers(List<String> readers, List<String> invited) {
    if (invited.isEmpty() && readers.isEmpty()) {
      return "Nobody is invited besides you, and nobody has pressed Read it yet.";
    }
    String read =
        readers.isEmpty() ? "Nobody has pressed Read it yet" : "Read so far: " + mentions(readers);
    List<String> waiting = invited.stream().filter(id -> !readers.contains(id)).toList();
    return read
        + " ("
        + readers.stream().filter(invited::contains).count()
        + " of "
        + invited.size()
        + " invited)."
        + (waiting.isEmpty() ? "" : " Not yet: " + mentions(waiting) + ".");
  }

  /** What the drafter can write in a posted spec's thread. */
  static String help() {
    return """
        The spec is posted. Here you can:
        • write when to discuss it, e.g. `next Tuesday 3pm`, `tomorrow at 10:30 for 45 minutes with @alex` \
        (I'll confirm before scheduling; a new time moves the meeting);
        • `schedule` shows the date and time pickers again;
        • `cancel meeting` calls it off; `no meeting` stops my reminders to schedule one;
        • `who has read it` lists who pressed Read it;
        • after the meeting, when I ask: one decision per reply, `@person: what they will do` for a \
        follow-up, then `done` (or `no decisions`): I write them into the spec;
        • `goto N` asks question N again: your next reply replaces its answer (or edit your reply).
        Its review:
        • `review @alice @bob` asks them to review (`review` alone asks the same people again);
        • reviewers write `approve`, `request changes: WHAT` or `concern NAME: WHAT` (it blocks \
        approval until its author writes `resolve NAME`); anyone's other replies are comments;
        • `who has reviewed` shows where it stands; once approved, `status in progress` and \
        `status completed` move it on.""";
  }

  private static String withWhom(List<String> attendees) {
    return attendees.isEmpty() ? "" : " with " + mentions(attendees);
  }

  private static String mentions(List<String> userIds) {
    return userIds.stream().map(id -> "<@" + id + ">").collect(Collectors.joining(", "));
  }

  /** The offered length closest to {@code length}: a picker can only start on one it offers. */
  private static Duration offeredLength(Duration length) {
    int closest = LENGTHS.get(0);
    for (int minutes : LENGTHS) {
      if (Math.abs(minutes - length.toMinutes()) < Math.abs(closest - length.toMinutes())) {
        closest = minutes;
      }
    }
    return Duration.ofMinutes(closest);
  }

  private static List<OptionObject> lengthOptions() {
    return LENGTHS.stream().map(minutes -> lengthOption(Duration.ofMinutes(minutes))).toList();
  }

  private static OptionObject lengthOption(Duration length) {
    long minutes = length.toMinutes();
    String label = minutes < 60 || minutes % 60 != 0 ? minutes + " minutes" : minutes / 60 + " h";
    return option(plainText(label), String.valueOf(minutes));
  }
}
