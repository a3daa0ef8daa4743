package dev.specbot.meeting;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of day written in a meeting request ("3pm", "15:00", "noon", "at 9"), or an offset from
 * now ("in 2 hours").
 *
 * <p>Read here rather than by prettytime, which is left only the date: prettytime drops a time
 * written after a relative date ("in 3 days at 11am" comes back at the reference's time of day),
 * reads "in 1.5 hours" as five hours, and takes "at 3" as 03:00 without a word.
 */
final class ClockTime {

  /** Why a time that is there cannot be used. */
  enum Trouble {
    /** Like "25:00" or "13pm". */
    NOT_A_TIME,
    /** Like "at 3" or "tonight at 8": morning or afternoon? */
    AM_OR_PM,
    /** Two different times, or a time of day and an offset from now. */
    MORE_THAN_ONE
  }

  /**
   * A time that is there but cannot be used.
   *
   * @param trouble what is wrong
   * @param written the words at fault
   */
  record Problem(Trouble trouble, String written) {}

  /**
   * What the text says about the time of day.
   *
   * @param time the time of day, if one was written
   * @param offset how long from now, when written as "in 2 hours"
   * @param problem why the time cannot be used, if it cannot
   * @param rest the text with the times and offsets taken out, for the date parser
   */
  record Reading(
      Optional<LocalTime> time,
      Optional<Duration> offset,
      Optional<Problem> problem,
      String rest) {}

  // "at", "around" and "@" before a time go with it: left behind they would be stray words for
  // the date parser.
  private static final String LEAD = "(?:(?:\\bat|\\baround|@)\\s*)?";

  private static final Pattern TIME =
      Pattern.compile(
          LEAD
              + "(?:"
              // 3pm, 3 pm, 10:30pm, 9.30am, 3:00 p.m.
              + "\\b(?<h12>\\d{1,2})(?:[:.](?<m12>\\d{2}))?\\s*(?<ap>[ap])\\.?\\s?m\\b\\.?"
              // 15:00, 10:30, 09:15
              + "|\\b(?<h24>\\d{1,2}):(?<m24>\\d{2})\\b(?![:.]?\\d)"
              // at 9.30 (a dot only after "at": "3.12" alone is a date in much of Europe)
              + "|(?<=\\bat\\s{1,9})(?<hd>\\d{1,2})\\.(?<md>\\d{2})\\b(?![.,/-]?\\d)"
              // noon, 12 noon, midday, midnight
              + "|(?:\\b12\\s*)?\\b(?<word>noon|midday|midnight)\\b"
              // 9 o'clock
              + "|\\b(?<hoc>\\d{1,2})\\s*o['\u2019]?\\s?clock\\b"
              // at 9 (not "at 9th", "at 9/12")
              + "|(?<=\\bat\\s{1,9})(?<hat>\\d{1,2})\\b(?![:.,/-]?\\d)(?!\\s*(?:st|nd|rd|th)\\b)"
              + ")",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern OFFSET =
      Pattern.compile(
          "(?<in>\\bin\\s+)?\\b(?<n>\\d{1,5}(?:[.,]\\d{1,2})?|an?|one|two|three|half\\s+an)"
              + "\\s*(?<u>hours?|hrs?|h|minutes?|mins?|m)\\b(?<fromnow>\\s+from\\s+now\\b)?",
          Pattern.CASE_INSENSITIVE);

  /** Parts of the day after noon: with one, a bare "at 8" could mean 08:00 or 20:00. */
  private static final Pattern LATE_PART_OF_DAY =
      Pattern.compile("\\b(?:afternoon|evening|night|tonight)\\b", Pattern.CASE_INSENSITIVE);

  private ClockTime() {}

  /** Finds the time of day or the offset from now in the text. */
  static Reading read(String text) {
    List<LocalTime> times = new ArrayList<>();
    List<String> written = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    boolean late = LATE_PART_OF_DAY.matcher(text).find();
    StringBuilder rest = new StringBuilder();
    Matcher m = TIME.matcher(text);
    while (m.find()) {
      m.appendReplacement(rest, " ");
      take(m, late, times, problems);
      written.add(m.group().trim());
    }
    m.appendTail(rest);
    return withOffset(times, written, problems, rest.toString());
  }

  private static void take(Matcher m, boolean late, List<LocalTime> times, List<Problem> problems) {
    String written = m.group().trim();
    Optional<LocalTime> time = time(m);
    if (time.isEmpty()) {
      problems.add(new Problem(Trouble.NOT_A_TIME, written));
    } else if (isAmbiguous(m) || (late && isBareMorningHour(m, time.get()))) {
      problems.add(new Problem(Trouble.AM_OR_PM, written));
    } else if (!times.contains(time.get())) {
      times.add(time.get());
    }
  }

  private static Reading withOffset(
      List<LocalTime> times, List<String> written, List<Problem> problems, String text) {
    List<Duration> offsets = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher m = OFFSET.matcher(text);
    while (m.find()) {
      // A bare "45 minutes" is no offset: left in place, it fails the date coverage check.
      if (m.group("in") != null || m.group("fromnow") != null) {
        m.appendReplacement(rest, " ");
        offsets.add(offset(m));
        written.add(m.group().trim());
      }
    }
    m.appendTail(rest);
    if (times.size() + offsets.size() > 1) {
      problems.add(new Problem(Trouble.MORE_THAN_ONE, String.join(", ", written)));
    }
    return new Reading(
        times.stream().findFirst(),
        offsets.stream().findFirst(),
        problems.stream().findFirst(),
        rest.toString());
  }

  private static Optional<LocalTime> time(Matcher m) {
    if (m.group("h12") != null) {
      int hour = Integer.parseInt(m.group("h12"));
      int minute = m.group("m12") == null ? 0 : Integer.parseInt(m.group("m12"));
      boolean pm = m.group("ap").equalsIgnoreCase("p");
      return hour < 1 || hour > 12 ? Optional.empty() : of(hour % 12 + (pm ? 12 : 0), minute);
    }
    if (m.group("h24") != null) {
      return of(Integer.parseInt(m.group("h24")), Integer.parseInt(m.group("m24")));
    }
    if (m.group("hd") != null) {
      return of(Integer.parseInt(m.group("hd")), Integer.parseInt(m.group("md")));
    }
    if (m.group("word") != null) {
      boolean midnight = m.group("word").equalsIgnoreCase("midnight");
      return Optional.of(midnight ? LocalTime.MIDNIGHT : LocalTime.NOON);
    }
    return of(Integer.parseInt(bareHour(m)), 0);
  }

  private static Optional<LocalTime> of(int hour, int minute) {
    boolean valid = hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59;
    return valid ? Optional.of(LocalTime.of(hour, minute)) : Optional.empty();
  }

  /** "at 3", "3 o'clock" and "3:30" could be night or afternoon; "03:30", "9", "15:00" cannot. */
  private static boolean isAmbiguous(Matcher m) {
    if (m.group("ap") != null || m.group("word") != null) {
      return false;
    }
    String hour = hourDigits(m);
    int value = Integer.parseInt(hour);
    return !hour.startsWith("0") && value >= 1 && value <= 7;
  }

  /** Whether a time without am/pm reads as morning: "tonight at 8" means 20:00, not 08:00. */
  private static boolean isBareMorningHour(Matcher m, LocalTime time) {
    boolean bare = m.group("ap") == null && m.group("word") == null;
    return bare && time.getHour() < 12 && !hourDigits(m).startsWith("0");
  }

  private static String hourDigits(Matcher m) {
    for (String group : List.of("h24", "hd", "hoc")) {
      if (m.group(group) != null) {
        return m.group(group);
      }
    }
    return m.group("hat");
  }

  private static String bareHour(Matcher m) {
    return m.group("hoc") != null ? m.group("hoc") : m.group("hat");
  }

  private static Duration offset(Matcher m) {
    String amount = m.group("n").toLowerCase(Locale.ROOT).replace(',', '.');
    double value =
        switch (amount.replaceAll("\\s+", " ")) {
          case "a", "an", "one" -> 1;
          case "two" -> 2;
          case "three" -> 3;
          case "half an" -> 0.5;
          default -> Double.parseDouble(amount);
        };
    boolean hours = m.group("u").toLowerCase(Locale.ROOT).startsWith("h");
    return Duration.ofSeconds(Math.round(value * (hours ? 3600 : 60)));
  }
}
