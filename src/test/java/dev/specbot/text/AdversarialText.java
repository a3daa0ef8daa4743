package dev.specbot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Text made to hurt parsers and regular expressions: long runs of the characters markdown, Slack
 * mrkdwn and our own patterns treat specially, alone or mixed with line breaks. Every shape makes
 * text of exactly the length asked for, so that a timing compares like with like.
 */
public final class AdversarialText {
  /** Slack's limit on a message's text: no reply is longer. */
  public static final int MESSAGE = 40_000;

  /** The start form's limit on a title. */
  public static final int TITLE = 150;

  /**
   * One way to make hostile text of a given length.
   *
   * @param name what the text is, for the test's name
   */
  public record Shape(String name, IntFunction<String> text) {
    @Override
    public String toString() {
      return name;
    }
  }

  private AdversarialText() {}

  /** The catalogue: every run the review named, and the shapes of the blow-ups it found. */
  public static List<Shape> shapes() {
    List<Shape> shapes = new ArrayList<>();
    runs(
        shapes,
        "spaces",
        " ",
        "tabs",
        "\t",
        "spaces and tabs",
        " \t",
        "exclamation marks",
        "!",
        "hashes",
        "#",
        "quote marks",
        ">",
        "quote markers",
        "> ",
        "pipes",
        "|",
        "table cells",
        "|a",
        "backticks",
        "`",
        "code spans",
        "`a",
        "opening brackets",
        "[",
        "closing brackets",
        "]",
        "unclosed links",
        "[a](",
        "unclosed images",
        "![a](",
        "asterisks",
        "*",
        "underscores",
        "_",
        "nested emphasis",
        "*_",
        "unclosed emphasis",
        " _x",
        "strong emphasis",
        "**a",
        "struck text",
        "~~a",
        "angle brackets",
        "<",
        "unclosed tags",
        "<a",
        "comment openers",
        "<!--",
        "ampersands",
        "&",
        "entities",
        "&amp;",
        "at signs",
        "@",
        "special mentions",
        "@here ",
        "user mentions",
        "<@U1|",
        "backslashes",
        "\\",
        "dashes",
        "-",
        "slashes and dashes",
        "/-",
        "list markers",
        "- ",
        "ordered list markers",
        "1. ",
        "placeholders",
        "[a] ",
        "braces",
        "{{",
        "line breaks",
        "\n",
        "Windows line breaks",
        "\r\n",
        "spaces and line breaks",
        " \n",
        "quoted blank lines",
        ">\n",
        "headings",
        "# a\n",
        "digits",
        "1",
        "numbered words",
        "3rd ");
    shapes.add(new Shape("dots then a letter", n -> fill("", ".", "x", n)));
    shapes.add(new Shape("a heading padded with spaces", n -> fill("# a", " ", "b", n)));
    shapes.add(new Shape("a word padded with spaces", n -> fill("a", " ", "b", n)));
    shapes.add(new Shape("words apart by spaces and tabs", n -> fill("x", " \t", "y", n)));
    shapes.add(new Shape("a table row of spaces", n -> fill("| a", " ", "| b |", n)));
    shapes.add(new Shape("a web address closed by brackets", n -> fill("http://a", ")", "", n)));
    shapes.add(new Shape("a link labelled with words", n -> fill("[", "a ", "](https://x)", n)));
    shapes.add(new Shape("Slack links", n -> fill("", "<https://a|b> ", "", n)));
    shapes.add(new Shape("a table of one wide cell and many rows", AdversarialText::wideTable));
    shapes.add(new Shape("every run at once", AdversarialText::mixed));
    return shapes;
  }

  /** {@code head}, then {@code unit} repeated, then {@code tail}: exactly {@code length} chars. */
  public static String fill(String head, String unit, String tail, int length) {
    int middle = Math.max(0, length - head.length() - tail.length());
    String run = unit.repeat(middle / unit.length() + 1).substring(0, middle);
    return head + run + tail;
  }

  /** A table with a cell of half the length, and short rows for the rest. */
  private static String wideTable(int length) {
    return fill(
        fill("| A | B |\n|---|---|\n| ", "x", " | b |\n", length / 2), "| a | b |\n", "", length);
  }

  /** A run of each unit in turn, each on its own lines: what no single pattern expects. */
  private static String mixed(int length) {
    List<String> units =
        List.of(" ", "\t", ".", "#", ">", "|", "`", "[", "*_", " _x", "<", "&", "@", "\\", "-");
    int each = length / units.size();
    StringBuilder text = new StringBuilder(length);
    for (String unit : units) {
      text.append(fill("a", unit, "b\n", each));
    }
    return fill(text.toString(), " ", "", length);
  }

  private static void runs(List<Shape> shapes, String... namesAndUnits) {
    for (int i = 0; i < namesAndUnits.length; i += 2) {
      String unit = namesAndUnits[i + 1];
      shapes.add(new Shape(namesAndUnits[i], n -> fill("", unit, "", n)));
    }
  }
}
