package dev.specbot.slack.canvas;

/**
 * Text that must read as it is in a canvas, such as the words of an HTML comment or a link's label:
 * markdown's punctuation is escaped with a backslash, so that nothing in it becomes markup, and the
 * Slack mentions in it still become canvas mentions. Raw text that must stay exact (an HTML tag)
 * goes into a code span instead.
 */
final class Literal {
  /** What markdown reads as markup anywhere in a line. */
  private static final String SPECIAL = "\\`*_[]<>#~|";

  private Literal() {}

  /** The text, one line, escaped to read literally inside a line; Slack tokens converted. */
  static String inline(String text, boolean inTableCell) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    append(out, text, 0, inTableCell);
    return out.toString();
  }

  /**
   * A line of text escaped to read literally at the start of a line as well: a leading {@code -},
   * {@code +}, {@code =} or {@code 1.} would otherwise start a list or underline a heading.
   */
  static String line(String text) {
    String line = text.strip();
    StringBuilder out = new StringBuilder(line.length() + 8);
    int digits = 0;
    while (digits < line.length() && Character.isDigit(line.charAt(digits))) {
      digits++;
    }
    int from = 0;
    if (!line.isEmpty() && "-+=".indexOf(line.charAt(0)) >= 0) {
      out.append('\\').append(line.charAt(0));
      from = 1;
    } else if (digits > 0 && digits < line.length() && ".)".indexOf(line.charAt(digits)) >= 0) {
      out.append(line, 0, digits).append('\\').append(line.charAt(digits));
      from = digits + 1;
    }
    append(out, line, from, false);
    return out.toString();
  }

  /**
   * A code span holding {@code text} exactly (line breaks read as spaces, as in any code span): its
   * fence is one backtick longer than the longest run inside it.
   */
  static String codeSpan(String text, boolean inTableCell) {
    String content = text.replace('\n', ' ');
    int longest = 0;
    int run = 0;
    for (int i = 0; i < content.length(); i++) {
      run = content.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = content.startsWith("`") || content.endsWith("`") || content.isBlank();
    String inside = pad ? " " + content + " " : content;
    if (inTableCell) {
      inside = escapePipes(inside);
    }
    return fence + inside + fence;
  }

  /** Every {@code |} not already escaped, escaped: inside a table cell it would end the cell. */
  static String escapePipes(String text) {
    StringBuilder out = new StringBuilder(text.length() + 4);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        out.append(c).append(text.charAt(i + 1));
        i++;
      } else {
        out.append(c == '|' ? "\\|" : String.valueOf(c));
      }
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String text, int from, boolean inTableCell) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      SlackTokens.Token token = c == '<' ? SlackTokens.at(text, i, inTableCell) : null;
      if (token != null) {
        out.append(token.markdown());
        i = token.end();
        continue;
      }
      if (c == '\n' || c == '\r') {
        out.append(' ');
      } else {
        if (SPECIAL.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
      i++;
    }
  }
}
