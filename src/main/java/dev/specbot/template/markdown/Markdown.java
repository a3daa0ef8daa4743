package dev.specbot.template.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/** The one CommonMark (plus GFM tables) parser the engine reads templates and answers with. */
public final class Markdown {
  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS)
          .build();

  private Markdown() {}

  public static Node parse(String text) {
    return PARSER.parse(text);
  }

  /** Splits on {@code \n} keeping a trailing empty line, so line indexes match source spans. */
  public static List<String> lines(String text) {
    return List.of(text.split("\n", -1));
  }

  public static List<Node> children(Node parent) {
    List<Node> children = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
      children.add(child);
    }
    return children;
  }

  /** 0-based index of the block's first source line. */
  public static int firstLine(Node block) {
    return block.getSourceSpans().get(0).getLineIndex();
  }

  /** 0-based index of the block's last source line. */
  public static int lastLine(Node block) {
    List<SourceSpan> spans = block.getSourceSpans();
    return spans.get(spans.size() - 1).getLineIndex();
  }

  /** The whole source lines the block stands on, joined with {@code \n}. */
  public static String source(Node block, List<String> lines) {
    return String.join("\n", lines.subList(firstLine(block), lastLine(block) + 1));
  }

  /** Normalises line endings to {@code \n}. */
  public static String unixLines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
