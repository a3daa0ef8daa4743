package dev.specbot.slack.meetings;

import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.meeting.CalendarInvite;
import dev.specbot.meeting.Meeting;
import dev.specbot.meeting.MeetingText;
import dev.specbot.meeting.Person;
import dev.specbot.review.Stage;
import dev.specbot.slack.messages.DocumentReviews;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.StoredInterview;
import dev.specbot.template.ReviewRecord;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a meeting change posts in the thread: the calendar invite, and the document with its
 * Discussion Meeting field (and its review) as they now stand, with the parent's line.
 */
final class MeetingFiles {
  private static final String INVITE_FILE = "discussion.ics";

  private final TemplateCatalog catalog;

  MeetingFiles(TemplateCatalog catalog) {
    this.catalog = catalog;
  }

  /** The calendar file for the meeting as it now stands, as a file in the thread. */
  static Delivery invite(
      StoredInterview stored, Meeting meeting, Map<String, Person> people, Instant now) {
    Interview interview = stored.interview();
    List<Person> attendees =
        meeting.attendeeIds().stream().map(id -> MeetingDesk.person(people, id)).toList();
    String description =
        "Read the spec before the meeting"
            + stored.place().permalink().map(url -> ": " + url).orElse(" (in Slack).");
    String ics =
        CalendarInvite.of(
            meeting,
            MeetingDesk.person(people, interview.drafterId()),
            attendees,
            "Spec discussion: " + interview.title(),
            description,
            now);
    String comment =
        meeting.status() == Meeting.Status.CANCELLED
            ? "Cancellation for your calendar."
            : "Calendar invite: " + MeetingText.of(meeting) + ".";
    return Delivery.fileInThread(interview.id(), comment, INVITE_FILE, ics);
  }

  /**
   * The document with its Discussion Meeting field as it now stands, and the parent message with
   * its meeting line ({@code latest} is the meeting as saved, cancelled or not).
   */
  List<Delivery> documentChanged(
      MeetingDesk.Posted posted, Optional<Meeting> meeting, Meeting latest, Instant now) {
    return document(
        posted,
        meeting,
        MeetingDesk.lineOf(latest),
        meeting.isPresent()
            ? "The spec, updated with its discussion meeting."
            : "The spec, updated: its discussion meeting was cancelled.",
        now);
  }

  /**
   * The document once the drafter has said what the discussion decided (the decisions themselves
   * are written in as it is queued, see the outbox's DecisionsInDocument), and the parent message.
   */
  List<Delivery> decisionsRecorded(MeetingDesk.Posted posted, Instant now) {
    Optional<Meeting> meeting = posted.meeting();
    String line = meeting.map(MeetingDesk::lineOf).orElse("Discussion cancelled");
    return document(
        posted, meeting, line, "The spec, updated with the discussion's decisions.", now);
  }

  private List<Delivery> document(
      MeetingDesk.Posted posted,
      Optional<Meeting> meeting,
      String meetingLine,
      String comment,
      Instant now) {
    Interview interview = posted.interview();
    Optional<Template> template = catalog.find(interview.templateId());
    if (template.isEmpty()) {
      return List.of(); // The template was removed: the document cannot be assembled again.
    }
    InterviewMachine machine = new InterviewMachine(template.get(), posted.zone());
    // A spec under review keeps its status in the document and its review's line on the parent.
    Optional<String> status =
        posted.review().filter(r -> r.stage() != Stage.DRAFT).map(r -> r.stage().label());
    ReviewRecord record =
        posted
            .review()
            .map(r -> DocumentReviews.of(r, posted.reviewNames(), posted.zone()))
            .orElse(ReviewRecord.NONE);
    String markdown = machine.render(interview, now, meeting.map(MeetingText::of), status, record);
    Message parent =
        ParentMessage.of(
            interview,
            template.get(),
            machine.progressOf(interview),
            ParentMessage.lines(Optional.of(meetingLine), posted.review()));
    return List.of(
        Delivery.fileInThread(
            interview.id(), comment, SpecRenderer.fileName(interview.title()), markdown),
        Delivery.canvas(interview.id(), interview.title(), markdown),
        Delivery.forInterview(
            Delivery.Kind.UPDATE_PARENT, interview.id(), parent.text(), parent.blocks()));
  }
}
