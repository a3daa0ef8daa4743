package dev.specbot.slack.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GitHubTextTest {
  @Test
  void a_name_is_one_line_that_neither_formats_nor_mentions() {
    assertEquals(
        "\\*Bob\\* &#64;octocat &lt;b&gt; \\[x\\](y) a &amp; b",
        GitHubText.inline("*Bob* @octocat <b>\n[x](y) a & b"));
  }

  @Test
  void words_are_quoted_line_by_line_keeping_their_markdown() {
    assertEquals(
        "> Use **backoff**\n> &#64;team: see &lt;!-- x --&gt;",
        GitHubText.quoted("Use **backoff**\r\n@team: see <!-- x -->"));
  }

  @Test
  void a_long_text_takes_linear_time() {
    String text = "@<*\n".repeat(250_000);
    long start = System.nanoTime();
    String quoted = GitHubText.quoted(text);
    String inline = GitHubText.inline(text);
    assertTrue(quoted.length() > text.length() && inline.length() > text.length());
    assertTrue(System.nanoTime() - start < 2_000_000_000L, "a million characters in under 2 s");
  }
}
