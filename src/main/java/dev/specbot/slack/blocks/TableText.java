package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;

/**
 * A GFM table as monospaced text with aligned columns, since Slack's mrkdwn has no tables. The
 * result is raw (unescaped) text for a code block.
 *
 * <p>Columns are aligned only while that keeps the text near its own size: padding every row to one
 * very wide cell made a table answer of 40,000 characters into 14,000 blocks in 4,667 messages. A
 * table that would grow more is written with its cells as they are.
 */
final class TableText {
  private static final String COLUMN_GAP = " | ";

  /** An aligned table may be this many times the length of its cells and gaps alone... */
  private static final int MAX_GROWTH = 2;

  /** ...or this long, whatever its cells: small tables are always aligned. */
  private static final int ALWAYS_ALIGNED = 2_000;

  private TableText() {}

  static String of(TableBlock table) {
    List<List<String>> rows = new ArrayList<>();
    List<TableCell.Alignment> alignments = new ArrayList<>();
    int headerRows = 0;
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        rows.add(cells(row, alignments));
        if (section instanceof TableHead) {
          headerRows++;
        }
      }
    }
    int[] widths = widths(rows);
    boolean aligned =
        alignedLength(rows, widths) <= MAX_GROWTH * naturalLength(rows) + ALWAYS_ALIGNED;
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      lines.add(
          aligned ? row(rows.get(i), widths, alignments) : String.join(COLUMN_GAP, rows.get(i)));
      if (i == headerRows - 1) {
        lines.add(separator(aligned ? widths : widths(List.of(rows.get(i)))));
      }
    }
    return String.join("\n", lines);
  }

  /** The length of the table with every row padded to the column widths. */
  private static long alignedLength(List<List<String>> rows, int[] widths) {
    long line = (long) COLUMN_GAP.length() * Math.max(0, widths.length - 1);
    for (int width : widths) {
      line += width;
    }
    return line * rows.size();
  }

  /** The length of the table's cells and the gaps between them, unpadded. */
  private static long naturalLength(List<List<String>> rows) {
    long length = 0;
    for (List<String> row : rows) {
      length += (long) COLUMN_GAP.length() * Math.max(0, row.size() - 1);
      for (String cell : row) {
        length += width(cell);
      }
    }
    return length;
  }

  private static List<String> cells(Node row, List<TableCell.Alignment> alignments) {
    List<String> cells = new ArrayList<>();
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
      if (alignments.size() == cells.size()) {
        alignments.add(((TableCell) cell).getAlignment());
      }
      cells.add(PlainText.withDestinations(cell));
    }
    return cells;
  }

  private static int[] widths(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], width(row.get(i)));
      }
    }
    return widths;
  }

  private static String row(
      List<String> cells, int[] widths, List<TableCell.Alignment> alignments) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < widths.length; i++) {
      String cell = i < cells.size() ? cells.get(i) : "";
      TableCell.Alignment alignment = i < alignments.size() ? alignments.get(i) : null;
      padded.add(pad(cell, widths[i], alignment));
    }
    return String.join(COLUMN_GAP, padded).stripTrailing();
  }

  private static String pad(String cell, int width, TableCell.Alignment alignment) {
    int space = width - width(cell);
    if (alignment == TableCell.Alignment.RIGHT) {
      return " ".repeat(space) + cell;
    } else if (alignment == TableCell.Alignment.CENTER) {
      return " ".repeat(space / 2) + cell + " ".repeat(space - space / 2);
    }
    return cell + " ".repeat(space);
  }

  private static String separator(int[] widths) {
    List<String> dashes = new ArrayList<>();
    for (int width : widths) {
      dashes.add("-".repeat(width));
    }
    return String.join("-+-", dashes);
  }

  /** Columns a cell takes in a monospaced font, counting code points rather than UTF-16 units. */
  private static int width(String cell) {
    return cell.codePointCount(0, cell.length());
  }
}
