package dev.specbot.slack.canvas;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * A GFM table as a canvas shows it: as a markdown table where the workspace's canvases have tables,
 * else each row as a list item that names its columns ("Role: Owner; Person: Alice").
 *
 * <p>Cells past the header's count, which the parser drops, are kept: they join the last cell.
 * Column names are repeated on every row only while that keeps the list near the table's own size;
 * a table of one very wide header and many rows lists the names once instead.
 */
final class Tables {
  /** The list may be this many times the table's length... */
  private static final int MAX_GROWTH = 2;

  /** ...or this long, whatever the table: small tables always name their columns. */
  private static final int ALWAYS_NAMED = 2_000;

  private final String input;
  private final Lines lines;
  private final Inline inline;
  private final boolean tables;

  Tables(String input, Lines lines, Inline inline, boolean tables) {
    this.input = input;
    this.lines = lines;
    this.inline = inline;
    this.tables = tables;
  }

  /** One row's cells as canvas markdown, and what it had past the header's columns. */
  private record Row(List<String> cells, String extra) {}

  void table(TableBlock table) {
    List<String> header = new ArrayList<>();
    List<TableCell.Alignment> alignments = new ArrayList<>();
    List<Row> body = new ArrayList<>();
    for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (section instanceof TableHead && header.isEmpty()) {
          for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            header.add(cell(cell));
            alignments.add(cell instanceof TableCell tableCell ? tableCell.getAlignment() : null);
          }
        } else {
          body.add(row(row));
        }
      }
    }
    if (tables) {
      markdownTable(header, alignments, body);
    } else {
      listOfRows(header, body, length(table));
    }
  }

  private void markdownTable(
      List<String> header, List<TableCell.Alignment> alignments, List<Row> body) {
    lines.line(tableRow(header));
    List<String> delimiters = new ArrayList<>(alignments.size());
    for (TableCell.Alignment alignment : alignments) {
      delimiters.add(delimiter(alignment));
    }
    lines.line(tableRow(delimiters));
    for (Row row : body) {
      List<String> cells = fitted(row.cells(), header.size());
      if (!row.extra().isEmpty()) {
        int last = cells.size() - 1;
        String joined = cells.get(last).isEmpty() ? "" : cells.get(last) + " \\| ";
        cells.set(last, joined + Literal.escapePipes(row.extra()));
      }
      lines.line(tableRow(cells));
    }
  }

  private void listOfRows(List<String> header, List<Row> body, int tableLength) {
    long names = 0;
    for (String name : header) {
      names += name.length() + 2;
    }
    boolean named = names * body.size() <= (long) MAX_GROWTH * tableLength + ALWAYS_NAMED;
    if (!named || body.isEmpty()) {
      String columns = String.join("; ", header.stream().filter(name -> !name.isEmpty()).toList());
      if (!columns.isEmpty()) {
        lines.line("- " + columns);
      }
    }
    for (Row row : body) {
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < row.cells().size(); i++) {
        String value = row.cells().get(i);
        String name = i < header.size() ? header.get(i) : "";
        if (!value.isEmpty()) {
          parts.add(named && !name.isEmpty() ? name + ": " + value : value);
        }
      }
      if (!row.extra().isEmpty()) {
        parts.add(row.extra());
      }
      if (!parts.isEmpty()) {
        lines.line("- " + String.join("; ", parts));
      }
    }
  }

  private String cell(Node cell) {
    return inline.cell(cell);
  }

  /**
   * A body row's cells, and its source past the last cell the parser kept: the cells a row has
   * beyond the header's count, which the parser drops and the writer still wrote.
   */
  private Row row(Node row) {
    List<String> cells = new ArrayList<>();
    int lastCellEnd = -1;
    for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
      cells.add(cell(cell));
      lastCellEnd = Math.max(lastCellEnd, end(cell.getSourceSpans()));
    }
    int rowEnd = end(row.getSourceSpans());
    if (lastCellEnd < 0 || rowEnd <= lastCellEnd) {
      return new Row(cells, "");
    }
    String extra = input.substring(lastCellEnd, rowEnd).strip();
    extra = extra.startsWith("|") ? extra.substring(1) : extra;
    extra =
        extra.endsWith("|") && !extra.endsWith("\\|")
            ? extra.substring(0, extra.length() - 1)
            : extra;
    extra = extra.strip();
    return new Row(cells, SlackTokens.rewrite(extra, 0, extra.length(), tables));
  }

  private static int end(List<SourceSpan> spans) {
    if (spans.isEmpty()) {
      return -1;
    }
    SourceSpan last = spans.get(spans.size() - 1);
    return last.getInputIndex() + last.getLength();
  }

  private static int length(TableBlock table) {
    List<SourceSpan> spans = table.getSourceSpans();
    return spans.isEmpty() ? 0 : end(spans) - spans.get(0).getInputIndex();
  }

  private static List<String> fitted(List<String> cells, int width) {
    List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
    while (fitted.size() < width) {
      fitted.add("");
    }
    return fitted;
  }

  private static String tableRow(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private static String delimiter(TableCell.Alignment alignment) {
    if (alignment == null) {
      return "---";
    }
    return switch (alignment) {
      case LEFT -> ":---";
      case CENTER -> ":---:";
      case RIGHT -> "---:";
    };
  }
}
