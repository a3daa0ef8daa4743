package dev.specbot.meeting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a meeting request says the meeting lasts: "for 45 minutes", "for an hour", "for 1h30".
 *
 * <p>Taken out before the date is parsed, because prettytime reads "45 minutes" as 45 minutes from
 * now.
 */
final class DurationPhrase {

  static final Duration SHORTEST = Duration.ofMinutes(5);
  static final Duration LONGEST = Duration.ofHours(8);

  /**
   * The length found in a text.
   *
   * @param duration the length, when one usable length was written
   * @param unusable the words of a length that cannot be used (out of range, or a second one)
   * @param rest the text with the length taken out
   */
  record Reading(Optional<Duration> duration, Optional<String> unusable, String rest) {}

  private static final Map<String, BigDecimal> WORDS =
      Map.ofEntries(
          Map.entry("a", BigDecimal.ONE),
          Map.entry("an", BigDecimal.ONE),
          Map.entry("one", BigDecimal.ONE),
          Map.entry("two", BigDecimal.valueOf(2)),
          Map.entry("three", BigDecimal.valueOf(3)),
          Map.entry("four", BigDecimal.valueOf(4)),
          Map.entry("five", BigDecimal.valueOf(5)),
          Map.entry("six", BigDecimal.valueOf(6)),
          Map.entry("seven", BigDecimal.valueOf(7)),
          Map.entry("eight", BigDecimal.valueOf(8)),
          Map.entry("nine", BigDecimal.valueOf(9)),
          Map.entry("ten", BigDecimal.TEN),
          Map.entry("fifteen", BigDecimal.valueOf(15)),
          Map.entry("twenty", BigDecimal.valueOf(20)),
          Map.entry("thirty", BigDecimal.valueOf(30)),
          Map.entry("forty-five", BigDecimal.valueOf(45)),
          Map.entry("forty five", BigDecimal.valueOf(45)),
          Map.entry("sixty", BigDecimal.valueOf(60)),
          Map.entry("ninety", BigDecimal.valueOf(90)));

  private static final String NUMBER =
      "\\d+(?:[.,]\\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen"
          + "|twenty|thirty|forty[- ]five|sixty|ninety";
  private static final String HOURS = "(?:hours?|hrs?|h)";
  private static final String MINUTES = "(?:minutes?|mins?|m)";
  private static final String AND_A_HALF = "\\s+and\\s+a\\s+half";

  private static final Pattern PHRASE =
      Pattern.compile(
          "\\bfor\\s+(?:"
              + "(?<half>half\\s+an\\s+hour)"
              // 1h30, 1h30m
              + "|(?<hh>\\d{1,2})h(?<hm>\\d{1,2})m?"
              // 2 hours, 1.5 hours, an hour and a half, 1 hour 30 minutes, 1 hour and 30 min
              + "|(?<h>"
              + NUMBER
              + ")(?<half1>"
              + AND_A_HALF
              + ")?\\s*"
              + HOURS
              + "(?<half2>"
              + AND_A_HALF
              + ")?(?:\\s*(?:and\\s+)?(?<m2>\\d{1,2})\\s*"
              + MINUTES
              + ")?"
              // 45 minutes, 45 min, 45m
              + "|(?<m>"
              + NUMBER
              + ")\\s*"
              + MINUTES
              // a length no meeting has: recognised so that the refusal can say so
              + "|(?<long>"
              + NUMBER
              + ")\\s*(?:days?|weeks?|months?|years?)"
              + ")(?![\\w:])",
          Pattern.CASE_INSENSITIVE);

  private DurationPhrase() {}

  /** Finds the length written in the text, if any. */
  static Reading read(String text) {
    List<Optional<Duration>> found = new ArrayList<>();
    List<String> written = new ArrayList<>();
    StringBuilder rest = new StringBuilder();
    Matcher m = PHRASE.matcher(text);
    while (m.find()) {
      m.appendReplacement(rest, " ");
      found.add(length(m));
      written.add(m.group().trim());
    }
    m.appendTail(rest);
    return reading(found, written, rest.toString());
  }

  private static Reading reading(
      List<Optional<Duration>> found, List<String> written, String rest) {
    if (found.isEmpty()) {
      return new Reading(Optional.empty(), Optional.empty(), rest);
    }
    if (found.size() > 1 || found.get(0).isEmpty()) {
      return new Reading(Optional.empty(), Optional.of(String.join(", ", written)), rest);
    }
    return new Reading(found.get(0), Optional.empty(), rest);
  }

  /** The length in whole minutes, or empty when it is outside what a meeting may last. */
  private static Optional<Duration> length(Matcher m) {
    if (m.group("long") != null) {
      return Optional.empty();
    }
    BigDecimal minutes = minutes(m).setScale(0, RoundingMode.HALF_UP);
    boolean inRange =
        minutes.compareTo(BigDecimal.valueOf(SHORTEST.toMinutes())) >= 0
            && minutes.compareTo(BigDecimal.valueOf(LONGEST.toMinutes())) <= 0;
    return inRange ? Optional.of(Duration.ofMinutes(minutes.longValueExact())) : Optional.empty();
  }

  private static BigDecimal minutes(Matcher m) {
    if (m.group("half") != null) {
      return BigDecimal.valueOf(30);
    }
    if (m.group("hh") != null) {
      return hours(new BigDecimal(m.group("hh"))).add(new BigDecimal(m.group("hm")));
    }
    if (m.group("m") != null) {
      return number(m.group("m"));
    }
    BigDecimal hours = number(m.group("h"));
    if (m.group("half1") != null || m.group("half2") != null) {
      hours = hours.add(new BigDecimal("0.5"));
    }
    BigDecimal extra = m.group("m2") == null ? BigDecimal.ZERO : new BigDecimal(m.group("m2"));
    return hours(hours).add(extra);
  }

  private static BigDecimal hours(BigDecimal hours) {
    return hours.multiply(BigDecimal.valueOf(60));
  }

  private static BigDecimal number(String written) {
    String word = written.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    BigDecimal value = WORDS.get(word);
    return value != null ? value : new BigDecimal(word.replace(',', '.'));
  }
}
