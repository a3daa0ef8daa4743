package dev.specbot.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When reminders and nudges go out: the configured delays and limit, applied in the recipient's own
 * working hours and time zone.
 *
 * <p>A delay of whole days counts working days and keeps the clock time: with the default of one
 * day, a spec left on Friday at 17:00 is nudged on Monday at 17:00, not on Saturday, and a day
 * before a meeting is the same clock time the day before even across a daylight saving change.
 *
 * @param idleNudgeAfter how long an unanswered question waits before its drafter (or the co-author
 *     it was handed to) is nudged
 * @param meetingNudgeAfter how long a posted spec without a meeting waits before a nudge
 * @param readReminderBefore how long before the meeting everyone is reminded to read the spec
 * @param maxNudges how many nudges of one kind a spec gets at most, in a row
 * @param workingHours when nudges may arrive, in each recipient's time zone
 * @param reviewNudgeAfter how long a requested reviewer who has not responded waits for a nudge
 */
public record NudgePolicy(
    Duration idleNudgeAfter,
    Duration meetingNudgeAfter,
    Duration readReminderBefore,
    int maxNudges,
    WorkingHours workingHours,
    Duration reviewNudgeAfter) {

  /** Snooze puts the nudge off by one working day. */
  public static final Duration SNOOZE = Duration.ofDays(1);

  /** One working day for each delay, at most 3 nudges, 09:00-18:00 Monday to Friday. */
  public static final NudgePolicy DEFAULT =
      new NudgePolicy(
          Duration.ofHours(24),
          Duration.ofHours(24),
          Duration.ofHours(24),
          3,
          WorkingHours.DEFAULT,
          Duration.ofHours(24));

  public NudgePolicy {
    positive(idleNudgeAfter, "idleNudgeAfter");
    positive(reviewNudgeAfter, "reviewNudgeAfter");
    positive(meetingNudgeAfter, "meetingNudgeAfter");
    positive(readReminderBefore, "readReminderBefore");
    Objects.requireNonNull(workingHours, "null workingHours");
    if (maxNudges < 0) {
      throw new IllegalArgumentException("maxNudges must not be negative");
    }
  }

  /** A policy whose reviewers are nudged a day after they were asked. */
  public NudgePolicy(
      Duration idleNudgeAfter,
      Duration meetingNudgeAfter,
      Duration readReminderBefore,
      int maxNudges,
      WorkingHours workingHours) {
    this(
        idleNudgeAfter,
        meetingNudgeAfter,
        readReminderBefore,
        maxNudges,
        workingHours,
        Duration.ofHours(24));
  }

  /** When to nudge a reviewer who has not responded, counted from {@code since}. */
  public Instant reviewNudgeAt(Instant since, ZoneId zone) {
    return nudgeAt(since, reviewNudgeAfter, zone);
  }

  /** When to nudge about an unanswered question, counted from the last time the interview moved. */
  public Instant idleNudgeAt(Instant since, ZoneId zone) {
    return nudgeAt(since, idleNudgeAfter, zone);
  }

  /**
   * When to nudge a co-author about a question handed to them, counted from {@code since}: as long
   * as a drafter waits, in the co-author's zone.
   */
  public Instant coAuthorNudgeAt(Instant since, ZoneId zone) {
    return nudgeAt(since, idleNudgeAfter, zone);
  }

  /** When to nudge about a posted spec that has no meeting, counted from {@code since}. */
  public Instant meetingNudgeAt(Instant since, ZoneId zone) {
    return nudgeAt(since, meetingNudgeAfter, zone);
  }

  /** When a snoozed nudge comes back. */
  public Instant snoozedUntil(Instant now, ZoneId zone) {
    return nudgeAt(now, SNOOZE, zone);
  }

  /** Whether nudge number {@code number} (counting from 1) may still go out. */
  public boolean mayNudge(int number) {
    return number >= 1 && number <= maxNudges;
  }

  /**
   * When to remind someone to read the spec before a meeting: {@link #readReminderBefore} ahead, on
   * a working day and within working hours; when that moment has passed (a meeting soon after it
   * was scheduled), at once, or at the next working moment if that still comes before the meeting.
   */
  public Instant readReminderAt(Instant meetingStart, Instant now, ZoneId zone) {
    Instant ideal =
        wholeDays(readReminderBefore) > 0
            ? meetingStart.atZone(zone).minusDays(wholeDays(readReminderBefore)).toInstant()
            : meetingStart.minus(readReminderBefore);
    Instant timely = workingHours.latestWorkingMoment(ideal, zone);
    if (timely.isAfter(now)) {
      return timely;
    }
    Instant next = workingHours.nextWorkingMoment(now, zone);
    return next.isBefore(meetingStart) ? next : now;
  }

  private Instant nudgeAt(Instant since, Duration delay, ZoneId zone) {
    long days = wholeDays(delay);
    Instant due =
        days > 0 ? workingHours.plusWorkingDays(since, zone, (int) days) : since.plus(delay);
    return workingHours.nextWorkingMoment(due, zone);
  }

  /** The number of days in a delay of whole days, or 0 for any other delay. */
  private static long wholeDays(Duration delay) {
    Duration day = Duration.ofDays(1);
    return delay.toMillis() % day.toMillis() == 0 ? delay.toDays() : 0;
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, "null " + name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
