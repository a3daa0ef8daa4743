package dev.specbot.template;

import java.util.regex.Pattern;

/** Puts plain text safely inside a markdown line: a heading, a metadata value or a table cell. */
final class Inline {
  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");
  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*\\R\\s*");

  private Inline() {}

  /** Escapes markdown syntax so the text reads literally, and folds it onto one line. */
  static String escape(String text) {
    String oneLine = LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
    return SPECIAL.matcher(oneLine).replaceAll("\\\\$1");
  }

  /** Folds an answer onto one line without escaping it: the writer's own markdown stays. */
  static String oneLine(String text) {
    return LINE_BREAKS.matcher(text.strip()).replaceAll(" ");
  }
}
