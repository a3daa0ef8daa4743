package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/** Renders one markdown block (paragraph, list, quote, code, table, HTML) as lines of mrkdwn. */
final class BlockMrkdwn {
  static final String FENCE = "```";

  /** Indentation of a list item's further lines and nested lists. */
  private static final String INDENT = "    ";

  /** Slack has no rule inside a section; a thematic break inside a list or quote becomes this. */
  private static final String RULE = "──────────";

  private BlockMrkdwn() {}

  static List<Line> of(Node block) {
    if (block instanceof Paragraph) {
      return textLines(InlineMrkdwn.of(block));
    } else if (block instanceof Heading) {
      return List.of(Line.plain(bold(PlainText.withDestinations(block))));
    } else if (block instanceof ListBlock list) {
      return list(list);
    } else if (block instanceof BlockQuote) {
      return quote(block);
    } else if (block instanceof FencedCodeBlock code) {
      return code(code.getLiteral());
    } else if (block instanceof IndentedCodeBlock code) {
      return code(code.getLiteral());
    } else if (block instanceof TableBlock table) {
      return code(TableText.of(table));
    } else if (block instanceof HtmlBlock html) {
      return textLines(
          SlackText.escape(SlackText.breakFences(withoutFinalNewline(html.getLiteral()))));
    } else if (block instanceof ThematicBreak) {
      return List.of(Line.plain(RULE));
    } else if (block instanceof LinkReferenceDefinition) {
      return List.of(); // only a target for links, which already carry their destinations
    }
    return children(block);
  }

  /** A heading below level 2 as Slack shows one inside a section: its text in bold. */
  static String bold(String plainText) {
    String text = SlackText.escape(SlackText.breakFences(plainText));
    return text.isEmpty() ? text : "*" + text + "*";
  }

  private static List<Line> children(Node parent) {
    List<Line> lines = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      lines.addAll(of(child));
    }
    return lines;
  }

  private static List<Line> textLines(String mrkdwn) {
    List<Line> lines = new ArrayList<>();
    for (String line : mrkdwn.split("\n", -1)) {
      lines.add(Line.plain(line));
    }
    return lines;
  }

  private static List<Line> code(String literal) {
    String code = withoutFinalNewline(literal);
    if (code.isEmpty()) {
      return List.of();
    }
    List<Line> lines = new ArrayList<>();
    lines.add(Line.code(FENCE));
    for (String line : code.split("\n", -1)) {
      lines.add(Line.code(SlackText.escape(SlackText.breakFences(line))));
    }
    lines.add(Line.code(FENCE));
    return lines;
  }

  private static List<Line> quote(Node quote) {
    List<Line> lines = new ArrayList<>();
    for (Line line : children(quote)) {
      lines.add(line.prefixed("> "));
    }
    return lines;
  }

  private static List<Line> list(ListBlock list) {
    List<Line> lines = new ArrayList<>();
    int number = list instanceof OrderedList ordered ? start(ordered) : 0;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      String marker = list instanceof BulletList ? "• " : number++ + ". ";
      lines.addAll(item(marker, children(item)));
    }
    return lines;
  }

  private static int start(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    return start == null ? 1 : start;
  }

  /**
   * A list item: its marker on the first line, further lines indented, a task box for [ ] or [x].
   */
  private static List<Line> item(String marker, List<Line> content) {
    List<Line> lines = new ArrayList<>();
    if (content.isEmpty() || content.get(0).verbatim()) {
      lines.add(Line.plain(marker.strip()));
    } else {
      Task task = Task.of(content.get(0).text());
      String first = marker.equals("• ") && task != Task.NONE ? "" : marker;
      lines.add(Line.plain(first + task.box + task.rest(content.get(0).text())));
      content = content.subList(1, content.size());
    }
    for (Line line : content) {
      lines.add(line.verbatim() ? line : line.prefixed(INDENT));
    }
    return lines;
  }

  private static String withoutFinalNewline(String literal) {
    return literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
  }

  /** A GFM task list item's state, read from the start of its first line. */
  private enum Task {
    NONE(""),
    OPEN("☐ "),
    DONE("☑ ");

    private final String box;

    Task(String box) {
      this.box = box;
    }

    static Task of(String line) {
      if (line.startsWith("[ ] ") || line.equals("[ ]")) {
        return OPEN;
      } else if (line.startsWith("[x] ")
          || line.startsWith("[X] ")
          || line.equalsIgnoreCase("[x]")) {
        return DONE;
      }
      return NONE;
    }

    String rest(String line) {
      return this == NONE ? line : line.substring(Math.min(4, line.length()));
    }
  }
}
