package dev.specbot.template.parse;

import dev.specbot.template.markdown.Markdown;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/** What a template's blocks are for: guidance, structure to fill in, metadata or a checklist. */
final class Blocks {
  // Quote marks and blanks as one class, [>\s]*, rather than \s*(?:>\s*)*: the same text, read
  // in a loop, where the group recursed once per quote mark (the stack overflowed at some
  // thousands of them; commonmark nests quotes 100 deep at most, so only as a last guard).
  private static final Pattern TASK_ITEM =
      Pattern.compile("^[>\\s]*(?:[-*+]|\\d{1,9}[.)])\\s+\\[[ xX]\\](?:\\s|$)");
  private static final Pattern BLANK_QUOTE_LINE = Pattern.compile("^[>\\s]*$");

  private Blocks() {}

  /** Tables, lists and code: a shape the writer fills in, rather than prose about it. */
  static boolean isFillStructure(Node block) {
    return block instanceof TableBlock
        || block instanceof ListBlock
        || block instanceof FencedCodeBlock
        || block instanceof IndentedCodeBlock;
  }

  static boolean isTable(Node block) {
    return block instanceof TableBlock;
  }

  static boolean isComment(Node block) {
    return block instanceof HtmlBlock html && html.getLiteral().stripLeading().startsWith("<!--");
  }

  /** A list whose every item is a {@code [ ]} or {@code [x]} task. */
  static boolean isTaskList(Node block, List<String> lines) {
    if (!(block instanceof ListBlock)) {
      return false;
    }
    for (Node item : Markdown.children(block)) {
      if (!TASK_ITEM.matcher(lines.get(Markdown.firstLine(item))).find()) {
        return false;
      }
    }
    return true;
  }

  /** A paragraph or quote made only of metadata lines such as {@code **Status**: [DRAFT]}. */
  static boolean isFieldBlock(Node block, List<String> lines) {
    if (!(block instanceof Paragraph || block instanceof BlockQuote)) {
      return false;
    }
    if (block instanceof BlockQuote
        && !Markdown.children(block).stream().allMatch(child -> child instanceof Paragraph)) {
      return false;
    }
    List<String> content = fieldLines(block, lines);
    return !content.isEmpty()
        && content.stream().allMatch(line -> FieldLine.parse(line).isPresent());
  }

  /** The non-blank source lines of a metadata block. */
  static List<String> fieldLines(Node block, List<String> lines) {
    return Markdown.lines(Markdown.source(block, lines)).stream()
        .filter(line -> !BLANK_QUOTE_LINE.matcher(line).matches())
        .toList();
  }

  /** The names of a table's columns, as its header row gives them, placeholders kept. */
  static List<String> columns(TableBlock table) {
    TableRow header = (TableRow) table.getFirstChild().getFirstChild();
    return Markdown.children(header).stream()
        .map(cell -> Hints.inlineKeepingBrackets((TableCell) cell))
        .toList();
  }

  static boolean isThematicBreak(Node block) {
    return block instanceof ThematicBreak;
  }

  /** Every list item under a list, nested ones included, in document order. */
  static void collectItems(Node list, List<ListItem> items) {
    for (Node child : Markdown.children(list)) {
      if (child instanceof ListItem item) {
        items.add(item);
      }
      collectItems(child, items);
    }
  }
}
