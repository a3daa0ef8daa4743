package dev.specbot.slack.canvas;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.commonmark.node.Code;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/**
 * The inline content of one paragraph, heading or table cell, as canvas markdown: the writer's
 * source is copied as it is (their emphasis, code spans, links and escapes stay exactly as typed),
 * and only what canvases read otherwise is rewritten in place: Slack's {@code <@U123>} and {@code
 * <https://x|label>}, autolinks, images, and raw HTML.
 *
 * <p>The parser's source spans say where each piece is in the text, so nothing is re-escaped and
 * nothing is lost between pieces; the container markers between a paragraph's lines ({@code > }, a
 * list item's indentation) are left out, for {@link Lines} writes its own.
 */
final class Inline {
  /** A piece of source, {@code [start, end)} of the whole text. */
  record Range(int start, int end) {}

  /** A piece of source replaced by {@code markdown}. */
  private record Rewrite(int start, int end, String markdown) {}

  private final String input;

  Inline(String input) {
    this.input = input;
  }

  /** The pieces of source the block's own spans cover, one per line. */
  static List<Range> ranges(List<SourceSpan> spans) {
    List<Range> ranges = new ArrayList<>(spans.size());
    for (SourceSpan span : spans) {
      ranges.add(new Range(span.getInputIndex(), span.getInputIndex() + span.getLength()));
    }
    return ranges;
  }

  /**
   * The one piece of source from the first inline child of {@code leaf} to the end of its last,
   * leaving out a heading's {@code #} marks or a cell's pipes; empty when it has no content.
   */
  static List<Range> contentRange(Node leaf) {
    int start = -1;
    int end = -1;
    for (Node child = leaf.getFirstChild(); child != null; child = child.getNext()) {
      List<SourceSpan> spans = child.getSourceSpans();
      if (spans.isEmpty()) {
        continue;
      }
      if (start < 0) {
        start = spans.get(0).getInputIndex();
      }
      SourceSpan last = spans.get(spans.size() - 1);
      end = last.getInputIndex() + last.getLength();
    }
    return start < 0 ? List.of() : List.of(new Range(start, end));
  }

  /** The content as lines of canvas markdown, the first without its indentation. */
  List<String> lines(Node leaf, List<Range> ranges) {
    return lines(leaf, ranges, false, IntUnaryOperator.identity());
  }

