package dev.specbot.template.markdown;

import java.util.Optional;

/**
 * The text of an ATX heading line such as {@code ## Goals ##}: without its {@code #} marks, its
 * closing sequence and the blanks around them.
 *
 * <p>Read by hand in one pass: the pattern this replaces ({@code (.*?)(?:[ \t]+#+)?[ \t]*$}) tried
 * every length of the text against every split of the blanks after it, minutes of work for a
 * heading padded with a few thousand spaces.
 */
public final class AtxHeading {
  private static final int MAX_LEVEL = 6;
  private static final int MAX_INDENT = 3;

  private AtxHeading() {}

  /** The heading's text, or empty when the line is not an ATX heading. */
  public static Optional<String> text(String line) {
    int start = skip(line, 0, ' ');
    if (start > MAX_INDENT) {
      return Optional.empty();
    }
    int marks = skip(line, start, '#');
    int level = marks - start;
    if (level < 1 || level > MAX_LEVEL || (marks < line.length() && !isBlank(line, marks))) {
      return Optional.empty();
    }
    int textStart = marks;
    while (textStart < line.length() && isBlank(line, textStart)) {
      textStart++;
    }
    return Optional.of(line.substring(textStart, textEnd(line, textStart)));
  }

  /**
   * Where the text ends: before the trailing blanks, and before a closing run of {@code #} when
   * blanks separate it from the text.
   */
  private static int textEnd(String line, int textStart) {
    int end = line.length();
    while (end > textStart && isBlank(line, end - 1)) {
      end--;
    }
    int closing = end;
    while (closing > textStart && line.charAt(closing - 1) == '#') {
      closing--;
    }
    if (closing == end || closing == textStart || !isBlank(line, closing - 1)) {
      return end;
    }
    int text = closing;
    while (text > textStart && isBlank(line, text - 1)) {
      text--;
    }
    return text;
  }

  private static int skip(String line, int from, char c) {
    int i = from;
    while (i < line.length() && line.charAt(i) == c) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(String line, int i) {
    char c = line.charAt(i);
    return c == ' ' || c == '\t';
  }
}
