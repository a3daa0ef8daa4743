package dev.specbot.meeting;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a person may be nudged: hours of the day and days of the week, read in that person's own
 * time zone, so a nudge never arrives at 3 a.m. wherever they are.
 *
 * @param start the first minute of the working day
 * @param end the end of the working day, exclusive; {@link LocalTime#MIDNIGHT} means the day's end
 * @param days the working days
 */
public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
  private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
  private static final Pattern DAY_RANGE = Pattern.compile("([A-Z]{3})(?:-([A-Z]{3}))?");

  /** 09:00-18:00, Monday to Friday. */
  public static final WorkingHours DEFAULT =
      new WorkingHours(
          LocalTime.of(9, 0),
          LocalTime.of(18, 0),
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

  public WorkingHours {
    Objects.requireNonNull(start, "null start");
    Objects.requireNonNull(end, "null end");
    if (days.isEmpty()) {
      throw new IllegalArgumentException("no working days");
    }
    if (!end.equals(LocalTime.MIDNIGHT) && !end.isAfter(start)) {
      throw new IllegalArgumentException("the working day ends before it starts");
    }
    days = Set.copyOf(days);
  }

  /**
   * Reads {@code HH:MM-HH:MM}; {@code 24:00} as the end means the end of the day, so {@code
   * 00:00-24:00} is any time.
   */
  public static WorkingHours parse(String hours, String days) {
    Matcher matcher = HOURS.matcher(hours.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("expected HH:MM-HH:MM, such as 09:00-18:00");
    }
    LocalTime start = time(matcher.group(1), matcher.group(2), false);
    LocalTime end = time(matcher.group(3), matcher.group(4), true);
    return new WorkingHours(start, end, parseDays(days));
  }

  /**
   * Reads days such as {@code MON-FRI}, {@code MON,WED,FRI} or {@code SUN-THU}; a range may wrap
   * past Sunday.
   */
  static Set<DayOfWeek> parseDays(String text) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (String part : text.strip().toUpperCase(Locale.ROOT).split("\\s*,\\s*", -1)) {
      Matcher matcher = DAY_RANGE.matcher(part);
      if (!matcher.matches()) {
        throw new IllegalArgumentException("expected days such as MON-FRI or MON,WED,FRI");
      }
      DayOfWeek first = day(matcher.group(1));
      DayOfWeek last = matcher.group(2) == null ? first : day(matcher.group(2));
      for (DayOfWeek day = first; ; day = day.plus(1)) {
        days.add(day);
        if (day == last) {
          break;
        }
      }
    }
    return days;
  }

  /** Whether {@code moment} falls in working time in {@code zone}. */
  public boolean contains(Instant moment, ZoneId zone) {
    ZonedDateTime local = moment.atZone(zone);
    return days.contains(local.getDayOfWeek()) && withinDay(local.toLocalTime());
  }

  /** The first working moment at or after {@code moment}, in {@code zone}. */
  public Instant nextWorkingMoment(Instant moment, ZoneId zone) {
    ZonedDateTime local = moment.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (days.contains(date.getDayOfWeek())) {
      LocalTime time = local.toLocalTime();
      if (withinDay(time)) {
        return moment;
      }
      if (time.isBefore(start)) {
        return dayStart(date, zone);
      }
    }
    return dayStart(nextWorkingDay(date), zone);
  }

  /**
   * The same local time {@code count} working days after {@code moment}: one working day after
   * Friday 17:00 is Monday 17:00, and the clock time holds across a daylight saving change.
   */
  public Instant plusWorkingDays(Instant moment, ZoneId zone, int count) {
    ZonedDateTime local = moment.atZone(zone);
    LocalDate date = local.toLocalDate();
    for (int i = 0; i < count; i++) {
      date = nextWorkingDay(date);
    }
    return ZonedDateTime.of(date, local.toLocalTime(), zone).toInstant();
  }

  /**
   * The same local time on the closest working day at or before {@code moment}, brought inside that
   * day's hours: a reminder meant for Sunday 10:00 comes on Friday at 10:00.
   */
  public Instant latestWorkingMoment(Instant moment, ZoneId zone) {
    ZonedDateTime local = moment.atZone(zone);
    LocalDate date = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (days.contains(date.getDayOfWeek()) && time.isBefore(start)) {
      // Before the day's start: the end of the previous working day is the latest one.
      return ZonedDateTime.of(previousWorkingDay(date), lastMinute(), zone).toInstant();
    }
    if (!days.contains(date.getDayOfWeek())) {
      date = previousWorkingDay(date);
    }
    LocalTime within = time.isBefore(start) ? start : withinDay(time) ? time : lastMinute();
    return ZonedDateTime.of(date, within, zone).toInstant();
  }

  /** Whether every moment is working time. */
  public boolean isAlways() {
    return start.equals(LocalTime.MIDNIGHT) && end.equals(LocalTime.MIDNIGHT) && days.size() == 7;
  }

  private boolean withinDay(LocalTime time) {
    return !time.isBefore(start) && (end.equals(LocalTime.MIDNIGHT) || time.isBefore(end));
  }

  private LocalTime lastMinute() {
    return end.equals(LocalTime.MIDNIGHT) ? LocalTime.of(23, 59) : end.minusMinutes(1);
  }

  private LocalDate previousWorkingDay(LocalDate date) {
    LocalDate previous = date.minusDays(1);
    while (!days.contains(previous.getDayOfWeek())) {
      previous = previous.minusDays(1);
    }
    return previous;
  }

  private LocalDate nextWorkingDay(LocalDate date) {
    LocalDate next = date.plusDays(1);
    while (!days.contains(next.getDayOfWeek())) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** The day's first working minute; a start inside a DST gap moves forward by the gap. */
  private Instant dayStart(LocalDate date, ZoneId zone) {
    return ZonedDateTime.of(date, start, zone).toInstant();
  }

  private static LocalTime time(String hours, String minutes, boolean isEnd) {
    int hour = Integer.parseInt(hours);
    int minute = Integer.parseInt(minutes);
    if (isEnd && hour == 24 && minute == 0) {
      return LocalTime.MIDNIGHT;
    }
    if (hour > 23 || minute > 59) {
      throw new IllegalArgumentException("no such time: " + hours + ":" + minutes);
    }
    return LocalTime.of(hour, minute);
  }

  private static DayOfWeek day(String abbreviation) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().startsWith(abbreviation)) {
        return day;
      }
    }
    throw new IllegalArgumentException("no such day: " + abbreviation);
  }
}
