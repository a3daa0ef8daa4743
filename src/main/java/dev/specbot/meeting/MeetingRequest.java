package dev.specbot.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ocpsoft.prettytime.nlp.PrettyTimeParser;
import org.ocpsoft.prettytime.nlp.parse.DateGroup;

/** What a written request for a meeting means, in the writer's own time zone. */
public final class MeetingRequest {

  /** What a request means: a time to propose, or why there is none. */
  public sealed interface Parsed permits Proposal, Refused {}

  /**
   * A meeting time to echo back for confirmation.
   *
   * @param start minute precision, in the writer's zone
   * @param duration present only if written
   * @param attendeeIds Slack user ids mentioned as {@code <@U..>} or {@code <@U..|name>}, in order,
   *     no duplicates
   */
  public record Proposal(ZonedDateTime start, Optional<Duration> duration, List<String> attendeeIds)
      implements Parsed {
    public Proposal {
      Objects.requireNonNull(start, "null start");
      Objects.requireNonNull(duration, "null duration");
      attendeeIds = List.copyOf(attendeeIds);
    }
  }

  /**
   * A request that names no usable time.
   *
   * @param reason why
   * @param message a plain sentence for the user saying what was wrong and what to write instead,
   *     with an example
   */
  public record Refused(Reason reason, String message) implements Parsed {
    public Refused {
      Objects.requireNonNull(reason, "null reason");
      Objects.requireNonNull(message, "null message");
    }
  }

  /** Why a request was refused. */
  public enum Reason {
    /** Nothing in the text reads as a day, a time, a length or an attendee: talk, not a request. */
    NOTHING_TIMELIKE,
    NOT_UNDERSTOOD,
    NO_TIME,
    IN_THE_PAST,
    TOO_FAR_AHEAD,
    BAD_DURATION
  }

  /** Longer than any meeting request; also keeps regular expressions on user text cheap. */
  private static final int MAX_TEXT = 2_000;

  /** prettytime takes a quarter of a second on 100 characters of digits; a date is shorter. */
  private static final int MAX_DATE_TEXT = 100;

  private static final String MENTION = "<@([UW][A-Z0-9]+)(?:\\|[^<>]*)?>";
  private static final Pattern ONE_MENTION = Pattern.compile(MENTION);

  /** A run of mentions with the "with", "and" and commas that join them. */
  private static final Pattern MENTIONS =
      Pattern.compile(
          "(?i:\\bwith\\s+)?"
              + MENTION
              + "(?:\\s*(?:,|(?i:\\band\\b)|&amp;|&)?\\s*"
              + MENTION
              + ")*(?:\\s*,)?");

  // "at" stays when a number follows: in "meet at 9" it is what makes 9 a time of day.
  private static final Pattern COMMAND =
      Pattern.compile(
          "^\\s*(?:(?:meeting|meet|schedule|reschedule|move\\s+it|move|discussion)\\b[\\s:,]*)+"
              + "(?:(?:to|for|on)\\b|at\\b(?!\\s*\\d))?",
          Pattern.CASE_INSENSITIVE);

  /**
   * "3/12" and "3.12." are 3 December in much of the world, 12 March to prettytime, and "9.30" may
   * be a time.
   */
  private static final Pattern NUMERIC_DATE = Pattern.compile("\\b\\d{1,2}[./]\\d{1,2}\\b");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");
  private static final Pattern DIGIT = Pattern.compile("\\d");
  private static final Pattern YEAR = Pattern.compile("\\b\\d{4}\\b");

  private static final String MONTHS =
      "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
  private static final Pattern MONTH =
      Pattern.compile("\\b(?:" + MONTHS + ")\\b", Pattern.CASE_INSENSITIVE);

  /** Words that change the date: prettytime must have read them, or the date may be wrong. */
  private static final Pattern DATE_WORD =
      Pattern.compile(
          "mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?"
              + "|sat(?:urday)?|sun(?:day)?|today|tomorrow|tonight|yesterday"
              + "|days?|weeks?|fortnight|months?|years?|next|last|after|before|"
              + MONTHS,
          Pattern.CASE_INSENSITIVE);

