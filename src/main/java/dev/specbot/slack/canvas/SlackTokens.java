package dev.specbot.slack.canvas;

/**
 * The Slack syntax in answers typed in Slack, read where it starts with {@code <}: a user mention
 * {@code <@U123>} (or {@code <@U123|name>}), a channel {@code <#C123|name>}, a special mention such
 * as {@code <!here>} or {@code <!subteam^S1|@team>}, and a link {@code <https://x|label>}. Each
 * becomes what a canvas shows for it: {@code ![](@U123)}, {@code ![](#C123)}, the text Slack would
 * show, {@code [label](https://x)}.
 *
 * <p>A token is read up to the first {@code >}; it never looks past the next {@code <} or line
 * break, where the next attempt starts, so every character is looked at a bounded number of times.
 */
final class SlackTokens {
  private static final int MAX_SCHEME = 32;

  /** A token read: its canvas markdown, and where it ended (just past its {@code >}). */
  record Token(String markdown, int end) {}

  private SlackTokens() {}

  /** The token that starts at {@code text[at]}, or null when none does. */
  static Token at(String text, int at, boolean inTableCell) {
    if (at + 1 >= text.length() || text.charAt(at) != '<') {
      return null;
    }
    return switch (text.charAt(at + 1)) {
      case '@' -> mention(text, at, "@", "UW");
      case '#' -> mention(text, at, "#", "CGD");
      case '!' -> special(text, at, inTableCell);
      default -> link(text, at, inTableCell);
    };
  }

  /**
   * {@code text[from, to)} with every token in it converted; backslash escapes are copied as they
   * are, so an escaped {@code \<@U1>} stays text.
   */
  static String rewrite(String text, int from, int to, boolean inTableCell) {
    StringBuilder out = new StringBuilder(to - from + 16);
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < to) {
        out.append(c).append(text.charAt(i + 1));
        i += 2;
        continue;
      }
      Token token = c == '<' ? at(text, i, inTableCell) : null;
      if (token != null && token.end() <= to) {
        out.append(token.markdown());
        i = token.end();
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * The text with each special mention ({@code <!here>}, {@code <!subteam^S1|@team>}) replaced by
   * what Slack shows for it; everything else kept as it is.
   */
  static String specials(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      Token token =
          text.startsWith("<!", i) && !text.startsWith("<!--", i) ? special(text, i, false) : null;
      if (token != null) {
        out.append(token.markdown());
        i = token.end();
      } else {
        out.append(text.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /**
   * {@code <@U123>} or {@code <#C123|name>}: a canvas mention. The name after {@code |} is the one
   * Slack knew when the message was sent; a canvas mention shows the current one.
   */
  private static Token mention(String text, int at, String sigil, String firstLetters) {
    int start = at + 2;
    if (start >= text.length() || firstLetters.indexOf(text.charAt(start)) < 0) {
      return null;
    }
    int i = start + 1;
    while (i < text.length() && isIdCharacter(text.charAt(i))) {
      i++;
    }
    int end = closing(text, i);
    if (end < 0) {
      return null;
    }
    return new Token("![](" + sigil + text.substring(start, i) + ")", end);
  }

  /**
   * {@code <!here>}, {@code <!channel>}, {@code <!everyone>}: "@here" and so on, as Slack shows
   * them (a canvas has no such mention). {@code <!subteam^S1|@team>}, {@code <!date^...|Feb 18>}:
   * the text after {@code |}, Slack's own fallback.
   */
  private static Token special(String text, int at, boolean inTableCell) {
    int start = at + 2;
    int i = start;
    while (i < text.length() && text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
      i++;
    }
    if (i == start) {
      return null;
    }
    String name = text.substring(start, i);
    if (i < text.length() && text.charAt(i) == '^') {
      i = upTo(text, i, "|>");
    }
    if (i >= text.length()) {
      return null;
    }
    if (text.charAt(i) == '>') {
      return new Token("@" + name, i + 1);
    }
    if (text.charAt(i) != '|') {
      return null;
    }
    int labelEnd = upTo(text, i + 1, ">");
    if (labelEnd >= text.length() || text.charAt(labelEnd) != '>') {
      return null;
    }
    String label = text.substring(i + 1, labelEnd);
    boolean everyone = name.equals("here") || name.equals("channel") || name.equals("everyone");
    String shown = everyone || label.isBlank() ? "@" + name : label;
    return new Token(Literal.inline(shown, inTableCell), labelEnd + 1);
  }

  /** {@code <https://x>} or {@code <https://x|label>}: a markdown link, as canvases write one. */
  private static Token link(String text, int at, boolean inTableCell) {
    int start = at + 1;
    int i = start;
    while (i < text.length()
        && i - start <= MAX_SCHEME
        && isSchemeCharacter(text.charAt(i), i == start)) {
      i++;
    }
    if (i - start < 2 || i - start > MAX_SCHEME || i >= text.length() || text.charAt(i) != ':') {
      return null;
    }
    while (i < text.length() && " \t\n<>|".indexOf(text.charAt(i)) < 0) {
      i++;
    }
    String url = text.substring(start, i);
    if (i >= text.length() || url.endsWith(":")) {
      return null;
    }
    if (text.charAt(i) == '>') {
      return new Token(markdownLink(url, url, inTableCell), i + 1);
    }
    if (text.charAt(i) != '|') {
      return null;
    }
    int labelEnd = upTo(text, i + 1, ">");
    if (labelEnd >= text.length() || text.charAt(labelEnd) != '>') {
      return null;
    }
    String label = text.substring(i + 1, labelEnd);
    return new Token(markdownLink(label.isBlank() ? url : label, url, inTableCell), labelEnd + 1);
  }

  /** {@code [label](url)}, the label read literally and the address kept whole. */
  static String markdownLink(String label, String url, boolean inTableCell) {
    StringBuilder destination = new StringBuilder(url.length());
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '(' || c == ')' || c == '\\' || c == ' ' || (inTableCell && c == '|')) {
        destination.append(c == ' ' ? "%20" : "\\" + c);
      } else {
        destination.append(c);
      }
    }
    return "[" + Literal.inline(label, inTableCell) + "](" + destination + ")";
  }

  /** Where a token closes: just past {@code >} at {@code i}, or past {@code |label>}; -1 if not. */
  private static int closing(String text, int i) {
    if (i >= text.length()) {
      return -1;
    }
    if (text.charAt(i) == '>') {
      return i + 1;
    }
    if (text.charAt(i) != '|') {
      return -1;
    }
    int end = upTo(text, i + 1, ">");
    return end < text.length() && text.charAt(end) == '>' ? end + 1 : -1;
  }

  /** The first of {@code stops} (or a line break or {@code <}) at or after {@code from}. */
  private static int upTo(String text, int from, String stops) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (stops.indexOf(c) >= 0 || c == '\n' || c == '<') {
        return i;
      }
      i++;
    }
    return i;
  }

  private static boolean isIdCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isSchemeCharacter(char c, boolean first) {
    boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    return first ? letter : letter || (c >= '0' && c <= '9') || c == '+' || c == '.' || c == '-';
  }
}
