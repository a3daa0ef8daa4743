package dev.specbot.slack.blocks;

/**
 * One line of rendered mrkdwn. Verbatim lines (code fences and the code between them) keep their
 * own indentation: a list nests them without indenting, a quote still prefixes them.
 */
record Line(String text, boolean verbatim) {
  static Line plain(String text) {
    return new Line(text, false);
  }

  static Line code(String text) {
    return new Line(text, true);
  }

  Line prefixed(String prefix) {
    return new Line(prefix + text, verbatim);
  }
}
