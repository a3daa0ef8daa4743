package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlackTextTest {
  @Test
  void ampersand_and_angle_brackets_become_the_entities_slack_decodes() {
    assertEquals("a &amp; b &lt;c&gt;", SlackText.escape("a & b <c>"));
  }

  @Test
  void an_entity_typed_by_the_user_shows_as_typed() {
    assertEquals("&amp;lt;", SlackText.escape("&lt;"));
  }

  @Test
  void slack_mention_and_link_syntax_is_escaped_into_text() {
    assertEquals(
        "&lt;!channel&gt; &lt;@U123&gt; &lt;#C123&gt; &lt;https://x|y&gt;",
        SlackText.escape("<!channel> <@U123> <#C123> <https://x|y>"));
  }

  @Test
  void special_mentions_get_a_word_joiner_after_the_at_sign_in_any_case() {
    assertEquals(
        "@\u2060channel, @\u2060Here! (@\u2060EVERYONE) @\u2060here_",
        SlackText.escape("@channel, @Here! (@EVERYONE) @here_"));
  }

  @Test
  void other_at_signs_are_left_alone() {
    assertEquals(
        "@alice mail bob@example.com @channels",
        SlackText.escape("@alice mail bob@example.com @channels"));
  }

  @Test
  void a_built_link_escapes_its_label_and_drops_what_would_end_it() {
    assertEquals(
        "<https://x.example/?a=1&amp;b=2|ab&amp;c &lt;d @\u2060here>",
        SlackText.link("https://x.example/?a=1&b=2", "a|b&c <d>| @here"));
  }

  @Test
  void a_built_link_encodes_delimiters_in_its_address() {
    assertEquals(
        "<https://x.example/a%7Cb%3Ec%20d>", SlackText.link("https://x.example/a|b>c d", ""));
  }

  @Test
  void only_web_and_mail_addresses_are_linkable() {
    assertFalse(SlackText.linkable("javascript:alert(1)"));
    assertFalse(SlackText.linkable("./docs/a.md"));
    assertTrue(SlackText.linkable("HTTPS://x.example"));
    assertTrue(SlackText.linkable("mailto:a@x.example"));
  }

  @Test
  void runs_of_backticks_are_broken_up_so_they_cannot_open_a_code_block() {
    assertEquals("`\u200B`\u200B` and `x`", SlackText.breakFences("``` and `x`"));
  }
}