  /**
   * As {@link #lines(Node, List)}, with the inline spans moved by {@code toSource} to where they
   * are in the text: in a table cell the parser reads {@code \|} as one character, so the spans
   * after one are short of the text by one character each.
   */
  private List<String> lines(
      Node leaf, List<Range> ranges, boolean inTableCell, IntUnaryOperator toSource) {
    List<Rewrite> rewrites = rewrites(leaf, ranges, inTableCell, toSource);
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int next = 0;
    int skipUntil = -1;
    for (int r = 0; r < ranges.size(); r++) {
      Range range = ranges.get(r);
      if (r > 0 && skipUntil <= range.start()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      int at = Math.max(range.start(), skipUntil);
      while (at < range.end()) {
        while (next < rewrites.size() && rewrites.get(next).start() < at) {
          next++; // a rewrite the spans do not reach (never expected): its source is copied
        }
        if (next < rewrites.size() && rewrites.get(next).start() < range.end()) {
          Rewrite rewrite = rewrites.get(next++);
          line.append(input, at, rewrite.start()).append(rewrite.markdown());
          skipUntil = rewrite.end();
          at = Math.min(range.end(), rewrite.end());
        } else {
          line.append(input, at, range.end());
          at = range.end();
        }
      }
    }
    lines.add(line.toString());
    lines.set(0, lines.get(0).stripLeading());
    int last = lines.size() - 1;
    lines.set(last, lines.get(last).stripTrailing());
    return lines;
  }

  /** The content on one line, its line breaks read as spaces: for a heading. */
  String oneLine(Node leaf, List<Range> ranges) {
    return String.join(" ", lines(leaf, ranges)).strip();
  }

  /**
   * A table cell's content on one line; a {@code |} in what is rewritten (a link's label, HTML
   * shown as code) is escaped, as the writer had to escape their own.
   */
  String cell(Node cell) {
    List<Range> content = contentRange(cell);
    if (content.isEmpty()) {
      return "";
    }
    int start = content.get(0).start();
    List<SourceSpan> cellSpans = cell.getSourceSpans();
    int cellEnd =
        cellSpans.isEmpty()
            ? content.get(0).end()
            : cellSpans.get(0).getInputIndex() + cellSpans.get(0).getLength();
    IntUnaryOperator toSource = escapedPipes(start, Math.max(start, cellEnd));
    List<Range> ranges = List.of(new Range(start, toSource.applyAsInt(content.get(0).end())));
    return String.join(" ", lines(cell, ranges, true, toSource)).strip();
  }

  /**
   * Where an index the parser gives inside a cell is in the text: one character further for each
   * {@code \|} before it, which the parser read as one {@code |} (as GFM splits a row into cells).
   */
  private IntUnaryOperator escapedPipes(int start, int end) {
    // escapesBefore[n]: how many of the first n characters the parser read were a \| of two.
    int[] escapesBefore = new int[end - start + 1];
    int read = 0;
    int i = start;
    while (i < end) {
      boolean escape = input.charAt(i) == '\\' && i + 1 < end && input.charAt(i + 1) == '|';
      escapesBefore[read + 1] = escapesBefore[read] + (escape ? 1 : 0);
      i += escape ? 2 : 1;
      read++;
    }
    int characters = read;
    return index -> {
      int offset = Math.max(0, Math.min(index - start, characters));
      return index + escapesBefore[offset];
    };
  }

  /**
   * What must change in the leaf's inline content, in source order: Slack's tokens wherever they
   * are outside code (a label such as {@code <https://x|*v2* notes>} spans several inline nodes),
   * then what the parser found that canvases read otherwise. A token wins over an autolink or
   * {@code <!here>} read at the same place.
   */
  private List<Rewrite> rewrites(
      Node leaf, List<Range> ranges, boolean inTableCell, IntUnaryOperator toSource) {
    List<Range> kept = new ArrayList<>();
    List<Rewrite> nodes = nodeRewrites(leaf, inTableCell, toSource, kept);
    List<Rewrite> tokens = tokenRewrites(ranges, kept, inTableCell);
    List<Rewrite> merged = new ArrayList<>(nodes.size() + tokens.size());
    int n = 0;
    int t = 0;
    int lastEnd = Integer.MIN_VALUE;
    while (n < nodes.size() || t < tokens.size()) {
      boolean takeToken =
          n == nodes.size() || (t < tokens.size() && tokens.get(t).start() <= nodes.get(n).start());
      Rewrite next = takeToken ? tokens.get(t++) : nodes.get(n++);
      if (next.start() >= lastEnd) {
        merged.add(next);
        lastEnd = Math.max(next.end(), next.start() + 1);
      }
    }
    return merged;
  }

  /**
   * The rewrites of parsed nodes (raw HTML, autolinks, images), and in {@code kept} what Slack's
   * tokens must not be looked for in: code spans, HTML comments, and a link's destination. Walked
   * with a stack of its own, as emphasis nested thousands deep would overflow a recursive walk.
   */
  private List<Rewrite> nodeRewrites(
      Node leaf, boolean inTableCell, IntUnaryOperator toSource, List<Range> kept) {
    List<Rewrite> rewrites = new ArrayList<>();
    Deque<Node> stack = new ArrayDeque<>();
    pushChildren(stack, leaf);
    while (!stack.isEmpty()) {
      Node node = stack.pop();
      List<SourceSpan> spans = node.getSourceSpans();
      if (spans.isEmpty()) {
        pushChildren(stack, node);
        continue;
      }
      int start = toSource.applyAsInt(spans.get(0).getInputIndex());
      int end = toSource.applyAsInt(end(spans));
      if (node instanceof Code) {
        kept.add(new Range(start, end));
      } else if (node instanceof HtmlInline html) {
        if (html.getLiteral().startsWith("<!--")) {
          kept.add(new Range(start, end));
        }
        rewrites.add(new Rewrite(start, end, html(html.getLiteral(), inTableCell)));
      } else if (node instanceof Link link && input.charAt(start) == '<') {
        rewrites.add(new Rewrite(start, end, autolink(link, start, end, inTableCell)));
      } else if (node instanceof Image image && isMention(image)) {
        kept.add(new Range(start, end));
      } else if (node instanceof Link || node instanceof Image) {
        if (node instanceof Image) {
          // Canvases show no images from markdown: the image becomes a link to it.
          rewrites.add(new Rewrite(start, start + 1, ""));
        }
        kept.add(new Range(afterLabel(node, start, toSource), end));
        pushChildren(stack, node);
      } else {
        pushChildren(stack, node);
      }
    }
    return rewrites;
  }

  /** Where a link's label ends: its destination and title follow. */
  private static int afterLabel(Node link, int start, IntUnaryOperator toSource) {
    int after = start + 1;
    for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
      if (!child.getSourceSpans().isEmpty()) {
        after = Math.max(after, toSource.applyAsInt(end(child.getSourceSpans())));
      }
    }
    return after;
  }

