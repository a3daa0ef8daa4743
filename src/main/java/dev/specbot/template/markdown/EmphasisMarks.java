package dev.specbot.template.markdown;

/**
 * Takes emphasis marks off guidance text, as the pattern {@code (\*\*|__|\*|_)(\S(?:.*?\S)?)\1}
 * replaced by its second group did: {@code **Goal**: _why_} reads "Goal: why".
 *
 * <p>The same matches, found in one pass. The pattern searched, from every mark, the rest of the
 * line for a closing one; a long line of marks that never close took minutes. Here the next place
 * each kind of mark could close is remembered, so every character is looked at a bounded number of
 * times.
 */
public final class EmphasisMarks {
  private static final String[] MARKS = {"**", "__", "*", "_"};

  private final String text;

  /** Per mark, the last closing place found (see {@link #closing}), or -1 before any search. */
  private final int[] closings = {-1, -1, -1, -1};

  /** The last line end found (see {@link #lineEnd}), or -1 before any search. */
  private int lineEnd = -1;

  private EmphasisMarks(String text) {
    this.text = text;
  }

  /** The text with each emphasised run replaced by its content. */
  public static String strip(String text) {
    return new EmphasisMarks(text).stripped();
  }

  private String stripped() {
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = emphasis(i, out);
      if (end < 0) {
        out.append(text.charAt(i));
        i++;
      } else {
        i = end;
      }
    }
    return out.toString();
  }

  /**
   * Appends the content of the emphasis that starts at {@code start} and returns where it ends, or
   * returns -1 when none starts there. The marks are tried in the pattern's order.
   */
  private int emphasis(int start, StringBuilder out) {
    for (int k = 0; k < MARKS.length; k++) {
      String mark = MARKS[k];
      int first = start + mark.length();
      if (!text.startsWith(mark, start) || first >= text.length() || isBlank(first)) {
        continue;
      }
      // The longer content ("(?:.*?\S)?" present) is tried first, the shortest such; then the
      // single character; "." stops at a line end, while the closing "\S" may be one.
      int last = closing(k, first + 1);
      if (last >= text.length() || last > lineEnd(first + 1)) {
        last = text.startsWith(mark, first + 1) ? first : -1;
      }
      if (last >= 0) {
        out.append(text, first, last + 1);
        return last + 1 + mark.length();
      }
    }
    return -1;
  }

  /**
   * The first place at or after {@code from} where mark {@code k} closes: a non-blank character
   * followed by the mark; the text's length when there is none. Queries for a mark come with
   * growing {@code from}, so each search starts after the last one found.
   */
  private int closing(int k, int from) {
    if (closings[k] >= from) {
      return closings[k];
    }
    int at = from;
    while (at < text.length() && (isBlank(at) || !text.startsWith(MARKS[k], at + 1))) {
      at++;
    }
    closings[k] = at;
    return at;
  }

  /** The first line end at or after {@code from}, or the text's length; as {@link #closing}. */
  private int lineEnd(int from) {
    if (lineEnd >= from) {
      return lineEnd;
    }
    int at = from;
    while (at < text.length() && !isLineEnd(text.charAt(at))) {
      at++;
    }
    lineEnd = at;
    return at;
  }

  /** What {@code \s} matches. */
  private boolean isBlank(int at) {
    return " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0;
  }

  /** What {@code .} does not match. */
  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
