package dev.specbot.template;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template placeholders such as {@code [Issue Title]}, {@code <Project / Feature Name>} or {@code
 * {{name}}}.
 */
final class Placeholders {
  /** A bracketed, angled or braced placeholder; a {@code [text](url)} link is not one. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\\\?\\[[^\\[\\]\\n]+?\\\\?\\](?!\\()|<(?![!/])[^<>\\n]+>|\\{\\{[^{}\\n]+\\}\\}");

  private static final Pattern TRAILING_TEMPLATE_WORD =
      Pattern.compile("\\s*[-–—:]?\\s*\\btemplate\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ENDS_WITH_TITLE_WORD = Pattern.compile("(?i).*\\btitle\\s*$");
  private static final Pattern BLANKISH =
      Pattern.compile("(?i)\\s*(<!--.*-->)?\\s*(tbd|todo|n/a|\\.\\.\\.|…)?\\s*");

  private Placeholders() {}

  static boolean in(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /**
   * Whether a metadata value still waits for the writer: blank, a comment, a placeholder or "TBD".
   */
  static boolean awaitsWriter(String value) {
    return in(value) || BLANKISH.matcher(value).matches() || value.contains("<!--");
  }

  /**
   * Replaces the run from the first placeholder to the last with {@code replacement}, so that
   * {@code [ProjectName] – [FeatureName] Feature Plan} becomes {@code Payment retries Feature
   * Plan}.
   */
  static Optional<String> replaceRun(String text, String replacement) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    if (!matcher.find()) {
      return Optional.empty();
    }
    int start = matcher.start();
    int end = matcher.end();
    while (matcher.find()) {
      end = matcher.end();
    }
    return Optional.of(text.substring(0, start) + replacement + text.substring(end));
  }

  /**
   * The document title a title heading becomes. A placeholder run takes the title; a heading that
   * only names itself ("Tech Spec Title") is replaced; any other heading is kept with the title
   * after it. A trailing "Template" goes, since the finished document is not one.
   */
  static String titleHeading(String headingText, String escapedTitle) {
    Optional<String> filled = replaceRun(headingText, escapedTitle);
    if (filled.isPresent()) {
      return TRAILING_TEMPLATE_WORD.matcher(filled.get()).replaceFirst("").strip();
    }
    String withoutTemplate = TRAILING_TEMPLATE_WORD.matcher(headingText).replaceFirst("").strip();
    if (withoutTemplate.isEmpty() || ENDS_WITH_TITLE_WORD.matcher(withoutTemplate).matches()) {
      return escapedTitle;
    }
    return withoutTemplate + ": " + escapedTitle;
  }

  /** The first option of a status placeholder such as {@code [DRAFT/APPROVED]}, or empty. */
  static Optional<String> firstOption(String value) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String inner = matcher.group().replaceAll("^[\\\\\\[<{]+|[\\\\\\]>}]+$", "");
    String first = inner.split("[/|,]", 2)[0].strip();
    return first.isEmpty() ? Optional.empty() : Optional.of(first);
  }

  /** The text inside a placeholder, lower-cased: {@code [Tech Lead]} gives {@code tech lead}. */
  static Optional<String> innerLabel(String cell) {
    Matcher matcher = PLACEHOLDER.matcher(cell.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String inner = matcher.group().replaceAll("^[\\\\\\[<{]+|[\\\\\\]>}]+$", "");
    return Optional.of(inner.strip().toLowerCase(Locale.ROOT));
  }
}
