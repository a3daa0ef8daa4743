package dev.specbot.review;

/** An answer cut short to show beside another: one line, about 80 characters. */
final class Shortened {
  /** Code points kept; a surrogate pair is never split. */
  static final int MAX = 80;

  private Shortened() {}

  /**
   * The text on one line (each run of whitespace one space), cut after {@link #MAX} code points
   * with "…". Stops reading at the first character it cannot keep.
   */
  static String of(String text) {
    StringBuilder kept = new StringBuilder();
    int count = 0;
    boolean space = false;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isWhitespace(c)) {
        space = count > 0;
        continue;
      }
      if (count + (space ? 1 : 0) >= MAX) {
        return kept.append('…').toString();
      }
      if (space) {
        kept.append(' ');
        count++;
        space = false;
      }
      kept.appendCodePoint(c);
      count++;
    }
    return kept.toString();
  }
}
