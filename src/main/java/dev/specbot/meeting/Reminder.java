package dev.specbot.meeting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A reminder or nudge waiting for its time.
 *
 * @param id unique, so firing it is recorded once
 * @param kind what it is about
 * @param interviewId the spec it belongs to
 * @param recipientId the person it goes to in private; empty for the spec's thread
 * @param number for nudges, which one in a row (from 1); 1 otherwise
 * @param dueAt when it goes out
 */
public record Reminder(
    String id,
    Kind kind,
    String interviewId,
    Optional<String> recipientId,
    int number,
    Instant dueAt) {

  /** What a reminder is about. */
  public enum Kind {
    /** A question has waited too long for its answer: to the drafter, in the thread. */
    IDLE_NUDGE,
    /** A posted spec has no meeting yet: to the drafter, in the thread. */
    MEETING_NUDGE,
    /** Read the spec before the meeting: in the thread, or to one attendee. */
    READ_REMINDER,
    /** The meeting starts now: in the thread and to each attendee. */
    MEETING_START,
    /** A reviewer has not responded to a review request: to the reviewer, in private. */
    REVIEW_NUDGE,
    /**
     * A question handed to a co-author has waited too long for their answer: to the co-author,
     * mentioned in the thread, in their own working hours.
     */
    COAUTHOR_NUDGE,
    /** The meeting is over: the drafter is asked, in the thread, what was decided. */
    MEETING_END
  }

  public Reminder {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(kind, "null kind");
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(recipientId, "null recipientId");
    Objects.requireNonNull(dueAt, "null dueAt");
  }
}
