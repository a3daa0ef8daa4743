package dev.specbot.slack.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the conversion, on the smallest markdown that shows it. */
class CanvasMarkdownTest {
  private static final CanvasMarkdown WITH_TABLES = CanvasMarkdown.withTables(true);
  private static final CanvasMarkdown WITHOUT_TABLES = CanvasMarkdown.withTables(false);

  private static String canvas(String markdown) {
    return WITH_TABLES.convert(markdown);
  }

  @Test
  void headings_deeper_than_h3_become_h3_and_the_first_three_levels_stay() {
    assertEquals(
        "# One\n\n## Two\n\n### Three\n\n### Four\n\n### Five\n\n### Six\n",
        canvas("# One\n## Two\n### Three\n#### Four\n##### Five ##\n###### Six"));
  }

  @Test
  void underlined_headings_are_written_with_hashes_on_one_line() {
    assertEquals(
        "# Big title\n\n## Smaller *one* over two lines\n",
        canvas("Big title\n===\n\nSmaller *one*\nover two lines\n---"));
  }

  @Test
  void an_empty_heading_leaves_nothing() {
    assertEquals("Text\n", canvas("####\n\nText"));
  }

  @Test
  void slack_user_and_channel_mentions_become_canvas_mentions() {
    assertEquals(
        "Ask ![](@U0ALICE01), ![](@W0BOB0002) and ![](#C0SPECS01) in ![](#G0PRIV001).\n",
        canvas("Ask <@U0ALICE01>, <@W0BOB0002|bob> and <#C0SPECS01|specs> in <#G0PRIV001>."));
  }

  @Test
  void special_mentions_read_as_slack_shows_them() {
    assertEquals(
        "@here and @channel, @everyone, @payments-team on Feb 18.\n",
        canvas(
            "<!here> and <!channel|channel>, <!everyone>, <!subteam^S0TEAM01|@payments-team>"
                + " on <!date^1392734382^{date}|Feb 18>."));
  }

  @Test
  void a_special_mention_starting_a_paragraph_is_read_again_as_text() {
    assertEquals(
        "@here please read ![](@U0ALICE01)'s *draft*.\n",
        canvas("<!here> please read <@U0ALICE01>'s *draft*."));
  }

  @Test
  void mentions_in_code_and_escaped_ones_stay_as_written() {
    assertEquals(
        "Run `notify <@U1>` and \\<@U0ALICE01> literally.\n\n```\nping <@U0ALICE01>\n```\n",
        canvas("Run `notify <@U1>` and \\<@U0ALICE01> literally.\n\n```\nping <@U0ALICE01>\n```"));
  }

  @Test
  void slack_links_and_autolinks_become_markdown_links_and_markdown_links_stay() {
    assertEquals(
        "See [the design doc](https://example.com/design), [https://example.com/a](https://example.com/a),"
            + " [mail me](mailto:a@example.com), [a@example.com](mailto:a@example.com) and"
            + " [the wiki](https://example.com/wiki \"Wiki\").\n",
        canvas(
            "See <https://example.com/design|the design doc>, <https://example.com/a>,"
                + " <mailto:a@example.com|mail me>, <a@example.com> and"
                + " [the wiki](https://example.com/wiki \"Wiki\")."));
  }

  @Test
  void a_link_label_is_read_literally_and_an_address_keeps_its_parentheses() {
    assertEquals(
        "[\\*not bold\\* \\[1\\]](https://example.com/a_\\(b\\))\n",
        canvas("<https://example.com/a_(b)|*not bold* [1]>"));
  }

  @Test
  void a_link_destination_in_angle_brackets_is_left_as_it_is() {
    assertEquals(
        "[the docs](<https://example.com/a b>) and [more](<https://example.com/c>)\n",
        canvas("[the docs](<https://example.com/a b>) and [more](<https://example.com/c>)"));
  }

  @Test
  void a_mention_in_an_inline_comment_becomes_a_canvas_mention_in_its_words() {
    assertEquals("Owner: (ask ![](@U0ALICE01))\n", canvas("Owner: <!-- ask <@U0ALICE01> -->"));
  }

