package dev.specbot.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an answer into {@link Line}s in one pass: fenced code kept as code (a {@code - [ ]} in it
 * is no task), HTML comments (guidance left in) dropped, headings and list items told apart.
 */
final class AnswerLines {
  private final List<Line> lines = new ArrayList<>();
  private char fence;
  private int fenceLength;
  private boolean inComment;

  private AnswerLines() {}

  static List<Line> read(String answer, Steps steps) {
    AnswerLines reader = new AnswerLines();
    int start = 0;
    while (start <= answer.length()) {
      int end = answer.indexOf('\n', start);
      int stop = end < 0 ? answer.length() : end;
      String line = answer.substring(start, stop);
      reader.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
      steps.add(stop - start + 1L);
      start = stop + 1;
    }
    return reader.lines;
  }

  private void add(String text) {
    if (inComment) {
      inComment = !text.contains("-->");
      return;
    }
    int indent = indent(text);
    String rest = text.strip();
    if (fence != 0) {
      if (closesFence(rest)) {
        fence = 0;
      }
      lines.add(new Line(Line.Kind.CODE, text, indent, 0, 0, Line.Check.NONE, text));
    } else if (rest.isEmpty()) {
      lines.add(new Line(Line.Kind.BLANK, text, indent, 0, 0, Line.Check.NONE, ""));
    } else if (rest.startsWith("```") || rest.startsWith("~~~")) {
      fence = rest.charAt(0);
      fenceLength = run(rest, 0, fence);
      lines.add(new Line(Line.Kind.CODE, text, indent, 0, 0, Line.Check.NONE, text));
    } else if (rest.startsWith("<!--")) {
      inComment = !rest.contains("-->");
    } else {
      lines.add(
          heading(text, indent).or(() -> ListItems.item(text, indent)).orElseGet(() -> text(text)));
    }
  }

  private Line text(String text) {
    return new Line(Line.Kind.TEXT, text, indent(text), 0, 0, Line.Check.NONE, text.strip());
  }

  private boolean closesFence(String rest) {
    int marks = run(rest, 0, fence);
    return marks >= fenceLength && rest.substring(marks).isBlank();
  }

  /** An ATX heading: up to three spaces, one to six {@code #}, a blank or the end. */
  private static Optional<Line> heading(String text, int indent) {
    if (indent > 3) {
      return Optional.empty();
    }
    String rest = text.strip();
    int level = run(rest, 0, '#');
    if (level < 1 || level > 6 || (level < rest.length() && !isBlank(rest.charAt(level)))) {
      return Optional.empty();
    }
    String words = rest.substring(level).strip();
    int closing = words.length();
    while (closing > 0 && words.charAt(closing - 1) == '#') {
      closing--;
    }
    if (closing == 0 || isBlank(words.charAt(closing - 1))) {
      words = words.substring(0, closing).strip();
    }
    return Optional.of(new Line(Line.Kind.HEADING, text, indent, level, 0, Line.Check.NONE, words));
  }

  static int indent(String text) {
    int columns = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        columns++;
      } else if (c == '\t') {
        columns += 4 - columns % 4;
      } else {
        break;
      }
    }
    return columns;
  }

  static int run(String text, int from, char c) {
    int i = from;
    while (i < text.length() && text.charAt(i) == c) {
      i++;
    }
    return i - from;
  }

  static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
