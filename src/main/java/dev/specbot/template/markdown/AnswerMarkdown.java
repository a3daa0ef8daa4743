package dev.specbot.template.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;

/**
 * Places a writer's markdown answer inside a section without letting it break the document: its
 * headings are moved below the section's level, and a code fence or HTML block left open is closed
 * so it cannot swallow the sections that follow. The writer's text itself is kept.
 */
public final class AnswerMarkdown {
  private static final Pattern RAW_HTML_OPEN =
      Pattern.compile("^ {0,3}<(script|pre|style|textarea)(?:[\\s>]|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME_LINE = Pattern.compile("^[^\\s#>*+|`~<=-][^\\n]{0,99}$");
  private static final Pattern LIST_START = Pattern.compile("^\\d{1,9}[.)](\\s|$)");

  private AnswerMarkdown() {}

  /** An answer split into the name its first line gives a placeholder heading, and the rest. */
  public record Named(String name, String rest) {}

  /** The answer as markdown that stays inside a section of the given heading level. */
  public static String sanitize(String answer, int sectionLevel) {
    List<String> lines = new ArrayList<>(Markdown.lines(trimBlankLines(answer)));
    Node document = Markdown.parse(String.join("\n", lines));
    List<Node> blocks = Markdown.children(document);
    for (Node block : blocks) {
      if (block instanceof Heading heading) {
        demote(heading, lines, sectionLevel);
      }
    }
    List<String> kept = lines.stream().filter(line -> line != null).toList();
    String text = String.join("\n", kept);
    return blocks.isEmpty() ? text : text + closing(blocks.get(blocks.size() - 1));
  }

  /**
   * Splits "Use SQLite\nBecause..." into a name for a placeholder heading and the rest, when the
   * first line reads as a short name and more follows.
   */
  public static Optional<Named> nameAndRest(String answer) {
    String text = trimBlankLines(answer);
    int newline = text.indexOf('\n');
    if (newline < 0) {
      return Optional.empty();
    }
    String first = text.substring(0, newline).strip();
    String rest = trimBlankLines(text.substring(newline + 1));
    if (rest.isBlank() || !NAME_LINE.matcher(first).matches() || LIST_START.matcher(first).find()) {
      return Optional.empty();
    }
    return Optional.of(new Named(first, rest));
  }

  /** Drops blank lines at either end and trailing spaces at the very end. */
  static String trimBlankLines(String text) {
    List<String> lines = Markdown.lines(Markdown.unixLines(text));
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) {
      start++;
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    return String.join("\n", lines.subList(start, end)).stripTrailing();
  }

  private static void demote(Heading heading, List<String> lines, int sectionLevel) {
    int first = Markdown.firstLine(heading);
    int last = Markdown.lastLine(heading);
    String text = headingText(lines.subList(first, last + 1));
    int level = sectionLevel + heading.getLevel();
    lines.set(first, level <= 6 ? "#".repeat(level) + " " + text : "**" + text + "**");
    for (int i = first + 1; i <= last; i++) {
      lines.set(i, null);
    }
  }

  private static String headingText(List<String> source) {
    if (source.size() == 1) {
      Optional<String> atx = AtxHeading.text(source.get(0));
      if (atx.isPresent()) {
        return atx.get().strip();
      }
    }
    // A setext heading: its text lines, then the === or --- underline.
    List<String> text = source.subList(0, Math.max(1, source.size() - 1));
    return String.join(" ", text.stream().map(String::strip).toList());
  }

  /** What closes a block the answer left open at its end, so the document after it stays intact. */
  private static String closing(Node last) {
    if (last instanceof FencedCodeBlock fence && fence.getClosingFenceLength() == null) {
      return "\n" + fence.getFenceCharacter().repeat(fence.getOpeningFenceLength());
    }
    if (last instanceof HtmlBlock html) {
      return closingHtml(html.getLiteral());
    }
    return "";
  }

  private static String closingHtml(String literal) {
    String start = literal.stripLeading();
    Matcher raw = RAW_HTML_OPEN.matcher(literal);
    if (raw.find()) {
      String tag = raw.group(1).toLowerCase(Locale.ROOT);
      return literal.toLowerCase(Locale.ROOT).contains("</" + tag) ? "" : "\n</" + tag + ">";
    }
    if (start.startsWith("<!--")) {
      return literal.indexOf("-->", literal.indexOf("<!--") + 4) >= 0 ? "" : "\n-->";
    }
    if (start.startsWith("<![CDATA[")) {
      return literal.contains("]]>") ? "" : "\n]]>";
    }
    if (start.startsWith("<?")) {
      return literal.contains("?>") ? "" : "\n?>";
    }
    if (start.startsWith("<!")) {
      return literal.contains(">") ? "" : "\n>";
    }
    return "";
  }
}