  @Test
  void an_image_becomes_a_link_to_it_and_a_canvas_mention_stays() {
    assertEquals(
        "[the chart](https://example.com/c.png) by ![](@U0ALICE01)\n",
        canvas("![the chart](https://example.com/c.png) by ![](@U0ALICE01)"));
  }

  @Test
  void bullets_and_numbers_take_the_canvas_spelling_and_nested_items_four_spaces() {
    assertEquals(
        "- one\n- two\n    - inner\n        1. deep\n\n3. three\n4. four\n",
        canvas("+ one\n+ two\n  * inner\n    1) deep\n\n3) three\n4) four"));
  }

  @Test
  void checklists_stay_checklists() {
    assertEquals(
        "- [ ] open\n- [x] done\n    - [ ] sub\n", canvas("* [ ] open\n* [x] done\n  - [ ] sub"));
  }

  @Test
  void a_loose_list_keeps_its_blank_lines_and_its_items_paragraphs() {
    assertEquals(
        "- first\n\n    more about it\n\n- second\n",
        canvas("- first\n\n  more about it\n\n- second"));
  }

  @Test
  void two_bullet_lists_in_a_row_stay_two_lists() {
    assertEquals("- a\n\n* b\n\n- c\n", canvas("- a\n+ b\n* c"));
  }

  @Test
  void an_empty_list_item_keeps_its_marker() {
    assertEquals("- a\n-\n- c\n", canvas("- a\n-\n- c"));
  }

  @Test
  void code_is_fenced_with_backticks_longer_than_any_inside() {
    assertEquals(
        "```js\nlet a = 1;\n```\n\n````\n```\nnested\n```\n````\n\n```\nindented\n  more\n```\n",
        canvas(
            "~~~ js\nlet a = 1;\n~~~\n\n~~~\n```\nnested\n```\n~~~\n\n    indented\n      more"));
  }

  @Test
  void quotes_mark_every_line_and_keep_their_blocks() {
    assertEquals(
        "> quoted\n> lazy line\n>\n> > inner\n>\n> ```\n> code\n>\n> after a blank\n> ```\n",
        canvas("> quoted\nlazy line\n>\n> > inner\n>\n> ```\n> code\n>\n> after a blank\n> ```"));
  }

  @Test
  void a_code_block_in_a_list_item_is_indented_with_it() {
    assertEquals(
        "- step\n\n    ```sh\n    make\n\n    make test\n    ```\n",
        canvas("- step\n\n  ```sh\n  make\n\n  make test\n  ```"));
  }

  @Test
  void an_html_comment_becomes_a_quote_of_its_words() {
    assertEquals(
        "Before\n\n> Why are you \\*creating\\* this?\n> Ask ![](@U0ALICE01)\n>\n> \\- and \\<b\\>them\\</b\\>\n\nAfter\n",
        canvas(
            "Before\n\n<!-- Why are you *creating* this?\nAsk <@U0ALICE01>\n\n- and <b>them</b> -->\n\nAfter"));
  }

  @Test
  void an_inline_comment_keeps_its_words_in_brackets_and_an_empty_one_leaves_nothing() {
    assertEquals(
        "**Drafter**: (Your name) here\n", canvas("**Drafter**: <!-- Your name --> here<!---->"));
  }

  @Test
  void other_html_is_shown_as_code_exactly_as_written() {
    assertEquals(
        "```\n<details>\n<summary>More</summary>\n</details>\n```\n\nA `<br>` break and ``<a title=\"`\">``.\n",
        canvas(
            "<details>\n<summary>More</summary>\n</details>\n\nA <br> break and <a title=\"`\">."));
  }

  @Test
  void a_thematic_break_is_a_divider_and_in_a_list_item_stays_one() {
    assertEquals("Above\n\n---\n\nBelow\n\n- ***\n", canvas("Above\n\n___\n\nBelow\n\n- * * *"));
  }

  @Test
  void link_reference_definitions_and_their_links_stay() {
    assertEquals(
        "See [the docs][docs].\n\n[docs]: https://example.com/docs \"Docs\"\n",
        canvas("See [the docs][docs].\n\n   [docs]: https://example.com/docs \"Docs\""));
  }

