package dev.specbot.meeting;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a meeting reads in the document and wherever a reader's own time zone is not known. */
public final class MeetingText {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  private MeetingText() {}

  /** E.g. "Tuesday 24 November 2026, 15:00-15:30 CET (Europe/Berlin)". */
  public static String of(Meeting meeting) {
    ZonedDateTime start = meeting.localStart();
    ZonedDateTime end = meeting.end().atZone(meeting.zone());
    return DAY.format(start)
        + ", "
        + TIME.format(start)
        + "-"
        + TIME.format(end)
        + " "
        + zoneName(start);
  }

  /** E.g. "Tuesday 24 November 2026 at 15:00 CET": a start time, in its own zone. */
  public static String startOf(ZonedDateTime start) {
    return DAY.format(start) + " at " + TIME.format(start) + " " + zoneName(start);
  }

  private static String zoneName(ZonedDateTime time) {
    String id = time.getZone().getId();
    // "zzz" names the offset in force that day: CEST in summer, CET in winter.
    String name = ZONE.format(time);
    return name.equals(id) ? id : name + " (" + id + ")";
  }
}
