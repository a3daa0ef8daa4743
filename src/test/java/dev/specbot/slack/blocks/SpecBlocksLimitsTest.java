package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Documents of any length come out as messages Slack accepts, with nothing lost. */
class SpecBlocksLimitsTest {
  private static final Pattern CODE_LINE = Pattern.compile("^line \\d+ .*$", Pattern.MULTILINE);

  @Test
  void a_40000_character_answer_is_split_into_sections_and_messages_within_the_limits() {
    StringBuilder answer = new StringBuilder();
    for (int word = 0; answer.length() < 40_000; word++) {
      answer.append(word % 17 == 16 ? "**bold" + word + "** & " : "word" + word + " ");
    }
    String markdown = "## Answer\n\n" + answer.toString().strip() + "\n";

    Converted converted = Converted.of(markdown);

    assertWithinLimits(converted);
    assertTrue(converted.messages().size() > 1, "one message cannot hold 40,000 characters");
    assertEquals(Words.of(markdown), converted.words());
  }

  @Test
  void a_2000_line_document_is_split_into_messages_within_the_limits() {
    String markdown = longDocument(2000);
    assertEquals(2000, markdown.split("\n", -1).length - 1);

    Converted converted = Converted.of(markdown);

    assertWithinLimits(converted);
    assertEquals(Words.of(markdown), converted.words());
  }

  @Test
  void a_code_block_split_across_sections_stays_fenced_in_each() {
    StringBuilder code = new StringBuilder("```\n");
    for (int line = 1; line <= 400; line++) {
      code.append("line ").append(line).append(" if (a < b && c) { call(); }\n");
    }
    String markdown = "Before the code.\n\n" + code + "```\n\nAfter the code.";

    Converted converted = Converted.of(markdown);

    List<String> codeSections =
        converted.sections().stream().filter(text -> CODE_LINE.matcher(text).find()).toList();
    assertTrue(codeSections.size() > 1, "the code needs several sections");
    List<String> codeLines = new ArrayList<>();
    for (String section : codeSections) {
      String fenced = section.substring(section.indexOf("```"), section.lastIndexOf("```") + 3);
      assertTrue(fenced.startsWith("```\nline "), section);
      assertTrue(fenced.endsWith(" }\n```"), section);
      assertEquals(2, fenced.split("```", -1).length - 1, "one fence pair per section");
      CODE_LINE.matcher(fenced).results().forEach(match -> codeLines.add(match.group()));
    }
    assertEquals(400, codeLines.size());
    assertEquals("line 1 if (a &lt; b &amp;&amp; c) { call(); }", codeLines.get(0));
    assertEquals("line 400 if (a &lt; b &amp;&amp; c) { call(); }", codeLines.get(399));
    assertWithinLimits(converted);
  }

  @Test
  void a_code_line_longer_than_a_section_is_broken_inside_the_fence() {
    String markdown = "```\n" + "x<y&z".repeat(1500) + "\n```";

    Converted converted = Converted.of(markdown);

    assertTrue(converted.sections().size() > 1);
    for (String section : converted.sections()) {
      assertTrue(section.startsWith("```\n") && section.endsWith("\n```"), section);
      assertFalse(Pattern.compile("&(?!amp;|lt;|gt;)").matcher(section).find(), "a cut entity");
    }
    String code =
        String.join(
            "", converted.sections().stream().map(s -> s.substring(4, s.length() - 4)).toList());
    assertEquals("x&lt;y&amp;z".repeat(1500), code);
    assertWithinLimits(converted);
  }

  @Test
  void a_long_paragraph_is_split_between_words_and_never_inside_a_link_or_character() {
    String word = "😀 [see](https://example.com/" + "p".repeat(20) + ") @here & <!x> ";
    String markdown = word.repeat(400);

    Converted converted = Converted.of(markdown);

    assertTrue(converted.sections().size() > 1);
    for (String section : converted.sections()) {
      assertFalse(Character.isLowSurrogate(section.charAt(0)), "a cut emoji");
      assertFalse(Character.isHighSurrogate(section.charAt(section.length() - 1)), "a cut emoji");
      assertEquals(
          section.chars().filter(c -> c == '<').count(),
          section.chars().filter(c -> c == '>').count(),
          "a cut link");
      assertFalse(section.startsWith(" ") || section.endsWith(" "), section);
    }
    assertEquals(Words.of(markdown), converted.words());
    assertWithinLimits(converted);
  }

  @Test
  void a_long_quoted_line_keeps_its_quote_marks_when_split() {
    String markdown = "> " + "quoted words ".repeat(500);

    for (String section : Converted.of(markdown).sections()) {
      assertTrue(section.startsWith("> ") && !section.endsWith(" "), section);
    }
  }

  @Test
  void a_header_never_ends_a_message() {
    StringBuilder markdown = new StringBuilder();
    for (int part = 1; part <= 40; part++) {
      markdown
          .append("## Part ")
          .append(part)
          .append("\n\nText of part ")
          .append(part)
          .append(".\n\n");
    }

    Converted converted = Converted.of(markdown.toString());

    assertTrue(converted.messages().size() > 1);
    for (List<LayoutBlock> message : converted.messages()) {
      assertNotEquals(HeaderBlock.class, message.get(message.size() - 1).getClass());
    }
    assertWithinLimits(converted);
  }

  private static void assertWithinLimits(Converted converted) {
    for (List<LayoutBlock> message : converted.messages()) {
      assertTrue(message.size() <= 50, "blocks in a message: " + message.size());
      int text = 0;
      for (LayoutBlock block : message) {
        if (block instanceof HeaderBlock || block instanceof SectionBlock) {
          String blockText = Converted.text(block);
          int limit = block instanceof HeaderBlock ? 150 : 3000;
          assertFalse(blockText.isBlank(), "an empty block");
          assertTrue(blockText.length() <= limit, "a block of " + blockText.length());
          text += blockText.length();
        }
      }
      assertTrue(text <= SpecBlocks.MAX_MESSAGE_TEXT, "text in a message: " + text);
    }
  }

  /** A spec of the given number of lines with every kind of block, repeated. */
  private static String longDocument(int lines) {
    List<String> pattern =
        List.of(
            "## Section %d",
            "",
            "Paragraph %d with **bold**, _em_, `code` and a [link](https://example.com/%d).",
            "It continues on a second line for answer %d.",
            "",
            "### Detail %d",
            "",
            "- point %d",
            "  - nested point %d",
            "1. step %d",
            "",
            "> quoted %d",
            "",
            "```",
            "code %d <tag> & more",
            "```",
            "",
            "| Risk | Owner |",
            "|------|-------|",
            "| risk %d | owner %d |",
            "",
            "---",
            "");
    StringBuilder document = new StringBuilder();
    for (int line = 0; line < lines; line++) {
      String template = pattern.get(line % pattern.size());
      int block = line / pattern.size();
      document.append(template.replace("%d", String.valueOf(block))).append('\n');
    }
    return document.toString();
  }
}
