package dev.specbot.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A spec's discussion meeting.
 *
 * @param id stable across reschedules: calendars match an updated invite to the first by it
 * @param interviewId the spec's interview
 * @param start when it starts
 * @param duration how long it lasts
 * @param zone the organiser's time zone, in which the invite is written
 * @param attendeeIds the chat user ids invited, organiser excluded
 * @param sequence 0 for the first invite, one more for each change (iCalendar's SEQUENCE)
 * @param status whether it is on
 */
public record Meeting(
    String id,
    String interviewId,
    Instant start,
    Duration duration,
    ZoneId zone,
    List<String> attendeeIds,
    int sequence,
    Status status) {

  /** Whether a meeting is on. */
  public enum Status {
    SCHEDULED,
    CANCELLED
  }

  public Meeting {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(start, "null start");
    Objects.requireNonNull(duration, "null duration");
    Objects.requireNonNull(zone, "null zone");
    Objects.requireNonNull(status, "null status");
    attendeeIds = List.copyOf(attendeeIds);
  }

  public Instant end() {
    return start.plus(duration);
  }

  /** The start in the organiser's time zone. */
  public ZonedDateTime localStart() {
    return start.atZone(zone);
  }

  /** The same meeting moved: a new time, duration and attendees, and the next sequence number. */
  public Meeting movedTo(Instant newStart, Duration newDuration, List<String> newAttendees) {
    return new Meeting(
        id, interviewId, newStart, newDuration, zone, newAttendees, sequence + 1, Status.SCHEDULED);
  }

  /** The same meeting called off, with the next sequence number. */
  public Meeting cancelled() {
    return new Meeting(
        id, interviewId, start, duration, zone, attendeeIds, sequence + 1, Status.CANCELLED);
  }
}
