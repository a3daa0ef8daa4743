package dev.specbot.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class NudgePolicyTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  private static final NudgePolicy DEFAULT = NudgePolicy.DEFAULT;

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  private static ZonedDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone);
  }

  @Test
  void a_nudge_due_saturday_at_two_in_tokyo_goes_out_monday_at_nine_tokyo_time() {
    Clock clock = Clock.fixed(at("2026-11-28T02:00", TOKYO), TOKYO); // a Saturday
    Instant sent = DEFAULT.workingHours().nextWorkingMoment(clock.instant(), TOKYO);
    assertEquals(at("2026-11-30T09:00", TOKYO), sent);
    assertEquals(DayOfWeek.MONDAY, local(sent, TOKYO).getDayOfWeek());
  }

  @Test
  void a_question_left_on_friday_afternoon_is_nudged_on_monday_afternoon_not_at_the_weekend() {
    Instant left = at("2026-11-27T17:00", BERLIN); // Friday
    assertEquals(at("2026-11-30T17:00", BERLIN), DEFAULT.idleNudgeAt(left, BERLIN));
  }

  @Test
  void
      a_question_left_late_in_the_evening_is_nudged_at_the_start_of_the_next_working_day_plus_one() {
    Instant left = at("2026-11-24T22:30", BERLIN); // Tuesday night
    // One working day later is Wednesday 22:30, outside hours: Thursday 09:00.
    assertEquals(at("2026-11-26T09:00", BERLIN), DEFAULT.idleNudgeAt(left, BERLIN));
  }

  @Test
  void the_same_moment_is_a_working_time_in_one_zone_and_night_in_another() {
    Instant moment = at("2026-11-24T10:00", BERLIN);
    assertTrue(DEFAULT.workingHours().contains(moment, BERLIN));
    assertFalse(DEFAULT.workingHours().contains(moment, TOKYO)); // 18:00 in Tokyo: the day is over
    assertEquals(
        at("2026-11-25T09:00", TOKYO), DEFAULT.workingHours().nextWorkingMoment(moment, TOKYO));
  }

  @Test
  void a_delay_of_hours_is_counted_in_hours_then_moved_into_working_time() {
    NudgePolicy hourly =
        new NudgePolicy(
            Duration.ofHours(2), Duration.ofHours(2), Duration.ofHours(2), 3, WorkingHours.DEFAULT);
    assertEquals(
        at("2026-11-24T12:00", BERLIN), hourly.idleNudgeAt(at("2026-11-24T10:00", BERLIN), BERLIN));
    assertEquals(
        at("2026-11-25T09:00", BERLIN), hourly.idleNudgeAt(at("2026-11-24T17:00", BERLIN), BERLIN));
  }

  @Test
  void a_reminder_a_day_before_a_meeting_keeps_its_local_time_across_a_daylight_saving_change() {
    // Berlin moves to summer time on Sunday 2027-03-28; the meeting is on Tuesday at 10:00.
    Instant meeting = at("2027-03-30T10:00", BERLIN);
    Instant now = at("2027-03-22T12:00", BERLIN);
    Instant reminder = DEFAULT.readReminderAt(meeting, now, BERLIN);
    assertEquals(
        LocalDateTime.parse("2027-03-29T10:00"), local(reminder, BERLIN).toLocalDateTime());
  }

  @Test
  void a_day_before_the_change_itself_is_the_same_clock_time_not_twenty_four_hours() {
    // New York springs forward at 02:00 on Sunday 2027-03-14, the day of the meeting.
    NudgePolicy anyDay =
        new NudgePolicy(
            Duration.ofHours(24),
            Duration.ofHours(24),
            Duration.ofHours(24),
            3,
            new WorkingHours(
                LocalTime.of(9, 0), LocalTime.of(18, 0), EnumSet.allOf(DayOfWeek.class)));
    Instant meeting = at("2027-03-14T09:30", NEW_YORK);
    Instant reminder = anyDay.readReminderAt(meeting, at("2027-03-01T09:00", NEW_YORK), NEW_YORK);
    assertEquals(at("2027-03-13T09:30", NEW_YORK), reminder);
    assertEquals(Duration.ofHours(23), Duration.between(reminder, meeting));
  }

  @Test
  void a_read_reminder_for_a_monday_meeting_comes_on_friday_at_the_same_time() {
    Instant meeting = at("2026-11-30T10:00", BERLIN);
    Instant reminder = DEFAULT.readReminderAt(meeting, at("2026-11-23T09:00", BERLIN), BERLIN);
    assertEquals(at("2026-11-27T10:00", BERLIN), reminder);
  }

  @Test
  void a_meeting_sooner_than_a_day_gets_its_read_reminder_at_once() {
    Instant now = at("2026-11-24T11:00", BERLIN);
    Instant meeting = at("2026-11-24T15:00", BERLIN);
    assertEquals(now, DEFAULT.readReminderAt(meeting, now, BERLIN));
  }

  @Test
  void a_meeting_scheduled_at_night_for_the_next_morning_gets_its_reminder_when_the_day_starts() {
    Instant now = at("2026-11-24T23:00", BERLIN);
    Instant meeting = at("2026-11-25T11:00", BERLIN);
    assertEquals(at("2026-11-25T09:00", BERLIN), DEFAULT.readReminderAt(meeting, now, BERLIN));
  }

  @Test
  void a_meeting_before_the_working_day_starts_gets_its_reminder_at_once() {
    Instant now = at("2026-11-24T23:00", BERLIN);
    Instant meeting = at("2026-11-25T08:00", BERLIN);
    assertEquals(now, DEFAULT.readReminderAt(meeting, now, BERLIN));
  }

  @Test
  void snooze_puts_a_nudge_off_by_one_working_day() {
    Instant thursday = at("2026-11-26T10:15", BERLIN);
    assertEquals(at("2026-11-27T10:15", BERLIN), DEFAULT.snoozedUntil(thursday, BERLIN));
    Instant friday = at("2026-11-27T10:15", BERLIN);
    assertEquals(at("2026-11-30T10:15", BERLIN), DEFAULT.snoozedUntil(friday, BERLIN));
  }

  @Test
  void nudges_stop_after_the_configured_number() {
    assertTrue(DEFAULT.mayNudge(1));
    assertTrue(DEFAULT.mayNudge(3));
    assertFalse(DEFAULT.mayNudge(4));
    NudgePolicy none =
        new NudgePolicy(
            Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1), 0, WorkingHours.DEFAULT);
    assertFalse(none.mayNudge(1));
  }

  @Test
  void round_the_clock_hours_send_nudges_at_any_time() {
    WorkingHours always = WorkingHours.parse("00:00-24:00", "MON-SUN");
    assertTrue(always.isAlways());
    Instant night = at("2026-11-28T03:00", TOKYO);
    assertEquals(night, always.nextWorkingMoment(night, TOKYO));
  }

  @Test
  void a_working_day_that_starts_in_a_daylight_saving_gap_starts_when_the_clock_allows() {
    // In New York 02:00-03:00 does not exist on 2027-03-14.
    WorkingHours night =
        new WorkingHours(LocalTime.of(2, 30), LocalTime.of(6, 0), EnumSet.allOf(DayOfWeek.class));
    Instant start = night.nextWorkingMoment(at("2027-03-14T01:00", NEW_YORK), NEW_YORK);
    assertEquals(LocalTime.of(3, 30), local(start, NEW_YORK).toLocalTime());
  }

  @Test
  void working_days_can_wrap_past_sunday_and_be_listed() {
    assertEquals(
        EnumSet.of(
            DayOfWeek.SUNDAY,
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY),
        WorkingHours.parseDays("SUN-THU"));
    assertEquals(
        EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), WorkingHours.parseDays("mon, wed"));
  }

  @Test
  void malformed_working_hours_are_refused() {
    assertThrows(IllegalArgumentException.class, () -> WorkingHours.parse("9-17", "MON-FRI"));
    assertThrows(
        IllegalArgumentException.class, () -> WorkingHours.parse("18:00-09:00", "MON-FRI"));
    assertThrows(
        IllegalArgumentException.class, () -> WorkingHours.parse("09:00-25:00", "MON-FRI"));
    assertThrows(IllegalArgumentException.class, () -> WorkingHours.parse("09:00-18:00", "MONDAY"));
    assertThrows(IllegalArgumentException.class, () -> WorkingHours.parse("09:00-18:00", ""));
  }
}
