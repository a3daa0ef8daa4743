package dev.specbot.slack.canvas;

import java.util.List;
import java.util.Objects;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Turns a finished spec's markdown into the markdown Slack's canvases accept, losing nothing a user
 * wrote.
 *
 * <p>What changes, and why:
 *
 * <ul>
 *   <li>Headings h4 to h6 become h3: canvases have h1 to h3, and keeping them headings keeps them
 *       sections that {@code canvases.sections.lookup} finds and {@code canvases.edit} can replace
 *       (a bold line would be neither). Setext headings are written with {@code #}.
 *   <li>Slack's {@code <@U123>} becomes the canvas mention {@code ![](@U123)}, {@code <#C123|name>}
 *       the channel mention {@code ![](#C123)}; {@code <!here>} becomes "@here", as Slack shows it
 *       (canvases have no such mention).
 *   <li>Links are kept; autolinks and Slack's {@code <https://x|label>} are written {@code
 *       [label](https://x)}, the only form canvases document. An image becomes a link to it.
 *   <li>Lists are written with {@code -} or {@code 1.}, checklists ({@code - [ ]}, {@code - [x]})
 *       as they are, nested content indented four spaces; code as {@code ```} fences (an indented
 *       block too), quotes with {@code >}.
 *   <li>HTML, which canvases do not show: a comment becomes a quote of its words (inline, its words
 *       in brackets), any other HTML a code block or code span of itself.
 *   <li>Tables stay tables {@link #withTables(boolean) where the workspace's canvases have them};
 *       otherwise each row becomes a list item naming its columns: "Role: Owner; Person: Alice".
 * </ul>
 *
 * <p>A writer's inline text is copied from the source as typed (emphasis, code spans, escapes,
 * entities); only the pieces above are rewritten. The work grows linearly with the text.
 */
public final class CanvasMarkdown {
  /** Slack's limit on a canvas's markdown: 1 MiB, counted in characters. */
  public static final int MAX_LENGTH = 1_048_576;

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
          .build();

  private final boolean tables;

  private CanvasMarkdown(boolean tables) {
    this.tables = tables;
  }

  /**
   * A converter that writes tables as markdown tables ({@code true}) or, for canvases without them,
   * each row as a list item ({@code false}).
   */
  public static CanvasMarkdown withTables(boolean tables) {
    return new CanvasMarkdown(tables);
  }

  /** The canvas markdown for a spec's markdown; ends in a line break unless empty. */
  public String convert(String markdown) {
    Objects.requireNonNull(markdown, "null markdown");
    String input = normalized(markdown);
    Lines lines = new Lines();
    new Blocks(input, lines, PARSER, tables, true).document(PARSER.parse(input));
    return lines.text();
  }

  /** Line breaks as {@code \n}, and NUL (which markdown reads as U+FFFD) as U+FFFD. */
  private static String normalized(String markdown) {
    return markdown.replace("\r\n", "\n").replace('\r', '\n').replace('\0', '\uFFFD');
  }
}
