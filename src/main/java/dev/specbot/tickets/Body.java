package dev.specbot.tickets;

/**
 * A ticket's body as it is gathered, line by line: blank lines kept only between text, each line
 * moved left by the item's indentation and then by the spaces all its lines share (a sub-list reads
 * as a list), the whole cut at {@link Ticket#MAX_BODY} characters.
 */
final class Body {
  private final int indent;
  private final StringBuilder text = new StringBuilder();
  private int blanks;
  private boolean full;

  /** The fewest leading spaces of a line kept so far, once moved left by {@link #indent}. */
  private int shared = Integer.MAX_VALUE;

  /** A body whose lines are moved left by {@code indent} columns. */
  Body(int indent) {
    this.indent = indent;
  }

  void blank() {
    blanks++;
  }

  void add(String line) {
    if (full) {
      return;
    }
    if (text.length() > 0) {
      text.append(blanks > 0 ? "\n\n" : "\n");
    }
    blanks = 0;
    int start = dedented(line);
    shared = Math.min(shared, AnswerLines.run(line, start, ' '));
    text.append(line, start, line.length());
    if (text.length() > Ticket.MAX_BODY) {
      int end = Ticket.MAX_BODY - 1;
      if (Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
      text.setLength(end);
      text.append('…');
      full = true;
    }
  }

  /** Where the line's text starts once moved left by up to {@code indent} columns. */
  private int dedented(String line) {
    int columns = 0;
    int i = 0;
    while (i < line.length() && columns < indent && AnswerLines.isBlank(line.charAt(i))) {
      columns += line.charAt(i) == '\t' ? 4 - columns % 4 : 1;
      i++;
    }
    return i;
  }

  @Override
  public String toString() {
    if (shared == 0 || shared == Integer.MAX_VALUE) {
      return text.toString();
    }
    StringBuilder out = new StringBuilder(text.length());
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf("\n", start);
      int stop = end < 0 ? text.length() : end;
      int from = start;
      while (from < stop && from - start < shared && text.charAt(from) == ' ') {
        from++;
      }
      out.append(text, from, stop);
      if (end >= 0) {
        out.append('\n');
      }
      start = stop + 1;
    }
    return out.toString();
  }
}
