package dev.specbot.template.markdown;

import java.util.regex.Pattern;

/** Puts plain text safely inside a markdown line: a heading, a metadata value or a table cell. */
public final class Inline {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");

  private Inline() {}

  /** Escapes markdown syntax so the text reads literally, and folds it onto one line. */
  public static String escape(String text) {
    return SPECIAL.matcher(oneLine(text)).replaceAll("\\\\$1");
  }

  /** Folds an answer onto one line without escaping it: the writer's own markdown stays. */
  public static String oneLine(String text) {
    return foldLineBreaks(text.strip());
  }

  /**
   * Turns every run of blanks that holds a line break into one space; runs without one stay as they
   * are.
   *
   * <p>One pass: the pattern {@code \s*\R\s*} it replaces tried, from every blank of a run without
   * a line break, the whole rest of the run, seconds of work for an answer padded with spaces.
   */
  public static String foldLineBreaks(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = i;
      boolean breaks = false;
      while (end < text.length() && isBlank(text.charAt(end))) {
        breaks |= isLineBreak(text.charAt(end));
        end++;
      }
      if (end == i) {
        out.append(text.charAt(i));
        i++;
      } else {
        out.append(breaks ? " " : text.substring(i, end));
        i = end;
      }
    }
    return out.toString();
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || isLineBreak(c);
  }

  private static boolean isLineBreak(char c) {
    return switch (c) {
      case '\n', '\r', '\u000B', '\f', '\u0085', '\u2028', '\u2029' -> true;
      default -> false;
    };
  }
}
