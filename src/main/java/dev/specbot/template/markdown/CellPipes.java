package dev.specbot.template.markdown;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a table row written in Slack splits into cells: at each {@code |} that is neither escaped
 * ({@code \|}) nor inside one of Slack's angle-bracket spans, such as a link with a label {@code
 * <https://example.com|docs>} or a mention {@code <@U123|bob>}. Splitting there would cut the link
 * in two and move the rest of the row one column along.
 *
 * <p>Linear: the next {@code >} of every position is found in one pass from the end, so a line of
 * many {@code <} and no {@code >} is not scanned again for each.
 */
final class CellPipes {
  private CellPipes() {}

  /** The positions of the cell separators in {@code line}, left to right. */
  static List<Integer> of(String line) {
    int[] nextClose = nextClose(line);
    List<Integer> pipes = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '<' && opensSpan(line, i) && nextClose[i] >= 0) {
        i = nextClose[i] + 1;
      } else {
        if (c == '|') {
          pipes.add(i);
        }
        i++;
      }
    }
    return pipes;
  }

  /** A cell's text with the pipes left in it (inside a link) escaped, so the table keeps them. */
  static String escaped(String cell) {
    if (cell.indexOf('|') < 0) {
      return cell;
    }
    StringBuilder out = new StringBuilder(cell.length() + 4);
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == '\\' && i + 1 < cell.length()) {
        out.append(c).append(cell.charAt(++i));
      } else {
        out.append(c == '|' ? "\\|" : String.valueOf(c));
      }
    }
    return out.toString();
  }

  /**
   * Slack's spans start with a link's scheme or a mention's sigil; {@code a < b | c} is not one.
   */
  private static boolean opensSpan(String line, int at) {
    if (at + 1 >= line.length()) {
      return false;
    }
    char next = line.charAt(at + 1);
    return next == '@' || next == '#' || next == '!' || Character.isLetter(next);
  }

  /** For each position, where the first {@code >} at or after it is, or -1. */
  private static int[] nextClose(String line) {
    int[] next = new int[line.length()];
    int close = -1;
    for (int i = line.length() - 1; i >= 0; i--) {
      if (line.charAt(i) == '>') {
        close = i;
      }
      next[i] = close;
    }
    return next;
  }
}
