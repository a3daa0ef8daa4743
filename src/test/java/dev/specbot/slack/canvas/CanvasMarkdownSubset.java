package dev.specbot.slack.canvas;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Checks that a text only uses the markdown Slack's canvases document (docs.slack.dev,
 * canvases.create: "headings h1-h3", bulleted, ordered and check lists, code blocks and spans,
 * quotes, dividers, links, bold, italic, strikethrough, "@ mentions for users and channels",
 * markdown tables): ATX headings {@code #} to {@code ###}; {@code -} or {@code *} bullets and
 * {@code 1.} numbers; {@code ```} fences; {@code >} quotes; {@code [text](url)} links; emphasis;
 * mentions {@code ![](@U123)} and {@code ![](#C123)}; tables only when allowed.
 *
 * <p>It reads the text with a CommonMark parser of its own and names each block or inline element
 * outside the subset: HTML, deeper or underlined headings, indented or {@code ~~~} code, {@code +}
 * bullets, {@code 1)} numbers, autolinks, images, and Slack's own {@code <@U123>} syntax, which a
 * canvas would show as text.
 */
final class CanvasMarkdownSubset {
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private final boolean tables;

  private CanvasMarkdownSubset(boolean tables) {
    this.tables = tables;
  }

  static CanvasMarkdownSubset withTables(boolean tables) {
    return new CanvasMarkdownSubset(tables);
  }

  /** What in {@code markdown} is outside the subset, one line each; empty when nothing is. */
  List<String> violations(String markdown) {
    List<String> violations = new ArrayList<>();
    if (markdown.length() > CanvasMarkdown.MAX_LENGTH) {
      violations.add("longer than a canvas takes: " + markdown.length() + " characters");
    }
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(PARSER.parse(markdown));
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      String problem = problem(node, markdown);
      if (problem != null) {
        violations.add("line " + line(node) + ": " + problem);
      }
      for (Node child = node.getLastChild(); child != null; child = child.getPrevious()) {
        stack.push(child);
      }
    }
    return violations;
  }

  private String problem(Node node, String markdown) {
    if (node instanceof Heading heading) {
      return heading(heading, markdown);
    }
    if (node instanceof BulletList list) {
      return "-".equals(list.getMarker()) || "*".equals(list.getMarker())
          ? null
          : "a list with " + list.getMarker() + " bullets";
    }
    if (node instanceof OrderedList list) {
      return ".".equals(list.getMarkerDelimiter())
          ? null
          : "an ordered list numbered with " + list.getMarkerDelimiter();
    }
    if (node instanceof FencedCodeBlock fenced) {
      return "`".equals(fenced.getFenceCharacter()) ? null : "a code block fenced with ~";
    }
    if (node instanceof Link) {
      return source(node, markdown).startsWith("[")
          ? null
          : "an autolink " + source(node, markdown);
    }
    if (node instanceof Image image) {
      return isMention(image) ? null : "an image " + source(node, markdown);
    }
    if (node instanceof Text text) {
      return slackSyntax(text.getLiteral());
    }
    if (node instanceof HtmlBlock || node instanceof HtmlInline) {
      return "HTML " + source(node, markdown);
    }
    if (node instanceof IndentedCodeBlock) {
      return "an indented code block";
    }
    if (node instanceof TableBlock) {
      return tables ? null : "a table, where the canvases have none";
    }
    if (isTablePart(node)) {
      return null;
    }
    return allowed(node) ? null : "a " + node.getClass().getSimpleName();
  }

  private static String heading(Heading heading, String markdown) {
    if (heading.getLevel() > 3) {
      return "a heading of level " + heading.getLevel();
    }
    return source(heading, markdown).stripLeading().startsWith("#")
        ? null
        : "an underlined (setext) heading";
  }

  /**
   * Slack's {@code <@U1>}, {@code <#C1|name>} or {@code <!here>} left as text, which a canvas shows
   * as typed; a lone {@code <@} that is no such token is only text.
   */
  private static String slackSyntax(String literal) {
    for (int at = literal.indexOf('<'); at >= 0; at = literal.indexOf('<', at + 1)) {
      if (at + 2 < literal.length() && "@#!".indexOf(literal.charAt(at + 1)) >= 0) {
        int end = at + 2;
        while (end < literal.length() && Character.isLetterOrDigit(literal.charAt(end))) {
          end++;
        }
        int close = end < literal.length() ? literal.indexOf('>', end) : -1;
        int next = literal.indexOf('<', end);
        boolean closed =
            end > at + 2
                && close >= end
                && (next < 0 || next > close)
                && (literal.charAt(end) == '>' || "|^".indexOf(literal.charAt(end)) >= 0);
        if (closed) {
          return "Slack syntax a canvas shows as text: " + literal;
        }
      }
    }
    return null;
  }

  private static boolean isMention(Image image) {
    String destination = image.getDestination();
    return image.getFirstChild() == null
        && (mentionOf(destination, "@", "UW") || mentionOf(destination, "#", "CGD"));
  }

  private static boolean mentionOf(String destination, String sigil, String firstLetters) {
    if (!destination.startsWith(sigil)
        || destination.length() < 3
        || firstLetters.indexOf(destination.charAt(1)) < 0) {
      return false;
    }
    for (int i = 2; i < destination.length(); i++) {
      char c = destination.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTablePart(Node node) {
    return node instanceof TableHead
        || node instanceof TableBody
        || node instanceof TableRow
        || node instanceof TableCell;
  }

  private static boolean allowed(Node node) {
    return node instanceof Document
        || node instanceof Paragraph
        || node instanceof BlockQuote
        || node instanceof ListItem
        || node instanceof ThematicBreak
        || node instanceof LinkReferenceDefinition
        || node instanceof Code
        || node instanceof Emphasis
        || node instanceof StrongEmphasis
        || node instanceof SoftLineBreak
        || node instanceof HardLineBreak;
  }

  private static String source(Node node, String markdown) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans.isEmpty()) {
      return "";
    }
    SourceSpan last = spans.get(spans.size() - 1);
    return markdown.substring(
        spans.get(0).getInputIndex(), last.getInputIndex() + last.getLength());
  }

  private static int line(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (!at.getSourceSpans().isEmpty()) {
        return at.getSourceSpans().get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }
}