  /** Words that may stand beside a time without naming a day. */
  private static final Set<String> FILLERS =
      Set.of(
          "at",
          "on",
          "around",
          "about",
          "by",
          "the",
          "this",
          "please",
          "pls",
          "then",
          "ok",
          "okay",
          "and",
          "with",
          "meeting",
          "meet",
          "discussion",
          "call",
          "sync",
          "let's",
          "lets",
          "let’s");

  private MeetingRequest() {}

  /**
   * Reads a request such as "meeting next Tuesday 3pm" written at {@code now} in {@code zone};
   * never throws on any text, null included.
   */
  public static Parsed parse(String text, ZoneId zone, Instant now) {
    Objects.requireNonNull(zone, "null zone");
    Objects.requireNonNull(now, "null now");
    if (text == null || text.isBlank()) {
      return Refusals.nothingWritten();
    }
    if (text.length() > MAX_TEXT) {
      return Refusals.tooLong();
    }
    try {
      return read(text, zone, now);
    } catch (RuntimeException e) {
      // A last guard: whatever people type, a surprise in the parsing must reach the writer as
      // a refusal, not as a stack trace.
      return Refusals.notUnderstood(text);
    }
  }

  private static Parsed read(String text, ZoneId zone, Instant now) {
    List<String> attendees = mentions(text);
    DurationPhrase.Reading length = DurationPhrase.read(MENTIONS.matcher(text).replaceAll(" "));
    if (length.unusable().isPresent()) {
      return Refusals.badDuration(length.unusable().get());
    }
    String rest = COMMAND.matcher(length.rest()).replaceFirst(" ");
    ClockTime.Reading clock = ClockTime.read(rest);
    if (clock.problem().isPresent()) {
      return Refusals.unusableTime(clock.problem().get());
    }
    Parsed when = when(text, clock, squash(clock.rest()), zone, now);
    if (when instanceof Proposal p) {
      return new Proposal(p.start(), length.duration(), attendees);
    }
    if (when instanceof Refused r
        && r.reason() == Reason.NOTHING_TIMELIKE
        && (length.duration().isPresent() || !attendees.isEmpty())) {
      // A length or a guest says it was meant as a request, missing its day.
      return new Refused(Reason.NOT_UNDERSTOOD, r.message());
    }
    return when;
  }

  private static List<String> mentions(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = ONE_MENTION.matcher(text);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return List.copyOf(ids);
  }

  /** The start from the time of day and the date text, checked against now. */
  private static Parsed when(
      String text, ClockTime.Reading clock, String dateText, ZoneId zone, Instant now) {
    if (dateText.length() > MAX_DATE_TEXT) {
      return Refusals.tooLong();
    }
    Matcher numeric = NUMERIC_DATE.matcher(dateText);
    if (numeric.find()) {
      return Refusals.dayOrTime(numeric.group());
    }
    DateReading date = date(dateText, zone, now);
    if (date.problem().isPresent()) {
      Refused problem = date.problem().get();
      boolean timed = clock.time().isPresent() || clock.offset().isPresent();
      return timed && problem.reason() == Reason.NOTHING_TIMELIKE
          ? new Refused(Reason.NOT_UNDERSTOOD, problem.message())
          : problem;
    }
    if (clock.offset().isPresent()) {
      return fromNow(clock.offset().get(), date, zone, now);
    }
    if (clock.time().isEmpty()) {
      return noTime(text, dateText, date.date(), zone, now);
    }
    LocalDate day = date.date().orElse(now.atZone(zone).toLocalDate());
    // ZonedDateTime.of moves a time in a spring-forward gap (02:30) to after it (03:30), and
    // takes the earlier of an autumn overlap's two 02:30s.
    return checked(text, ZonedDateTime.of(day, clock.time().get(), zone), now);
  }

  private static Parsed fromNow(Duration offset, DateReading date, ZoneId zone, Instant now) {
    if (date.date().isPresent()) {
      return Refusals.dayAndTimeFromNow();
    }
    ZonedDateTime start = now.plus(offset).atZone(zone).truncatedTo(ChronoUnit.MINUTES);
    return checked("", start, now);
  }

