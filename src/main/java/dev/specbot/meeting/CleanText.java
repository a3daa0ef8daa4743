package dev.specbot.meeting;

import java.util.regex.Pattern;

/**
 * Text from people (names, titles, addresses) made safe for line-based formats such as iCalendar:
 * no control characters, and line breaks only where a value may have them.
 */
final class CleanText {
  /** Every way text can break a line: CRLF, a lone CR or LF, NEL, and Unicode's separators. */
  private static final Pattern LINE_BREAK =
      Pattern.compile("\r\n|[\r\n\u000B\f\u0085\u2028\u2029]");

  /** Control characters other than LF, in runs; each run becomes one space. */
  private static final Pattern CONTROLS_BUT_LF = Pattern.compile("[\\p{Cc}&&[^\n]]+");

  /** Control characters and line or paragraph separators, in runs. */
  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\u2028\u2029]+");

  private CleanText() {}

  /** The text with its line breaks as LF and any other control character a space. */
  static String lines(String text) {
    return CONTROLS_BUT_LF.matcher(LINE_BREAK.matcher(text).replaceAll("\n")).replaceAll(" ");
  }

  /** The text on one line: each run of control characters or line breaks becomes one space. */
  static String oneLine(String text) {
    return CONTROLS.matcher(text).replaceAll(" ").strip();
  }
}
