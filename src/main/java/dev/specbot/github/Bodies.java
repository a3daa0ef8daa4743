package dev.specbot.github;

/**
 * The body of an issue or comment as specbot sends it: the markdown, then its {@link Marker}, all
 * within the {@value #MAX_LENGTH} characters GitHub takes (it refuses a longer body with 422).
 */
final class Bodies {
  /** GitHub's limit on an issue's or a comment's body. */
  static final int MAX_LENGTH = 65_536;

  static final String CUT_NOTE =
      "\n\n*… the rest did not fit: GitHub takes at most 65,536 characters.*";

  private Bodies() {}

  /**
   * {@code markdown} with {@code marker} on a line of its own at the end. Markdown too long for
   * that is cut at the last line break that leaves room (or mid-line, never inside a character made
   * of two), and says so: the marker must survive, or the issue could not be found again.
   */
  static String withMarker(String markdown, Marker marker) {
    String end = "\n\n" + marker.text();
    String text = markdown.stripTrailing();
    if (text.length() + end.length() <= MAX_LENGTH) {
      return text + end;
    }
    int room = MAX_LENGTH - end.length() - CUT_NOTE.length();
    int cut = text.lastIndexOf('\n', room);
    if (cut <= room / 2) {
      cut = Character.isHighSurrogate(text.charAt(room - 1)) ? room - 1 : room;
    }
    return text.substring(0, cut).stripTrailing() + CUT_NOTE + end;
  }
}
