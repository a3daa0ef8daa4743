package dev.specbot.slack.canvas;

import java.util.ArrayList;
import java.util.List;

/**
 * The canvas markdown being written, line by line, inside the quotes and list items that hold it:
 * each line gets the markers of every container it is in (a list item's marker on its first line,
 * its indentation after that), and blocks are set apart by blank lines that stay inside them.
 *
 * <p>Containers nest at most {@link #MAX_DEPTH} deep: a line's markers then cost a bounded number
 * of characters, where a reply of 20,000 {@code >} would otherwise make every line of what follows
 * 20,000 characters longer.
 */
final class Lines {
  /** Quotes and list items deeper than this are written at this depth. */
  static final int MAX_DEPTH = 8;

  /** One container's markers: {@code first} on its first line, {@code rest} on the others. */
  private static final class Frame {
    private final String first;
    private final String rest;
    private boolean used;

    private Frame(String first, String rest) {
      this.first = first;
      this.rest = rest;
    }
  }

  private final StringBuilder text = new StringBuilder();
  private final List<Frame> frames = new ArrayList<>();
  private final StringBuilder markers = new StringBuilder();
  private boolean blankPending;

  /** How many containers the next line is in. */
  int depth() {
    return frames.size();
  }

  /** Whether the innermost container has had no line yet, as a list item before its first. */
  boolean atContainerStart() {
    return !frames.isEmpty() && !frames.get(frames.size() - 1).used;
  }

  /** Opens a container whose lines start with {@code first}, then {@code rest}. */
  void push(String first, String rest) {
    flushBlank();
    if (frames.size() >= MAX_DEPTH) {
      throw new IllegalStateException("containers nest at most " + MAX_DEPTH + " deep");
    }
    frames.add(new Frame(first, rest));
  }

  /** Closes the innermost container; one that had no line (an empty list item) gets its marker. */
  void pop() {
    if (atContainerStart()) {
      line("");
    }
    frames.remove(frames.size() - 1);
  }

  /** Sets the next block apart from the last with a blank line, if anything precedes it here. */
  void separate() {
    blankPending = true;
  }

  /**
   * Puts a list item's marker before the next line, past the containers' own: for items nested
   * deeper than {@link #MAX_DEPTH}, which get no container of their own but keep their bullet or
   * number.
   */
  void mark(String marker) {
    markers.append(marker);
  }

  /** Writes one line inside the open containers. */
  void line(String content) {
    flushBlank();
    StringBuilder prefix = new StringBuilder();
    for (Frame frame : frames) {
      prefix.append(frame.used ? frame.rest : frame.first);
      frame.used = true;
    }
    prefix.append(markers);
    markers.setLength(0);
    if (content.isEmpty()) {
      text.append(prefix.toString().stripTrailing());
    } else {
      text.append(prefix).append(content);
    }
    text.append('\n');
  }

  /** The markdown written, ending in one line break; empty when nothing was. */
  String text() {
    if (markers.length() > 0) {
      line("");
    }
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    return end == 0 ? "" : text.substring(0, end) + "\n";
  }

  /**
   * Writes the blank line asked for, unless it would come first in its container (a list item's
   * first line must carry its marker) or first in the document.
   */
  private void flushBlank() {
    if (!blankPending) {
      return;
    }
    blankPending = false;
    boolean somethingBefore =
        frames.isEmpty() ? text.length() > 0 : frames.get(frames.size() - 1).used;
    if (somethingBefore) {
      StringBuilder prefix = new StringBuilder();
      for (Frame frame : frames) {
        prefix.append(frame.rest);
      }
      text.append(prefix.toString().stripTrailing()).append('\n');
    }
  }
}
