package dev.specbot.tickets;

/**
 * Plain one-line titles from markdown a person typed in Slack: links become their text, Slack's
 * {@code <url|label>} its label, emphasis and code marks go, escapes and Slack's entities are read,
 * a leading "1." goes (a ticket has no place in a list).
 *
 * <p>One pass over at most {@link #READ} characters: every search for a closing {@code ]}, {@code
 * )} or {@code >} starts after the last one found, so text such as thousands of {@code [} costs no
 * more than their number.
 */
final class Titles {
  /** Enough to make a title of {@link Ticket#MAX_TITLE} characters out of heavy markup. */
  private static final int READ = 4 * Ticket.MAX_TITLE;

  private final String text;
  private final StringBuilder out;
  private final Steps steps;
  private int openBracket = -1;
  private int closeBracket = -1;
  private int closeParen = -1;
  private int openAngle = -1;
  private int closeAngle = -1;

  private Titles(String text, Steps steps) {
    this.text = text;
    this.out = new StringBuilder(text.length());
    this.steps = steps;
  }

  /** The title markdown reads as: plain text on one line, cut to {@link Ticket#MAX_TITLE}. */
  static String plain(String markdown, Steps steps) {
    String read = bounded(markdown);
    String plain = entities(new Titles(withoutNumber(read.strip()), steps).stripped());
    return oneLine(read.length() < markdown.length() ? plain + "…" : plain, steps);
  }

  /** At most the first {@link #READ} characters, never half a surrogate pair. */
  static String bounded(String markdown) {
    if (markdown.length() <= READ) {
      return markdown;
    }
    return markdown.substring(
        0, Character.isHighSurrogate(markdown.charAt(READ - 1)) ? READ - 1 : READ);
  }

  /** The text on one line, each run of whitespace one space, cut to {@link Ticket#MAX_TITLE}. */
  static String oneLine(String text, Steps steps) {
    StringBuilder line = new StringBuilder(Math.min(text.length(), Ticket.MAX_TITLE));
    boolean space = false;
    for (int i = 0; i < text.length() && line.length() <= Ticket.MAX_TITLE; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = line.length() > 0;
      } else {
        line.append(space ? " " : "").append(c);
        space = false;
      }
    }
    steps.add(line.length());
    return cut(line.toString());
  }

  /** Cut to the limit with "…", never between the halves of a surrogate pair. */
  private static String cut(String line) {
    if (line.length() <= Ticket.MAX_TITLE) {
      return line;
    }
    int end = Ticket.MAX_TITLE - 1;
    if (Character.isLowSurrogate(line.charAt(end))) {
      end--;
    }
    return line.substring(0, end) + "…";
  }

  /** Without a leading "1." or "2)": the list's numbering, not the item's words. */
  private static String withoutNumber(String text) {
    int digits = 0;
    while (digits < text.length() && digits < 9 && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    boolean numbered =
        digits > 0
            && digits + 1 < text.length()
            && (text.charAt(digits) == '.' || text.charAt(digits) == ')')
            && Character.isWhitespace(text.charAt(digits + 1));
    return numbered ? text.substring(digits + 2).strip() : text;
  }

  private String stripped() {
    int i = 0;
    while (i < text.length()) {
      steps.add(1);
      i = next(i);
    }
    return out.toString();
  }

  /** Reads what starts at {@code i} and returns where the next thing starts. */
  private int next(int i) {
    char c = text.charAt(i);
    switch (c) {
      case '\\' -> {
        return escaped(i);
      }
      case '*', '`', '~' -> {
        return i + 1;
      }
      case '_' -> {
        return text.startsWith("__", i) ? i + 2 : keep(i);
      }
      case '!' -> {
        return text.startsWith("![", i) ? link(i + 1) : keep(i);
      }
      case '[' -> {
        return link(i);
      }
      case '<' -> {
        return angled(i);
      }
      default -> {
        return keep(i);
      }
    }
  }

  private int keep(int i) {
    out.append(text.charAt(i));
    return i + 1;
  }

  /** {@code \*} reads {@code *}. */
  private int escaped(int i) {
    if (i + 1 < text.length() && isPunctuation(text.charAt(i + 1))) {
      out.append(text.charAt(i + 1));
      return i + 2;
    }
    return keep(i);
  }

  /** {@code [text](url)} reads "text"; a {@code [placeholder]} is kept as written. */
  private int link(int open) {
    closeBracket = after(closeBracket, open, ']');
    openBracket = after(openBracket, open, '[');
    if (closeBracket + 1 >= text.length()
        || openBracket < closeBracket
        || text.charAt(closeBracket + 1) != '(') {
      return keep(open);
    }
    closeParen = after(closeParen, closeBracket, ')');
    if (closeParen == text.length()) {
      return keep(open);
    }
    out.append(text, open + 1, closeBracket);
    return closeParen + 1;
  }

  /**
   * Slack's {@code <https://x|label>} reads "label" (and {@code <!subteam^S1|@team>} "@team"),
   * {@code <https://x>} "https://x"; a mention with no label such as {@code <@U123>} is kept as
   * written, and so is a {@code <} that closes nowhere.
   */
  private int angled(int open) {
    closeAngle = after(closeAngle, open, '>');
    openAngle = after(openAngle, open, '<');
    if (closeAngle == text.length() || openAngle < closeAngle) {
      return keep(open);
    }
    String inside = text.substring(open + 1, closeAngle);
    steps.add(inside.length());
    int bar = inside.indexOf('|');
    if (bar >= 0) {
      out.append(inside, bar + 1, inside.length());
    } else if (inside.isEmpty() || "@#!".indexOf(inside.charAt(0)) >= 0) {
      out.append(text, open, closeAngle + 1);
    } else {
      out.append(inside);
    }
    return closeAngle + 1;
  }

  /**
   * The first {@code c} after {@code from}, or the text's length when there is none. {@code last}
   * is the previous answer for {@code c}: while it is still ahead it is the answer again, so the
   * searches cover disjoint stretches of the text.
   */
  private int after(int last, int from, char c) {
    if (last > from) {
      return last;
    }
    int found = text.indexOf(c, from + 1);
    int end = found < 0 ? text.length() : found;
    steps.add(end - from);
    return end;
  }

  /**
   * Slack's three entities read as the characters they stand for; the ampersand's last, so
   * "&amp;lt;" reads "&lt;".
   */
  static String entities(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static boolean isPunctuation(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
  }
}
