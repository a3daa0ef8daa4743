package dev.specbot.meeting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeetingTextTest {
  @Test
  void a_meeting_reads_with_its_day_times_and_the_zone_in_force_that_day() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Meeting winter = meeting(LocalDateTime.parse("2026-11-24T15:00"), berlin);
    assertEquals(
        "Tuesday 24 November 2026, 15:00-15:30 CET (Europe/Berlin)", MeetingText.of(winter));
    Meeting summer = meeting(LocalDateTime.parse("2027-06-01T09:45"), berlin);
    assertEquals("Tuesday 1 June 2027, 09:45-10:15 CEST (Europe/Berlin)", MeetingText.of(summer));
  }

  @Test
  void a_meeting_in_utc_names_utc_once() {
    Meeting utc = meeting(LocalDateTime.parse("2026-11-24T15:00"), ZoneId.of("UTC"));
    assertEquals("Tuesday 24 November 2026, 15:00-15:30 UTC", MeetingText.of(utc));
  }

  private static Meeting meeting(LocalDateTime start, ZoneId zone) {
    return new Meeting(
        "m1",
        "i1",
        start.atZone(zone).toInstant(),
        Duration.ofMinutes(30),
        zone,
        List.of(),
        0,
        Meeting.Status.SCHEDULED);
  }
}
