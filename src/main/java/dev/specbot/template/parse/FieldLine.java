package dev.specbot.template.parse;

import dev.specbot.template.FieldKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One metadata line such as {@code **Drafter**: <!-- Your name -->} or {@code >Title:
 * [ProjectName]}: the markup around its label is kept and only the value is replaced.
 *
 * @param lead what precedes the label: indentation or a quote marker
 * @param labelMarkup the label as written, with its emphasis and colon
 * @param label the label as a reader sees it
 * @param value the template's value, as written
 * @param lineEnd trailing spaces that make a hard line break, kept
 */
public record FieldLine(
    String lead, String labelMarkup, String label, String value, String lineEnd) {
  private static final Pattern LINE =
      Pattern.compile(
          "^(?<lead>[ \\t]{0,3}(?:>[ \\t]?)?)"
              + "(?<markup>\\*\\*(?<l1>[\\p{L}][^*:\\n]{0,39})\\*\\*[ \\t]*:"
              + "|\\*\\*(?<l2>[\\p{L}][^*:\\n]{0,39}):\\*\\*"
              + "|__(?<l3>[\\p{L}][^_:\\n]{0,39})__[ \\t]*:"
              + "|(?<l4>[\\p{L}][\\p{L}\\p{N} /&'().-]{0,39}):)"
              // The value runs to the end; its trailing blanks are split off by hand, since a lazy
              // value before "[ \t]*$" tried every blank of a long run against the rest of it.
              + "(?<value>.*)$");

  /** Labels the bot knows how to fill, lower-cased. */
  private static final Map<String, FieldKind> KNOWN =
      Map.ofEntries(
          Map.entry("title", FieldKind.TITLE),
          Map.entry("drafter", FieldKind.DRAFTER),
          Map.entry("author", FieldKind.DRAFTER),
          Map.entry("authors", FieldKind.AUTHORS),
          Map.entry("co-authors", FieldKind.AUTHORS),
          Map.entry("contributors", FieldKind.AUTHORS),
          Map.entry("written by", FieldKind.DRAFTER),
          Map.entry("drafted by", FieldKind.DRAFTER),
          Map.entry("created by", FieldKind.DRAFTER),
          Map.entry("created", FieldKind.CREATED),
          Map.entry("created on", FieldKind.CREATED),
          Map.entry("date created", FieldKind.CREATED),
          Map.entry("date", FieldKind.CREATED),
          Map.entry("last updated", FieldKind.UPDATED),
          Map.entry("updated", FieldKind.UPDATED),
          Map.entry("last modified", FieldKind.UPDATED),
          Map.entry("status", FieldKind.STATUS),
          Map.entry("discussion meeting", FieldKind.MEETING),
          Map.entry("discussion", FieldKind.MEETING),
          Map.entry("meeting", FieldKind.MEETING),
          Map.entry("review meeting", FieldKind.MEETING));

  static Optional<FieldLine> parse(String line) {
    Matcher matcher = LINE.matcher(line);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String label =
        firstNonNull(
            matcher.group("l1"), matcher.group("l2"), matcher.group("l3"), matcher.group("l4"));
    String rest = matcher.group("value");
    int valueEnd = rest.length();
    while (valueEnd > 0
        && (rest.charAt(valueEnd - 1) == ' ' || rest.charAt(valueEnd - 1) == '\t')) {
      valueEnd--;
    }
    return Optional.of(
        new FieldLine(
            matcher.group("lead"),
            matcher.group("markup"),
            label.strip(),
            rest.substring(0, valueEnd).strip(),
            rest.length() - valueEnd >= 2 ? "  " : ""));
  }

  /** Whether every non-blank line of a block is a metadata line. */
  static boolean allFields(List<String> lines) {
    return lines.stream().filter(line -> !line.isBlank()).allMatch(line -> parse(line).isPresent())
        && lines.stream().anyMatch(line -> !line.isBlank());
  }

  /**
   * The kind of value the bot fills for a label, from the template's overrides or the known labels.
   *
   * @param overrides the {@code fields} overrides by label, stripped and lower-cased
   */
  static Optional<FieldKind> knownKind(String label, Map<String, String> overrides) {
    String key = label.strip().toLowerCase(Locale.ROOT);
    String override = overrides.get(key);
    return override != null ? kindNamed(override) : Optional.ofNullable(KNOWN.get(key));
  }

  /**
   * The field kind an override names ({@code drafter}, ...), or empty for {@code ask}/{@code keep}.
   */
  static Optional<FieldKind> kindNamed(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    for (FieldKind kind : FieldKind.values()) {
      if (kind.name().equals(upper)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("the pattern matched no label");
  }
}