  /**
   * Slack's tokens in the content, outside {@code kept}; a backslash escape is skipped whole, so an
   * escaped {@code \<@U1>} stays text. What is kept is marked character by character, as the ranges
   * come in no useful order (an image's inside a link's label).
   */
  private List<Rewrite> tokenRewrites(List<Range> ranges, List<Range> kept, boolean inTableCell) {
    List<Rewrite> tokens = new ArrayList<>();
    if (ranges.isEmpty()) {
      return tokens;
    }
    int base = ranges.get(0).start();
    int limit = Math.max(base, ranges.get(ranges.size() - 1).end());
    boolean[] keep = new boolean[limit - base];
    for (Range range : kept) {
      for (int i = Math.max(base, range.start()); i < Math.min(limit, range.end()); i++) {
        keep[i - base] = true;
      }
    }
    for (Range range : ranges) {
      int i = Math.max(base, range.start());
      int end = Math.min(limit, range.end());
      while (i < end) {
        char c = input.charAt(i);
        if (keep[i - base]) {
          i++;
        } else if (c == '\\') {
          i += 2;
        } else if (c == '<') {
          SlackTokens.Token token = SlackTokens.at(input, i, inTableCell);
          if (token != null && token.end() <= end && !anyKept(keep, base, i, token.end())) {
            tokens.add(new Rewrite(i, token.end(), token.markdown()));
            i = token.end();
          } else {
            i++;
          }
        } else {
          i++;
        }
      }
    }
    return tokens;
  }

  private static boolean anyKept(boolean[] keep, int base, int from, int to) {
    for (int i = from; i < to; i++) {
      if (keep[i - base]) {
        return true;
      }
    }
    return false;
  }

  /**
   * An autolink as canvases write links: {@code <https://x>} as {@code [https://x](https://x)},
   * Slack's {@code <https://x|label>} as {@code [label](https://x)}.
   */
  private String autolink(Link link, int start, int end, boolean inTableCell) {
    SlackTokens.Token token = SlackTokens.at(input, start, inTableCell);
    if (token != null && token.end() == end) {
      return token.markdown();
    }
    String label = input.substring(start + 1, Math.max(start + 1, end - 1));
    return SlackTokens.markdownLink(label, link.getDestination(), inTableCell);
  }

  /**
   * Raw HTML read as a canvas can show it: Slack's {@code <!here>} as "@here", a comment as its
   * words in brackets, any other tag as a code span of itself.
   */
  static String html(String literal, boolean inTableCell) {
    if (literal.startsWith("<!--")) {
      String words = literal.substring(4);
      words = words.endsWith("-->") ? words.substring(0, words.length() - 3) : words;
      words = words.strip();
      return words.isEmpty() ? "" : "(" + Literal.inline(words, inTableCell) + ")";
    }
    SlackTokens.Token token = SlackTokens.at(literal, 0, inTableCell);
    if (token != null && token.end() == literal.length()) {
      return token.markdown();
    }
    return Literal.codeSpan(literal, inTableCell);
  }

  /** {@code ![](@U123)} or {@code ![](#C123)}: already a canvas mention. */
  private static boolean isMention(Image image) {
    String destination = image.getDestination();
    return image.getFirstChild() == null
        && (destination.startsWith("@") || destination.startsWith("#"))
        && destination.length() > 1;
  }

  private static int end(List<SourceSpan> spans) {
    SourceSpan last = spans.get(spans.size() - 1);
    return last.getInputIndex() + last.getLength();
  }

  private static void pushChildren(Deque<Node> stack, Node parent) {
    for (Node child = parent.getLastChild(); child != null; child = child.getPrevious()) {
      stack.push(child);
    }
  }
}
