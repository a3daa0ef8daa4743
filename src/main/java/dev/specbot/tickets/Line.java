package dev.specbot.tickets;

/**
 * One line of an answer, as the scanner reads it.
 *
 * @param text the line as written
 * @param indent its indentation in columns (a tab to the next multiple of four)
 * @param heading for a heading, its level (1 to 6); else 0
 * @param content for a list item, the column its text starts at; else 0
 * @param check for a list item, its checkbox
 * @param words a heading's or a list item's text, without the marks; else the text
 */
record Line(
    Kind kind, String text, int indent, int heading, int content, Check check, String words) {
  /** What a line is. */
  enum Kind {
    BLANK,
    HEADING,
    ITEM,
    /** A line of a fenced code block, its fences included. */
    CODE,
    TEXT
  }

  /** A list item's checkbox. */
  enum Check {
    NONE,
    OPEN,
    DONE
  }

  boolean isChecklist() {
    return kind == Kind.ITEM && check != Check.NONE;
  }
}
