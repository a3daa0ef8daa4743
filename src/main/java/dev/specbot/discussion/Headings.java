package dev.specbot.discussion;

import java.util.Locale;

/**
 * A heading's words as this room compares them: lower case, without numbering such as {@code
 * "13."}, markup marks or placeholders such as {@code [Question Title]}, blanks folded. One pass.
 */
final class Headings {
  private Headings() {}

  static String words(String heading) {
    StringBuilder out = new StringBuilder(heading.length());
    int depth = 0;
    boolean blank = true;
    for (int i = 0; i < heading.length(); i++) {
      char c = heading.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && !isMark(c)) {
        boolean space = Character.isWhitespace(c);
        if (!(space && blank)) {
          out.append(space ? ' ' : Character.toLowerCase(c));
        }
        blank = space;
      }
    }
    return withoutNumbering(out.toString().strip()).toLowerCase(Locale.ROOT);
  }

  /**
   * The heading as a reader names it, its {@code [placeholders]} left out ("Q1: [Question Title]"
   * reads "Q1"); the heading itself when nothing else is left.
   */
  static String withoutPlaceholders(String heading) {
    StringBuilder out = new StringBuilder(heading.length());
    int depth = 0;
    for (int i = 0; i < heading.length(); i++) {
      char c = heading.charAt(i);
      if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0) {
        out.append(c);
      }
    }
    int end = out.length();
    while (end > 0 && " \t:–—-".indexOf(out.charAt(end - 1)) >= 0) {
      end--;
    }
    String named = out.substring(0, end).strip();
    return named.isEmpty() ? heading : named;
  }

  /** The heading without a leading {@code 13.}, {@code 7.1} or {@code 3)}. */
  private static String withoutNumbering(String text) {
    int i = 0;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == ')') {
      i++;
    }
    if (i == 0 || i == text.length() || text.charAt(i) != ' ') {
      return text;
    }
    return text.substring(i).strip();
  }

  private static boolean isMark(char c) {
    return c == '*' || c == '_' || c == '`' || c == '#' || c == '<' || c == '>' || c == '{'
        || c == '}';
  }
}
