package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecBlocksTest {
  @Test
  void level_one_and_two_headings_become_header_blocks_that_show_emoji() {
    List<LayoutBlock> blocks = Converted.of("# Title :rocket:\n\n## Overview\n").blocks();

    assertEquals(2, blocks.size());
    HeaderBlock title = assertInstanceOf(HeaderBlock.class, blocks.get(0));
    assertEquals("Title :rocket:", title.getText().getText());
    assertTrue(title.getText().getEmoji());
    assertEquals("Overview", Converted.text(blocks.get(1)));
  }

  @Test
  void deeper_headings_become_a_bold_line_that_starts_a_section_above_its_text() {
    Converted converted =
        Converted.of("Intro.\n\n### System Context\n\nAnswer.\n\n#### Spike\n\nMore.");

    assertEquals(
        List.of("Intro.", "*System Context*\nAnswer.", "*Spike*\nMore."), converted.sections());
  }

  @Test
  void a_heading_too_long_for_a_header_block_becomes_a_bold_section() {
    String heading = "Word ".repeat(40).strip();

    Converted converted = Converted.of("# " + heading);

    assertEquals(List.of(), converted.headers());
    assertEquals(List.of("*" + heading + "*"), converted.sections());
  }

  @Test
  void a_heading_of_exactly_150_characters_still_fits_a_header_block() {
    String heading = "x".repeat(150);

    assertEquals(List.of(heading), Converted.of("## " + heading).headers());
  }

  @Test
  void paragraphs_become_mrkdwn_sections_that_slack_takes_verbatim() {
    List<LayoutBlock> blocks = Converted.of("First paragraph.\n\nSecond paragraph.").blocks();

    assertEquals(1, blocks.size());
    MarkdownTextObject text =
        assertInstanceOf(MarkdownTextObject.class, ((SectionBlock) blocks.get(0)).getText());
    assertEquals("First paragraph.\n\nSecond paragraph.", text.getText());
    assertTrue(text.getVerbatim());
  }

  @Test
  void line_breaks_inside_a_paragraph_are_kept() {
    assertEquals(
        List.of("*Issue*: #101\n*Status*: DRAFT\nend"),
        Converted.of("**Issue**: #101\n**Status**: DRAFT  \nend").sections());
  }

  @Test
  void bold_italic_strikethrough_and_code_use_slack_markers() {
    assertEquals(
        List.of("*a* *b* _c_ _d_ ~e~ `f` _*g*_ *_h_*"),
        Converted.of("**a** __b__ *c* _d_ ~~e~~ `f` ***g*** **_h_**").sections());
  }

  @Test
  void single_tildes_and_unclosed_markers_stay_text() {
    assertEquals(List.of("~a~ ~~b and *c"), Converted.of("~a~ ~~b and *c").sections());
  }

  @Test
  void fenced_and_indented_code_become_triple_backtick_blocks() {
    String markdown = "```java\nint a = 1;\n  b();\n```\n\nText.\n\n    indented\n    code\n";

    assertEquals(
        List.of("```\nint a = 1;\n  b();\n```\n\nText.\n\n```\nindented\ncode\n```"),
        Converted.of(markdown).sections());
  }

  @Test
  void web_and_mail_links_become_slack_links() {
    assertEquals(
        List.of(
            "See <https://example.com/a?b=1&amp;c=2|the docs> or <mailto:ops@example.com|ops@example.com>"
                + " or <https://example.org>."),
        Converted.of(
                "See [the docs](https://example.com/a?b=1&c=2 \"title\") or <ops@example.com>"
                    + " or <https://example.org>.")
            .sections());
  }

  @Test
  void links_to_anything_but_web_and_mail_addresses_are_shown_as_text() {
    assertEquals(
        List.of("click (javascript:alert(1)) and _notes_ (./docs/notes.md)"),
        Converted.of("[click](javascript:alert(1)) and [*notes*](./docs/notes.md)").sections());
  }

  @Test
  void images_become_links_to_the_image() {
    assertEquals(
        List.of(
            "<https://img.example/a.png|A diagram> and <https://img.example/b.png> and local (b.png)"),
        Converted.of(
                "![A diagram](https://img.example/a.png) and ![](https://img.example/b.png)"
                    + " and ![local](b.png)")
            .sections());
  }

  @Test
  void bare_web_addresses_become_links_without_their_trailing_punctuation() {
    assertEquals(
        List.of("Go to <https://example.com/x_(y)>, then <http://example.org/a?b=1&amp;c=2>."),
        Converted.of("Go to https://example.com/x_(y), then http://example.org/a?b=1&c=2.")
            .sections());
  }

  @Test
  void bullet_lists_become_bullet_lines_and_nested_lists_are_indented() {
    String markdown = "- one\n- two\n  continued\n  - nested *em*\n    - deeper\n- three\n";

    assertEquals(
        List.of("• one\n• two\n    continued\n    • nested _em_\n        • deeper\n• three"),
        Converted.of(markdown).sections());
  }

  @Test
  void ordered_lists_become_numbered_lines_from_their_start_number() {
    assertEquals(
        List.of("1. first\n2. second\n\ntext\n\n7. seventh\n8. eighth"),
        Converted.of("1. first\n2. second\n\ntext\n\n7. seventh\n8. eighth\n").sections());
  }

  @Test
  void task_lists_show_open_and_done_boxes() {
    String markdown =
        "- [ ] open\n- [x] done\n- [X] also done\n    - [ ] nested\n1. [ ] numbered\n";

    assertEquals(
        List.of("☐ open\n☑ done\n☑ also done\n    ☐ nested\n\n1. ☐ numbered"),
        Converted.of(markdown).sections());
  }

  @Test
  void block_quotes_become_quoted_lines() {
    assertEquals(
        List.of("> quoted\n> lines\n> • a list"),
        Converted.of("> quoted\nlines\n>\n> - a list").sections());
  }

  @Test
  void thematic_breaks_become_dividers() {
    List<LayoutBlock> blocks = Converted.of("Before.\n\n---\n\nAfter.").blocks();

    assertEquals(3, blocks.size());
    assertInstanceOf(DividerBlock.class, blocks.get(1));
  }

  @Test
  void tables_become_a_code_block_with_aligned_columns() {
    String markdown =
        """
        | Risk | Impact | Owner |
        |:-----|:------:|------:|
        | Outage of **payments** | high | Alice |
        | [Slow](https://x.example) | `low` | Bob & Co |
        """;

    assertEquals(
        List.of(
            """
            ```
            Risk                     | Impact |    Owner
            -------------------------+--------+---------
            Outage of payments       |  high  |    Alice
            Slow (https://x.example) |  low   | Bob &amp; Co
            ```"""),
        Converted.of(markdown).sections());
  }

  @Test
  void raw_html_is_shown_as_literal_text() {
    assertEquals(
        List.of(
            "&lt;div&gt;\n&lt;b&gt;hi&lt;/b&gt;\n&lt;/div&gt;\n\nSome &lt;span&gt;inline&lt;/span&gt; html."),
        Converted.of("<div>\n<b>hi</b>\n</div>\n\nSome <span>inline</span> html.").sections());
  }

  @Test
  void the_document_keeps_its_order() {
    Converted converted = Converted.of("# A\n\none\n\n## B\n\n---\n\ntwo\n\n### C\n\nthree");

    assertEquals(List.of("A", "one", "B", "two", "*C*\nthree"), converted.texts());
    assertInstanceOf(DividerBlock.class, converted.blocks().get(3));
  }

  @Test
  void an_empty_document_makes_no_messages() {
    assertEquals(List.of(), SpecBlocks.messages(""));
    assertEquals(List.of(), SpecBlocks.messages("\n\n   \n"));
  }

  @Test
  void an_introduced_document_opens_its_first_message_with_the_introduction() {
    List<List<LayoutBlock>> messages =
        SpecBlocks.messages("The finished spec:", "# Title\n\nText.");

    assertEquals(1, messages.size());
    assertEquals("The finished spec:", Converted.text(messages.get(0).get(0)));
    assertEquals("Title", Converted.text(messages.get(0).get(1)));
  }

  @Test
  void an_introduction_is_paged_with_the_document_so_every_message_stays_within_slacks_limits() {
    // Fifty dividers fill one message alone; the introduction pushes the last to a second.
    String markdown = "***\n\n".repeat(SpecBlocks.MAX_BLOCKS_PER_MESSAGE);

    List<List<LayoutBlock>> messages = SpecBlocks.messages("Preview:", markdown);

    assertEquals(1, SpecBlocks.messages(markdown).size());
    assertEquals(
        List.of(SpecBlocks.MAX_BLOCKS_PER_MESSAGE, 1), messages.stream().map(List::size).toList());
  }

  @Test
  void an_introduced_empty_document_is_its_introduction_alone() {
    List<List<LayoutBlock>> messages = SpecBlocks.messages("Preview:", "");

    assertEquals(1, messages.size());
    assertEquals(List.of("Preview:"), messages.get(0).stream().map(Converted::text).toList());
  }
}
