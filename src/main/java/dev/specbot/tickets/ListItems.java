package dev.specbot.tickets;

import java.util.Optional;

/**
 * Reads a list item line: {@code - x}, {@code * [ ] x}, {@code 2. [x] x}, {@code 3) x}, and the
 * bullets Slack's composer turns a typed list into ({@code • [ ] x}, nested {@code ◦} and {@code
 * ▪}), since answers are messages as Slack sends them.
 */
final class ListItems {
  /** Slack's bullets, by level, and two more a paste may bring; a variation selector may follow. */
  private static final String BULLETS = "•◦▪▫‣⁃";

  private ListItems() {}

  /** The line as a list item, or empty when it is none (a thematic break such as {@code - - -}). */
  static Optional<Line> item(String text, int indent) {
    int at = leadingBlanks(text);
    int marker = marker(text, at);
    if (marker < 0 || isBreak(text, at)) {
      return Optional.empty();
    }
    int spaces = AnswerLines.run(text, marker, ' ');
    if (marker + spaces < text.length() && text.charAt(marker + spaces) == '\t') {
      spaces++;
    }
    if (spaces == 0 && marker < text.length()) {
      return Optional.empty();
    }
    // Five blanks or more start indented code inside the item: its text is one blank in.
    int gap = spaces >= 5 ? 1 : Math.max(spaces, 1);
    int content = indent + (marker - at) + gap;
    String rest = marker + spaces >= text.length() ? "" : text.substring(marker + spaces);
    Line.Check check = check(rest);
    String words = check == Line.Check.NONE ? rest.strip() : rest.substring(3).strip();
    return Optional.of(new Line(Line.Kind.ITEM, text, indent, 0, content, check, words));
  }

  /** Where the marker ends, or -1 when none starts at {@code at}. */
  private static int marker(String text, int at) {
    if (at >= text.length()) {
      return -1;
    }
    char c = text.charAt(at);
    if (c == '-' || c == '*' || c == '+') {
      return at + 1;
    }
    if (BULLETS.indexOf(c) >= 0) {
      boolean styled =
          at + 1 < text.length()
              && (text.charAt(at + 1) == '\uFE0E' || text.charAt(at + 1) == '\uFE0F');
      return at + (styled ? 2 : 1);
    }
    int digits = 0;
    while (at + digits < text.length() && Character.isDigit(text.charAt(at + digits))) {
      digits++;
    }
    if (digits == 0 || digits > 9 || at + digits >= text.length()) {
      return -1;
    }
    char end = text.charAt(at + digits);
    return end == '.' || end == ')' ? at + digits + 1 : -1;
  }

  /** {@code [ ]}, {@code [x]} or {@code [X]}, followed by a blank or the end. */
  private static Line.Check check(String rest) {
    if (rest.length() < 3
        || rest.charAt(0) != '['
        || rest.charAt(2) != ']'
        || (rest.length() > 3 && !AnswerLines.isBlank(rest.charAt(3)))) {
      return Line.Check.NONE;
    }
    return switch (rest.charAt(1)) {
      case ' ' -> Line.Check.OPEN;
      case 'x', 'X' -> Line.Check.DONE;
      default -> Line.Check.NONE;
    };
  }

  /** Three or more of one of {@code - * _}, and blanks between: a thematic break, not an item. */
  private static boolean isBreak(String text, int at) {
    char c = text.charAt(at);
    int marks = 0;
    for (int i = at; i < text.length(); i++) {
      char d = text.charAt(i);
      if (d == c) {
        marks++;
      } else if (!AnswerLines.isBlank(d)) {
        return false;
      }
    }
    return marks >= 3;
  }

  private static int leadingBlanks(String text) {
    int i = 0;
    while (i < text.length() && AnswerLines.isBlank(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
