package dev.specbot.slack.canvas;

import java.util.ArrayDeque;
import java.util.Deque;
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
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Writes a parsed document's blocks as canvas markdown: each in the one spelling the canvas subset
 * has ({@code -} bullets, {@code 1.} numbers, {@code ```} fences, ATX headings {@code #} to {@code
 * ###}), their inline content by {@link Inline}, tables by {@link Tables}.
 */
final class Blocks {
  /** The largest number an ordered list item may have in CommonMark: nine digits. */
  private static final long MAX_ITEM_NUMBER = 999_999_999L;

  private final String input;
  private final Lines lines;
  private final Parser parser;
  private final boolean tables;
  private final boolean readSlackHtmlAgain;
  private final Inline inline;

  /**
   * @param readSlackHtmlAgain whether an HTML block that is Slack's {@code <!here>} at the start of
   *     a line may be read again as markdown once the mention is made text; false for that second
   *     reading, so that it happens at most once
   */
  Blocks(String input, Lines lines, Parser parser, boolean tables, boolean readSlackHtmlAgain) {
    this.input = input;
    this.lines = lines;
    this.parser = parser;
    this.tables = tables;
    this.readSlackHtmlAgain = readSlackHtmlAgain;
    this.inline = new Inline(input);
  }

  /** Writes the document's blocks. */
  void document(Node document) {
    children(document, false);
  }

  /**
   * Writes a container's blocks apart by blank lines; in a tight list's item only a nested list
   * follows without one, as a blank line anywhere else is what keeps a block from being read into
   * the one before.
   */
  private void children(Node parent, boolean tightItem) {
    boolean first = true;
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      if (!first && !(tightItem && child instanceof ListBlock)) {
        lines.separate();
      }
      block(child);
      first = false;
    }
  }

  private void block(Node node) {
    if (node instanceof Paragraph paragraph) {
      paragraph(paragraph);
    } else if (node instanceof Heading heading) {
      heading(heading);
    } else if (node instanceof BlockQuote || node instanceof ListBlock) {
      container(node);
    } else if (node instanceof FencedCodeBlock fenced) {
      code(fenced.getInfo(), fenced.getLiteral());
    } else if (node instanceof IndentedCodeBlock indented) {
      code("", indented.getLiteral());
    } else if (node instanceof HtmlBlock html) {
      html(html.getLiteral());
    } else if (node instanceof ThematicBreak) {
      // "- ---" would read as a break of four dashes, not a list item holding one.
      lines.line(lines.atContainerStart() ? "***" : "---");
    } else if (node instanceof TableBlock table) {
      new Tables(input, lines, inline, tables).table(table);
    } else if (node instanceof LinkReferenceDefinition) {
      verbatim(node);
    } else {
      children(node, false);
    }
  }

  private void paragraph(Paragraph paragraph) {
    for (String line : inline.lines(paragraph, Inline.ranges(paragraph.getSourceSpans()))) {
      lines.line(line);
    }
  }

  /** Headings deeper than h3 become h3: canvases have three levels, and each is a section. */
  private void heading(Heading heading) {
    List<SourceSpan> spans = heading.getSourceSpans();
    boolean setext =
        spans.size() > 1 || (!spans.isEmpty() && !startsWithHash(spans.get(0).getInputIndex()));
    List<Inline.Range> ranges =
        setext
            ? Inline.ranges(spans.subList(0, Math.max(1, spans.size() - 1)))
            : Inline.contentRange(heading);
    String text = inline.oneLine(heading, ranges);
    if (!text.isEmpty()) {
      lines.line("#".repeat(Math.min(3, heading.getLevel())) + " " + text);
    }
  }

  private boolean startsWithHash(int from) {
    int i = from;
    while (i < input.length() && input.charAt(i) == ' ') {
      i++;
    }
    return i < input.length() && input.charAt(i) == '#';
  }

  /**
   * A quote or a list, or, nested deeper than {@link Lines#MAX_DEPTH}, its content at that depth.
   */
  private void container(Node node) {
    if (lines.depth() >= Lines.MAX_DEPTH) {
      flattened(node);
    } else if (node instanceof BlockQuote) {
      lines.push("> ", "> ");
      children(node, false);
      lines.pop();
    } else {
      list((ListBlock) node);
    }
  }

  private void list(ListBlock list) {
    boolean ordered = list instanceof OrderedList;
    long number = ordered ? Math.max(0, startNumber((OrderedList) list)) : 0;
    // Two lists in a row would run together as one once both have the same marker.
    String bullet =
        list.getPrevious() instanceof BulletList && bulletsBefore(list) % 2 == 1 ? "*" : "-";
    boolean first = true;
    for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
      if (!first && !list.isTight()) {
        lines.separate();
      }
      String marker = ordered ? Math.min(number++, MAX_ITEM_NUMBER) + ". " : bullet + " ";
      lines.push(marker, " ".repeat(Math.max(4, marker.length())));
      if (item instanceof ListItem) {
        children(item, list.isTight());
      } else {
        block(item);
      }
      lines.pop();
      first = false;
    }
  }

  private static int startNumber(OrderedList list) {
    Integer start = list.getMarkerStartNumber();
    return start == null ? 1 : start;
  }

  /** How many bullet lists come straight before this one, each right after the other. */
  private static int bulletsBefore(ListBlock list) {
    int count = 0;
    for (Node before = list.getPrevious();
        before instanceof BulletList;
        before = before.getPrevious()) {
      count++;
    }
    return count;
  }

  /** A node met in a walk, with the marker its list item starts with (null for others). */
  private record Visit(Node node, String marker) {}

  /**
   * The blocks inside a container nested too deep, each at the depth reached, list items keeping
   * their markers; walked with a stack of its own: a reply of 20,000 {@code >} is 20,000 quotes
   * inside each other.
   */
  private void flattened(Node container) {
    Deque<Visit> stack = new ArrayDeque<>();
    pushChildren(stack, container);
    while (!stack.isEmpty()) {
      Visit visit = stack.pop();
      Node node = visit.node();
      if (visit.marker() != null) {
        lines.mark(visit.marker());
      }
      if (node instanceof BlockQuote || node instanceof ListBlock || node instanceof ListItem) {
        pushChildren(stack, node);
      } else {
        lines.separate();
        block(node);
      }
    }
  }

  /** Pushes the children last first, so that they come off in order, items with their markers. */
  private static void pushChildren(Deque<Visit> stack, Node parent) {
    boolean ordered = parent instanceof OrderedList;
    long number = 0;
    if (ordered) {
      number = Math.max(0L, startNumber((OrderedList) parent)) - 1L;
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        number++;
      }
    }
    for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
      String marker = null;
      if (parent instanceof ListBlock) {
        marker = ordered ? Math.min(number--, MAX_ITEM_NUMBER) + ". " : "- ";
      }
      stack.push(new Visit(child, marker));
    }
  }

  /**
   * A code block between backtick fences, one longer than any run of backticks that starts one of
   * its lines; its text exactly as written.
   */
  private void code(String info, String literal) {
    int longest = 0;
    int lineStart = 0;
    while (lineStart < literal.length()) {
      int at = lineStart;
      while (at < literal.length() && at - lineStart < 4 && literal.charAt(at) == ' ') {
        at++;
      }
      int run = 0;
      while (at + run < literal.length() && literal.charAt(at + run) == '`') {
        run++;
      }
      longest = Math.max(longest, run);
      int end = literal.indexOf('\n', lineStart);
      lineStart = end < 0 ? literal.length() : end + 1;
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    lines.line(fence + (info == null ? "" : info.replace("`", "").strip()));
    int start = 0;
    while (start < literal.length()) {
      int end = literal.indexOf('\n', start);
      int stop = end < 0 ? literal.length() : end;
      lines.line(literal.substring(start, stop));
      start = stop + 1;
    }
    lines.line(fence);
  }

  /**
   * HTML, which canvases do not show: a comment becomes a quote of its words; Slack's {@code
   * <!here>} at the start of a line is read again as text with "@here"; any other HTML is shown as
   * code, exactly as written.
   */
  private void html(String literal) {
    String start = literal.stripLeading();
    if (start.startsWith("<!--")) {
      comment(literal);
      return;
    }
    if (readSlackHtmlAgain && start.startsWith("<!")) {
      String text = SlackTokens.specials(literal);
      if (!text.equals(literal)) {
        new Blocks(text, lines, parser, tables, false).document(parser.parse(text));
        return;
      }
    }
    code("", literal);
  }

  /** A comment's words as a quote, each line read literally; an empty comment leaves nothing. */
  private void comment(String literal) {
    String words = withoutCommentMarks(literal).strip();
    if (words.isEmpty()) {
      return;
    }
    boolean quoted = lines.depth() < Lines.MAX_DEPTH;
    if (quoted) {
      lines.push("> ", "> ");
    }
    int start = 0;
    while (start <= words.length()) {
      int end = words.indexOf('\n', start);
      int stop = end < 0 ? words.length() : end;
      lines.line(Literal.line(words.substring(start, stop)));
      start = stop + 1;
    }
    if (quoted) {
      lines.pop();
    }
  }

  private static String withoutCommentMarks(String literal) {
    StringBuilder words = new StringBuilder(literal.length());
    int i = 0;
    while (i < literal.length()) {
      if (literal.startsWith("<!--", i)) {
        i += 4;
      } else if (literal.startsWith("-->", i)) {
        i += 3;
      } else {
        words.append(literal.charAt(i));
        i++;
      }
    }
    return words.toString();
  }

  /** A block canvases read as written (a link reference definition), line by line. */
  private void verbatim(Node node) {
    for (Inline.Range range : Inline.ranges(node.getSourceSpans())) {
      lines.line(input.substring(range.start(), range.end()).strip());
    }
  }
}
