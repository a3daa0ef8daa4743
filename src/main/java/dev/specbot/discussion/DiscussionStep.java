package dev.specbot.discussion;

import java.util.Locale;

/**
 * The process checklist's step of leading the discussion, such as echo's "Tech spec drafter:
 * Facilitate that discussion": an open checklist item ({@code - [ ]}, {@code * [ ]}, in a quote or
 * not) that names a discussion or meeting and a verb of leading one. Ticked outside code blocks; a
 * scan of each line's start and a few searches in it.
 */
final class DiscussionStep {
  private static final String[] LEADING = {
    "facilitat", "lead ", "run ", "hold ", "host ", "chair ", "moderat"
  };

  private static final String[] MEETING = {"discussion", "meeting", "discuss "};

  private DiscussionStep() {}

  static String tick(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    char fence = 0;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      int stop = end < 0 ? markdown.length() : end;
      String line = markdown.substring(start, stop);
      String rest = line.strip();
      if (fence != 0) {
        fence = rest.startsWith(String.valueOf(fence).repeat(3)) ? 0 : fence;
        out.append(line);
      } else if (rest.startsWith("```") || rest.startsWith("~~~")) {
        fence = rest.charAt(0);
        out.append(line);
      } else {
        out.append(ticked(line));
      }
      if (end >= 0) {
        out.append('\n');
      }
      start = stop + 1;
    }
    return out.toString();
  }

  private static String ticked(String line) {
    int box = openBox(line);
    if (box < 0) {
      return line;
    }
    String text = line.substring(box + 3).toLowerCase(Locale.ROOT) + " ";
    if (!containsAny(text, LEADING) || !containsAny(text, MEETING)) {
      return line;
    }
    return line.substring(0, box) + "[x]" + line.substring(box + 3);
  }

  /** Where the {@code [ ]} of an open checklist item starts, or -1. */
  static int openBox(String line) {
    int i = 0;
    while (i < line.length() && i < 40 && (line.charAt(i) == ' ' || line.charAt(i) == '>')) {
      i++;
    }
    if (i >= line.length() || "-*+".indexOf(line.charAt(i)) < 0) {
      return -1;
    }
    i++;
    int blanks = 0;
    while (i < line.length() && line.charAt(i) == ' ' && blanks < 4) {
      i++;
      blanks++;
    }
    return blanks > 0 && line.startsWith("[ ]", i) ? i : -1;
  }

  private static boolean containsAny(String text, String[] words) {
    for (String word : words) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
