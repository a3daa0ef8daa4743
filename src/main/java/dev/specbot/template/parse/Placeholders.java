package dev.specbot.template.parse;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template placeholders such as {@code [Issue Title]}, {@code <Project / Feature Name>} or {@code
 * {{name}}}.
 */
public final class Placeholders {
  /** A bracketed, angled or braced placeholder; a {@code [text](url)} link is not one. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "\\\\?\\[[^\\[\\]\\n]+?\\\\?\\](?!\\()|<(?![!/])[^<>\\n]+>|\\{\\{[^{}\\n]+\\}\\}");

  /**
   * Possessive blanks: with plain {@code \s*}, a value of blanks and a word was tried with its
   * blanks split every way before it failed to match.
   */
  private static final Pattern BLANKISH =
      Pattern.compile("(?i)\\s*+(<!--.*-->)?\\s*+(tbd|todo|n/a|\\.\\.\\.|…)?\\s*+");

  private static final String TITLE_DASHES = "-–—:";
  private static final String OPENERS = "\\[<{";
  private static final String CLOSERS = "\\]>}";

  private Placeholders() {}

  static boolean in(String text) {
    return PLACEHOLDER.matcher(text).find();
  }

  /**
   * Whether a metadata value still waits for the writer: blank, a comment, a placeholder or "TBD".
   */
  public static boolean awaitsWriter(String value) {
    return in(value) || BLANKISH.matcher(value).matches() || value.contains("<!--");
  }

  /**
   * Replaces the run from the first placeholder to the last with {@code replacement}, so that
   * {@code [ProjectName] – [FeatureName] Feature Plan} becomes {@code Payment retries Feature
   * Plan}.
   */
  public static Optional<String> replaceRun(String text, String replacement) {
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
  public static String titleHeading(String headingText, String escapedTitle) {
    Optional<String> filled = replaceRun(headingText, escapedTitle);
    if (filled.isPresent()) {
      return withoutTemplateWord(filled.get()).strip();
    }
    String withoutTemplate = withoutTemplateWord(headingText).strip();
    if (withoutTemplate.isEmpty() || trailingWord(withoutTemplate, "title") >= 0) {
      return escapedTitle;
    }
    return withoutTemplate + ": " + escapedTitle;
  }

  /**
   * The text without a last word "Template" and the dash or colon before it: "Feature Plan –
   * Template" gives "Feature Plan".
   *
   * <p>Read from the end by hand: the pattern {@code \s*[-–—:]?\s*\btemplate\s*$} it replaces tried
   * every blank of a run as a start and every split of the run after it, time that grew with the
   * cube of a run of blanks in a title.
   */
  static String withoutTemplateWord(String text) {
    int start = trailingWord(text, "template");
    if (start < 0) {
      return text;
    }
    int end = skipBlanksBack(text, start);
    if (end > 0 && TITLE_DASHES.indexOf(text.charAt(end - 1)) >= 0) {
      end = skipBlanksBack(text, end - 1);
    }
    return text.substring(0, end);
  }

  /**
   * Where {@code word} (lower case) starts when it is the text's last word, ignoring case and the
   * blanks after it; -1 when it is not.
   */
  static int trailingWord(String text, String word) {
    int end = skipBlanksBack(text, text.length());
    int start = end - word.length();
    if (start < 0 || (start > 0 && isWordCharacter(text.charAt(start - 1)))) {
      return -1;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = text.charAt(start + i);
      if (c != word.charAt(i) && !(c < 128 && Character.toLowerCase(c) == word.charAt(i))) {
        return -1;
      }
    }
    return start;
  }

  /** Where a run of blanks ({@code \s}: spaces, tabs, line breaks) before {@code end} starts. */
  private static int skipBlanksBack(String text, int end) {
    int i = end;
    while (i > 0 && " \t\n\u000B\f\r".indexOf(text.charAt(i - 1)) >= 0) {
      i--;
    }
    return i;
  }

  /** A character a regular expression's {@code \b} counts as part of a word. */
  private static boolean isWordCharacter(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** A placeholder without its brackets: {@code [Tech Lead]} gives {@code Tech Lead}. */
  private static String unwrapped(String placeholder) {
    int start = 0;
    while (start < placeholder.length() && OPENERS.indexOf(placeholder.charAt(start)) >= 0) {
      start++;
    }
    int end = placeholder.length();
    while (end > start && CLOSERS.indexOf(placeholder.charAt(end - 1)) >= 0) {
      end--;
    }
    return placeholder.substring(start, end);
  }

  /** The first option of a status placeholder such as {@code [DRAFT/APPROVED]}, or empty. */
  public static Optional<String> firstOption(String value) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String inner = unwrapped(matcher.group());
    String first = inner.split("[/|,]", 2)[0].strip();
    return first.isEmpty() ? Optional.empty() : Optional.of(first);
  }

  /** Every option of a status placeholder such as {@code [DRAFT/APPROVED]}, in order. */
  public static List<String> options(String value) {
    Matcher matcher = PLACEHOLDER.matcher(value);
    if (!matcher.find()) {
      return List.of();
    }
    return Arrays.stream(unwrapped(matcher.group()).split("[/|,]"))
        .map(String::strip)
        .filter(option -> !option.isEmpty())
        .toList();
  }

  /** The text inside a placeholder, lower-cased: {@code [Tech Lead]} gives {@code tech lead}. */
  static Optional<String> innerLabel(String cell) {
    Matcher matcher = PLACEHOLDER.matcher(cell.strip());
    if (!matcher.matches()) {
      return Optional.empty();
    }
    String inner = unwrapped(matcher.group());
    return Optional.of(inner.strip().toLowerCase(Locale.ROOT));
  }
}
