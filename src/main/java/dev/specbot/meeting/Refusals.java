package dev.specbot.meeting;

import dev.specbot.meeting.MeetingRequest.Reason;
import dev.specbot.meeting.MeetingRequest.Refused;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What the writer of a meeting request is told when it is refused: a plain sentence saying what was
 * wrong and what to write instead, with an example.
 *
 * <p>User text is quoted only in short, cleaned snippets (see {@code quote}).
 */
final class Refusals {
  private static final String EXAMPLE = "`next Tuesday 3pm`";
  private static final String ONE_TIME =
      "Write one start time and, if you like, a length, for example: `tomorrow 3pm for an hour`.";

  private static final Pattern DIGIT = Pattern.compile("\\d");

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_OF_ANOTHER_YEAR =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter SHORT_DATE =
      DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
  private static final DateTimeFormatter WRITTEN_DATE =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  private Refusals() {}

  private static Refused refused(Reason reason, String message) {
    return new Refused(reason, message);
  }

  static Refused nothingWritten() {
    return refused(Reason.NOT_UNDERSTOOD, "Write when to meet, for example: " + EXAMPLE + ".");
  }

  static Refused notUnderstood(String text) {
    return notUnderstood(Reason.NOT_UNDERSTOOD, text);
  }

  /** Neither a day nor a time of day: said as {@link #notUnderstood}, for whoever asks. */
  static Refused nothingTimelike(String text) {
    return notUnderstood(Reason.NOTHING_TIMELIKE, text);
  }

  private static Refused notUnderstood(Reason reason, String text) {
    return refused(
        reason,
        "I couldn't read a day and time in "
            + quote(text)
            + ". Write when to meet, for example: "
            + EXAMPLE
            + ".");
  }

  static Refused tooLong() {
    return refused(
        Reason.NOT_UNDERSTOOD,
        "That is too long to read as a meeting time. Write just when to meet, for example: "
            + EXAMPLE
            + ".");
  }

  static Refused unplaced(String word) {
    return refused(
        Reason.NOT_UNDERSTOOD,
        "I couldn't tell what "
            + quote(word)
            + " means here. Write the day and time, for example: `Dec 3 at 14:30` or "
            + EXAMPLE
            + "; a length goes after \"for\": `for 45 minutes`.");
  }

  static Refused badDuration(String written) {
    return refused(
        Reason.BAD_DURATION,
        "A meeting can last from 5 minutes to 8 hours, and only one length can be given, so "
            + quote(written)
            + " won't do. For example: `tomorrow 3pm for 45 minutes`.");
  }

  static Refused unusableTime(ClockTime.Problem problem) {
    return refused(Reason.NOT_UNDERSTOOD, problem(problem));
  }

  private static String problem(ClockTime.Problem problem) {
    return switch (problem.trouble()) {
      case NOT_A_TIME -> quote(problem.written()) + " is not a time of day. For example: `3pm`.";
      case AM_OR_PM ->
          "Is " + quote(problem.written()) + " am or pm? For example: `tomorrow at 3pm`.";
      case MORE_THAN_ONE ->
          "I found more than one time: " + quote(problem.written()) + ". " + ONE_TIME;
    };
  }

  static Refused dayOrTime(String written) {
    return refused(
        Reason.NOT_UNDERSTOOD,
        "I can't tell whether "
            + quote(written)
            + " is a day or a time. Write the month as a word and the time with a colon or"
            + " am/pm, for example: `Dec 3 at 14:30`.");
  }

  static Refused dayAndTimeFromNow() {
    return refused(Reason.NOT_UNDERSTOOD, "I found a day and a time from now. " + ONE_TIME);
  }

  static Refused moreThanOneDay(String dateText) {
    return refused(
        Reason.NOT_UNDERSTOOD, "I found more than one day in " + quote(dateText) + ". " + ONE_TIME);
  }

  /**
   * A start already past, with next year's date as a second example when the writer may have meant
   * it.
   *
   * @param monthWithoutYear whether the writer named a month but no year
   */
  static Refused inThePast(ZonedDateTime start, ZonedDateTime now, boolean monthWithoutYear) {
    String when = day(start.toLocalDate(), now) + " at " + CLOCK.format(start);
    String message =
        when
            + " has already passed. Pick a later time, for example: `tomorrow at "
            + CLOCK.format(start)
            + "`.";
    if (monthWithoutYear && start.toLocalDate().isBefore(now.toLocalDate())) {
      LocalDate nextYear = start.toLocalDate().plusYears(1);
      message +=
          " If you meant next year, write the year: `"
              + WRITTEN_DATE.format(nextYear)
              + " at "
              + CLOCK.format(start)
              + "`.";
    }
    return refused(Reason.IN_THE_PAST, message);
  }

  static Refused dayPassed(LocalDate date, ZonedDateTime now) {
    return refused(
        Reason.IN_THE_PAST,
        day(date, now)
            + " has already passed. Pick a later day and a time, for example: "
            + EXAMPLE
            + ".");
  }

  static Refused whatTime(String dateText, LocalDate date, ZonedDateTime now) {
    return refused(
        Reason.NO_TIME,
        "What time on " + day(date, now) + "? For example: " + example(dateText, date));
  }

  static Refused tooFarAhead(LocalDate date, ZonedDateTime now) {
    return refused(
        Reason.TOO_FAR_AHEAD,
        day(date, now)
            + " is more than a year ahead. Pick a day within the next year, for example: "
            + EXAMPLE
            + ".");
  }

  private static String day(LocalDate date, ZonedDateTime now) {
    return (date.getYear() == now.getYear() ? DAY : DAY_OF_ANOTHER_YEAR).format(date);
  }

  /**
   * The writer's own words for the day with a time added, when they are short and plain enough to
   * show; otherwise the day as "Dec 3" ("tomorrow 1430" would make a poor example).
   */
  private static String example(String dateText, LocalDate date) {
    String plain = clean(dateText);
    boolean usable = plain.length() <= 40 && plain.equals(dateText) && !DIGIT.matcher(plain).find();
    return "`" + (usable ? plain + " 3pm" : SHORT_DATE.format(date) + " at 3pm") + "`";
  }

  /**
   * A short, quoted piece of user text, safe inside a Slack message: no mrkdwn, no {@code <!here>}
   * or other markup, at most 40 characters.
   */
  private static String quote(String text) {
    String plain = clean(text);
    int cut = plain.offsetByCodePoints(0, Math.min(40, plain.codePointCount(0, plain.length())));
    return "\u201c" + plain.substring(0, cut) + (cut < plain.length() ? "\u2026" : "") + "\u201d";
  }

  private static String clean(String text) {
    return text.replaceAll("[<>&`*_~|\\p{Cntrl}\\p{Cf}\\p{Cs}]", " ")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
