package dev.specbot.template.parse;

import dev.specbot.template.markdown.EmphasisMarks;
import dev.specbot.template.markdown.Inline;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Turns a template's guidance into a readable hint: no {@code >} markers, no comment syntax, no
 * stray asterisks, placeholders without their brackets; lists as bullets, tables as their columns,
 * code kept.
 */
final class Hints {
  private static final Pattern COMMENT_MARKERS = Pattern.compile("<!--|-->");
  private static final Pattern BRACKETED =
      Pattern.compile("(?<![\\p{L}\\p{N}])\\[([^\\[\\]\\n]+)\\]");
  private static final Pattern TASK = Pattern.compile("^\\[([ xX])\\]\\s+");
  private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");

  private Hints() {}

  /** The hint for a run of guidance blocks. */
  static String of(List<Node> blocks) {
    List<String> parts = new ArrayList<>();
    for (Node block : blocks) {
      String text = block(block, "");
      if (!text.isBlank()) {
        parts.add(text.strip());
      }
    }
    return BLANK_RUNS.matcher(String.join("\n\n", parts)).replaceAll("\n\n").strip();
  }

  /** Readable text of inline markdown such as a heading or a metadata value. */
  static String inline(Node parent) {
    StringBuilder out = new StringBuilder();
    appendInline(parent, out);
    return withoutBrackets(out.toString()).strip();
  }

  /** Readable text of inline markdown, placeholders kept with their brackets: a heading's title. */
  static String inlineKeepingBrackets(Node parent) {
    StringBuilder out = new StringBuilder();
    appendInline(parent, out);
    return Inline.foldLineBreaks(out.toString()).strip();
  }

  /** Readable text of an HTML comment or of a raw metadata value. */
  static String comment(String literal) {
    String text = COMMENT_MARKERS.matcher(literal).replaceAll("");
    text = EmphasisMarks.strip(text);
    String joined = text.lines().map(String::strip).collect(Collectors.joining("\n"));
    return withoutBrackets(BLANK_RUNS.matcher(joined).replaceAll("\n\n")).strip();
  }

  private static String block(Node block, String indent) {
    if (block instanceof Paragraph || block instanceof Heading) {
      return indentLines(inline(block), indent);
    }
    if (block instanceof HtmlBlock html) {
      return indentLines(comment(html.getLiteral()), indent);
    }
    if (block instanceof BlockQuote) {
      return Markdown.children(block).stream()
          .map(child -> block(child, indent))
          .filter(text -> !text.isBlank())
          .collect(Collectors.joining("\n\n"));
    }
    if (block instanceof ListBlock list) {
      return list(list, indent);
    }
    if (block instanceof FencedCodeBlock code) {
      return codeBlock(code.getLiteral(), indent);
    }
    if (block instanceof IndentedCodeBlock code) {
      return codeBlock(code.getLiteral(), indent);
    }
    if (block instanceof TableBlock table) {
      return indentLines(table(table), indent);
    }
    return "";
  }

  private static String list(ListBlock list, String indent) {
    List<String> items = new ArrayList<>();
    int number = 1;
    if (list instanceof OrderedList ordered && ordered.getMarkerStartNumber() != null) {
      number = ordered.getMarkerStartNumber();
    }
    for (Node item : Markdown.children(list)) {
      String marker = list instanceof OrderedList ? number++ + ". " : "• ";
      items.add(listItem((ListItem) item, indent, marker));
    }
    return String.join("\n", items);
  }

  private static String listItem(ListItem item, String indent, String marker) {
    List<String> parts = new ArrayList<>();
    for (Node child : Markdown.children(item)) {
      String nested = indent + "   ";
      parts.add(child instanceof ListBlock ? block(child, nested) : block(child, nested).strip());
    }
    String first = parts.isEmpty() ? "" : parts.remove(0);
    var task = TASK.matcher(first);
    if (task.find()) {
      marker = task.group(1).isBlank() ? "☐ " : "☑ ";
      first = first.substring(task.end());
    }
    StringBuilder out = new StringBuilder(indent).append(marker).append(first);
    for (String rest : parts) {
      out.append('\n').append(rest);
    }
    return out.toString();
  }

  private static String table(TableBlock table) {
    List<String> lines = new ArrayList<>();
    lines.add("Fill in the table: one row per line, cells separated by |");
    for (Node section : Markdown.children(table)) {
      for (Node row : Markdown.children(section)) {
        String cells = cells((TableRow) row);
        lines.add(section instanceof TableHead ? "Columns: " + cells : "e.g. " + cells);
      }
    }
    return String.join("\n", lines);
  }

  /** A table row's cells as readable text, joined with {@code |}. */
  static String cells(TableRow row) {
    return Markdown.children(row).stream()
        .map(cell -> inline((TableCell) cell))
        .collect(Collectors.joining(" | "));
  }

  private static String codeBlock(String literal, String indent) {
    return indentLines("```\n" + literal.stripTrailing() + "\n```", indent);
  }

  private static void appendInline(Node parent, StringBuilder out) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
      if (node instanceof Text text) {
        out.append(text.getLiteral());
      } else if (node instanceof Code code) {
        out.append('`').append(code.getLiteral()).append('`');
      } else if (node instanceof HtmlInline html) {
        out.append(comment(html.getLiteral()));
      } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
        out.append('\n');
      } else if (node instanceof Link link) {
        appendLink(link, out);
      } else if (node instanceof Image image) {
        appendInline(image, out);
      } else {
        appendInline(node, out);
      }
    }
  }

  private static void appendLink(Link link, StringBuilder out) {
    StringBuilder text = new StringBuilder();
    appendInline(link, text);
    out.append(text);
    if (!text.toString().equals(link.getDestination())) {
      out.append(" (").append(link.getDestination()).append(')');
    }
  }

  /** Drops placeholder brackets outside code spans: {@code [Goal 1]} reads "Goal 1". */
  private static String withoutBrackets(String text) {
    String[] pieces = text.split("`", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        out.append('`');
      }
      out.append(i % 2 == 0 ? unbracket(pieces[i]) : pieces[i]);
    }
    return out.toString();
  }

  private static String unbracket(String text) {
    var matcher = BRACKETED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String inner = matcher.group(1);
      boolean taskMarker = inner.isBlank() || inner.equalsIgnoreCase("x");
      matcher.appendReplacement(
          out, java.util.regex.Matcher.quoteReplacement(taskMarker ? matcher.group() : inner));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static String indentLines(String text, String indent) {
    if (indent.isEmpty()) {
      return text;
    }
    return text.lines().map(line -> indent + line).collect(Collectors.joining("\n"));
  }
}