  private static Parsed checked(String text, ZonedDateTime start, Instant now) {
    ZonedDateTime today = now.atZone(start.getZone());
    if (!start.toInstant().isAfter(now)) {
      return Refusals.inThePast(start, today, monthWithoutYear(text));
    }
    if (start.isAfter(today.plusYears(1))) {
      return Refusals.tooFarAhead(start.toLocalDate(), today);
    }
    return new Proposal(start, Optional.empty(), List.of());
  }

  /** Whether the text names a month but no year, so a day already past may mean next year's. */
  private static boolean monthWithoutYear(String text) {
    return MONTH.matcher(text).find() && !YEAR.matcher(text).find();
  }

  /**
   * The date a text names, if any.
   *
   * @param date the day, in the writer's zone; empty when no day was written
   * @param problem a refusal, when the text has words that are not a date
   */
  private record DateReading(Optional<LocalDate> date, Optional<Refused> problem) {
    static DateReading none() {
      return new DateReading(Optional.empty(), Optional.empty());
    }

    static DateReading refusal(Refused refused) {
      return new DateReading(Optional.empty(), Optional.of(refused));
    }
  }

  private static DateReading date(String dateText, ZoneId zone, Instant now) {
    List<String> words = words(dateText);
    words.removeIf(w -> FILLERS.contains(w.toLowerCase(Locale.ROOT)));
    if (words.isEmpty()) {
      return DateReading.none();
    }
    // prettytime speaks java.util.Date. The two-argument parse takes the reference instant, and
    // the TimeZone given to the constructor is the one its calendar arithmetic runs in, so the
    // answer depends on now and zone only (the tests check this under other default zones).
    PrettyTimeParser parser = new PrettyTimeParser(TimeZone.getTimeZone(zone));
    try {
      List<Date> dates = parser.parse(dateText, Date.from(now));
      return oneDate(dateText, words, dates, parser.parseSyntax(dateText), zone);
    } catch (RuntimeException | AssertionError e) {
      // The parser inside prettytime checks its input with assert ("9999-12-31" trips one when
      // assertions are on, as under test); either way the writer gets a refusal.
      return DateReading.refusal(Refusals.notUnderstood(dateText));
    }
  }

  private static DateReading oneDate(
      String dateText, List<String> words, List<Date> dates, List<DateGroup> groups, ZoneId zone) {
    if (dates.isEmpty()) {
      return DateReading.refusal(Refusals.nothingTimelike(dateText));
    }
    if (dates.size() > 1) {
      return DateReading.refusal(Refusals.moreThanOneDay(dateText));
    }
    Optional<String> unread = unread(words, groups);
    if (unread.isPresent()) {
      return DateReading.refusal(Refusals.unplaced(unread.get()));
    }
    // prettytime fills in the reference's time of day when none is written, and drops some that
    // are ("in 3 days at 11am"); the time comes from ClockTime, so only the day is kept.
    LocalDate day = dates.get(0).toInstant().atZone(zone).toLocalDate();
    return new DateReading(Optional.of(day), Optional.empty());
  }

  /**
   * The first word with a digit, or naming a day, that prettytime did not read: "tuesday 24th"
   * would otherwise be read as the next Tuesday, and "24.11." as 11 o'clock today.
   */
  private static Optional<String> unread(List<String> words, List<DateGroup> groups) {
    // parseSyntax runs against the machine clock, so only the words it matched are used here,
    // never its dates.
    Set<String> matched = new LinkedHashSet<>();
    for (DateGroup group : groups) {
      for (String word : words(group.getText())) {
        matched.add(word.toLowerCase(Locale.ROOT));
      }
    }
    return words.stream()
        .filter(w -> DIGIT.matcher(w).find() || DATE_WORD.matcher(w).matches())
        .filter(w -> !matched.contains(w.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  private static Parsed noTime(
      String text, String dateText, Optional<LocalDate> date, ZoneId zone, Instant now) {
    if (date.isEmpty()) {
      return Refusals.nothingTimelike(text);
    }
    ZonedDateTime today = now.atZone(zone);
    if (date.get().isBefore(today.toLocalDate())) {
      return Refusals.dayPassed(date.get(), today);
    }
    if (date.get().isAfter(today.plusYears(1).toLocalDate())) {
      return Refusals.tooFarAhead(date.get(), today);
    }
    return Refusals.whatTime(dateText, date.get(), today);
  }

  private static String squash(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    return words;
  }
}