  @Test
  void emphasis_escapes_entities_and_hard_breaks_are_kept_as_typed() {
    assertEquals(
        "**bold** _it_ ~~gone~~ \\*stars\\* &amp; &lt;tag&gt; 5 \\> 3  \nnext\\\nlast\n",
        canvas("**bold** _it_ ~~gone~~ \\*stars\\* &amp; &lt;tag&gt; 5 \\> 3  \nnext\\\nlast  "));
  }

  @Test
  void a_table_stays_a_table_with_its_alignment_and_mentions() {
    assertEquals(
        """
        | Role | Who | Count |
        | :--- | :---: | ---: |
        | Owner | ![](@U0ALICE01) | 1 |
        | QA |  | 2 |
        """,
        canvas(
            "| Role | Who | Count |\n|:--|:-:|--:|\n| Owner | <@U0ALICE01> | 1 |\n| QA | | 2 |"));
  }

  @Test
  void without_tables_each_row_is_a_list_item_naming_its_columns() {
    assertEquals(
        "Stakeholders:\n\n- Role: Owner; Who: ![](@U0ALICE01); Count: 1\n- Role: QA; Count: 2\n",
        WITHOUT_TABLES.convert(
            "Stakeholders:\n\n| Role | Who | Count |\n|---|---|---|\n| Owner | <@U0ALICE01> | 1 |\n"
                + "| QA | | 2 |"));
  }

  @Test
  void cells_past_the_header_and_escaped_pipes_are_kept() {
    String table = "| A | B |\n|---|---|\n| 1 \\| one <@U0ALICE01> | 2 | 3 | four <@U0BOB0002> |";

    assertEquals(
        "| A | B |\n| --- | --- |\n| 1 \\| one ![](@U0ALICE01) | 2 \\| 3 \\| four ![](@U0BOB0002) |\n",
        WITH_TABLES.convert(table));
    assertEquals(
        "- A: 1 \\| one ![](@U0ALICE01); B: 2; 3 | four ![](@U0BOB0002)\n",
        WITHOUT_TABLES.convert(table));
  }

  @Test
  void a_table_with_only_its_header_lists_the_column_names() {
    assertEquals("- Role; Who\n", WITHOUT_TABLES.convert("| Role | Who |\n|---|---|"));
  }

  @Test
  void a_very_wide_header_over_many_rows_is_named_once() {
    String wide = "W".repeat(5_000);
    StringBuilder table = new StringBuilder("| " + wide + " | B |\n|---|---|\n");
    for (int row = 0; row < 100; row++) {
      table.append("| a").append(row).append(" | b |\n");
    }

    String canvas = WITHOUT_TABLES.convert(table.toString());

    assertTrue(canvas.startsWith("- " + wide + "; B\n- a0; b\n- a1; b\n"), canvas.substring(0, 80));
    assertEquals(101, canvas.lines().count());
  }

  @Test
  void containers_nested_deeper_than_eight_keep_their_words_and_markers_at_that_depth() {
    String canvas =
        canvas(
            ">".repeat(50)
                + " deep words\n\n"
                + "- ".repeat(30)
                + "deep item\n\n"
                + "1. ".repeat(12)
                + "first\n"
                + "   ".repeat(12)
                + "2. second");

    assertEquals(
        "> > > > > > > > deep words\n\n"
            + "- ".repeat(30)
            + "deep item\n\n"
            + "1. ".repeat(12)
            + "first\n"
            + "    ".repeat(8)
            + "2. second\n",
        canvas);
  }

  @Test
  void empty_and_blank_markdown_give_nothing_and_windows_line_breaks_are_read() {
    assertEquals("", canvas(""));
    assertEquals("", canvas(" \n\n\t\n"));
    assertEquals(
        "# Title\n\nText\non two lines\n", canvas("# Title\r\n\r\nText\r\non two lines\r\n"));
  }

  @Test
  void null_markdown_is_refused() {
    NullPointerException thrown = assertThrows(NullPointerException.class, () -> canvas(null));
    assertEquals("null markdown", thrown.getMessage());
  }

  @Test
  void the_canvas_limit_is_slacks_mebibyte() {
    assertEquals(1024 * 1024, CanvasMarkdown.MAX_LENGTH);
    assertEquals(List.of(), CanvasMarkdownSubset.withTables(false).violations(canvas("a")));
  }
}
