package dev.specbot.slack.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checker of the canvas subset: what it lets through and what it names. */
class CanvasMarkdownSubsetTest {
  private static final CanvasMarkdownSubset WITH_TABLES = CanvasMarkdownSubset.withTables(true);
  private static final CanvasMarkdownSubset WITHOUT_TABLES = CanvasMarkdownSubset.withTables(false);

  @Test
  void everything_the_canvas_docs_list_passes() {
    String canvas =
        """
        # Title

        ## Section

        ### Part

        Text with **bold**, *italic*, _italic_, ~~struck~~, `code`, [a link](https://example.com) \
        and a mention of ![](@U0ALICE01) in ![](#C0SPECS01).
        A second line, then a hard break\\
        and the rest.

        - bullet
            - nested bullet
        * starred bullet

        1. first
        2. second

        - [ ] to do
        - [x] done

        > a quote
        > on two lines

        ```java
        String s = "<@U1>";
        ```

        ---

        [ref]: https://example.com/ref
        """;

    assertEquals(List.of(), WITHOUT_TABLES.violations(canvas));
  }

  @Test
  void a_table_passes_only_where_canvases_have_tables() {
    String table = "| A | B |\n| --- | --- |\n| 1 | 2 |\n";

    assertEquals(List.of(), WITH_TABLES.violations(table));
    assertEquals(
        List.of("line 1: a table, where the canvases have none"), WITHOUT_TABLES.violations(table));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiterString = " => ",
      value = {
        "#### Deep => line 1: a heading of level 4",
        "Title\\n===== => line 1: an underlined (setext) heading",
        "<div>raw</div> => line 1: HTML <div>raw</div>",
        "a <br> break => line 1: HTML <br>",
        "text\\n\\n    indented code => line 3: an indented code block",
        "~~~\\ncode\\n~~~ => line 1: a code block fenced with ~",
        "+ plus bullet => line 1: a list with + bullets",
        "1) paren number => line 1: an ordered list numbered with )",
        "see <https://example.com> => line 1: an autolink <https://example.com>",
        "![chart](https://example.com/c.png) => line 1: an image ![chart](https://example.com/c.png)",
        "ping <@U0ALICE01> now => line 1: Slack syntax a canvas shows as text: ping <@U0ALICE01> now",
        "in <#C0SPECS01|specs> => line 1: Slack syntax a canvas shows as text: in <#C0SPECS01|specs>",
      })
  void what_canvases_lack_is_named_with_its_line(String markdown, String violation) {
    assertEquals(List.of(violation), WITH_TABLES.violations(markdown.replace("\\n", "\n")));
  }

  @Test
  void a_lone_angle_bracket_before_an_at_sign_is_only_text() {
    assertEquals(List.of(), WITH_TABLES.violations("a <@ b and <@U1| unclosed\n"));
  }

  @Test
  void markdown_longer_than_a_canvas_takes_is_named() {
    String tooLong = "a".repeat(CanvasMarkdown.MAX_LENGTH + 1);

    assertEquals(
        List.of("longer than a canvas takes: 1048577 characters"), WITH_TABLES.violations(tooLong));
  }
}
