package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Nothing written in a spec can ping anyone or turn into Slack markup. */
class SpecBlocksSafetyTest {
  private static final List<String> HOSTILE =
      List.of(
          "<!channel>",
          "<!here>",
          "<!everyone>",
          "<@U123>",
          "<#C123>",
          "<!subteam^S123>",
          "<https://x|y>",
          "@channel",
          "@here",
          "@everyone",
          "@Channel",
          "(@HERE)");

  /** A mention Slack would act on: a special one in plain text, or any in its link syntax. */
  private static final Pattern PING = Pattern.compile("(?i)@(channel|here|everyone)|<[!@#]");

  /** Quote marks the converter writes at the start of a line. */
  private static final Pattern QUOTE_MARKS = Pattern.compile("(?m)^(> )+");

  @Test
  void mentions_and_slack_syntax_in_every_kind_of_block_show_as_text() {
    for (String hostile : HOSTILE) {
      String markdown = everywhere(hostile);

      Converted converted = Converted.of(markdown);

      for (String text : converted.texts()) {
        assertFalse(PING.matcher(text).find(), () -> hostile + " survived in: " + text);
        String withoutMarkup =
            QUOTE_MARKS.matcher(Converted.withoutLinkTargets(text)).replaceAll("");
        assertFalse(
            withoutMarkup.contains("<") || withoutMarkup.contains(">"),
            () -> hostile + " left a raw angle bracket in: " + text);
      }
      assertEquals(hostile, Converted.unescape(converted.headers().get(0)));
    }
  }

  @Test
  void slack_markup_typed_in_an_answer_reads_as_typed() {
    String shown =
        Converted.of("Ping <!channel> and <@U123> in <#C123>, see <https://x|y>.")
            .sections()
            .get(0);

    assertEquals(
        "Ping &lt;!channel&gt; and &lt;@U123&gt; in &lt;#C123&gt;, see &lt;https://x|y&gt;.",
        shown);
  }

  @Test
  void plain_text_special_mentions_get_a_word_joiner() {
    assertEquals(
        List.of("Heads up @\u2060channel and @\u2060here, @\u2060everyone"),
        Converted.of("Heads up @channel and @here, @everyone").sections());
  }

  @Test
  void a_link_label_cannot_close_the_link_early_or_ping() {
    String section = Converted.of("[a|b>c <!here> @here](https://x.example)").sections().get(0);

    assertEquals("<https://x.example|abc &lt;!here @\u2060here>", section);
  }

  @Test
  void a_link_to_a_slack_address_scheme_is_not_a_link() {
    String section = Converted.of("[boss](slack://user?id=U123)").sections().get(0);

    assertEquals("boss (slack://user?id=U123)", section);
  }

  @Test
  void escaped_text_stays_escaped_inside_code() {
    assertTrue(
        Converted.of("```\n<!channel> a && b\n```")
            .all()
            .contains("&lt;!channel&gt; a &amp;&amp; b"));
  }

  @Test
  void triple_backticks_typed_as_text_cannot_open_a_code_block() {
    String section =
        Converted.of("Type \\`\\`\\` to start code, then *this* stays formatted.").all();

    assertFalse(section.contains("```"), section);
    assertTrue(section.contains("_this_"), section);
  }

  /**
   * The text in a heading, a deeper heading, a paragraph, emphasis, a link label, a list, a task, a
   * quote, a table, code and HTML.
   */
  private static String everywhere(String text) {
    return "# "
        + text
        + "\n\n### "
        + text
        + "\n\nSay "
        + text
        + " and *"
        + text
        + "* and [label "
        + text
        + "](https://example.com)\n\n- "
        + text
        + "\n- [ ] "
        + text
        + "\n\n> "
        + text
        + "\n\n| A |\n|---|\n| "
        + text.replace("|", "\\|")
        + " |\n\n```\n"
        + text
        + "\n```\n\n<p>"
        + text
        + "</p>\n";
  }
}
