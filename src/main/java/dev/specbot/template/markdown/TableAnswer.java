package dev.specbot.template.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An answer to a table section: lines with {@code |} are rows of the table, every other line is
 * kept as text around it. Nothing the writer typed is dropped: extra cells join the last column.
 */
public final class TableAnswer {
  private static final Pattern DELIMITER_CELL = Pattern.compile("\\s*:?-{1,}:?\\s*");

  private TableAnswer() {}

  /**
   * The table (the template's header lines, then the writer's rows) with the writer's other text
   * before and after it, as markdown inside a section of the given level.
   */
  public static String render(
      String answer, List<String> tableHead, List<String> columns, int level) {
    List<String> before = new ArrayList<>();
    List<String> rows = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (String line : Markdown.lines(AnswerMarkdown.trimBlankLines(answer))) {
      if (isRow(line)) {
        List<String> cells = cells(line);
        if (!isDelimiter(cells) && !isHeader(cells, columns)) {
          rows.add(row(fit(cells, columns.size())));
        }
      } else {
        (rows.isEmpty() ? before : after).add(line);
      }
    }
    List<String> parts = new ArrayList<>();
    addText(parts, before, level);
    if (!rows.isEmpty()) {
      parts.add(String.join("\n", tableHead) + "\n" + String.join("\n", rows));
    }
    addText(parts, after, level);
    return String.join("\n\n", parts);
  }

  private static void addText(List<String> parts, List<String> lines, int level) {
    String text = String.join("\n", lines);
    if (!text.isBlank()) {
      parts.add(AnswerMarkdown.sanitize(text, level));
    }
  }

  private static boolean isRow(String line) {
    return !CellPipes.of(line).isEmpty();
  }

  public static List<String> cells(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith("|")) {
      trimmed = trimmed.substring(1);
    }
    if (trimmed.endsWith("|") && !trimmed.endsWith("\\|")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    int start = 0;
    for (int pipe : CellPipes.of(trimmed)) {
      cells.add(CellPipes.escaped(trimmed.substring(start, pipe).strip()));
      start = pipe + 1;
    }
    cells.add(CellPipes.escaped(trimmed.substring(start).strip()));
    return cells;
  }

  /** Pads a short row; a long one keeps its extra cells in the last column, pipes escaped. */
  private static List<String> fit(List<String> cells, int width) {
    List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
    if (cells.size() > width) {
      fitted.set(width - 1, String.join(" \\| ", cells.subList(width - 1, cells.size())));
    }
    while (fitted.size() < width) {
      fitted.add("");
    }
    return fitted;
  }

  private static String row(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |";
  }

  private static boolean isDelimiter(List<String> cells) {
    return cells.stream().allMatch(cell -> DELIMITER_CELL.matcher(cell).matches());
  }

  private static boolean isHeader(List<String> cells, List<String> columns) {
    if (cells.size() != columns.size()) {
      return false;
    }
    for (int i = 0; i < cells.size(); i++) {
      if (!cells.get(i).toLowerCase(Locale.ROOT).equals(columns.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
