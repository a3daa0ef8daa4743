package dev.specbot.slack.outbox;

import dev.specbot.slack.blocks.SlackText;
import dev.specbot.template.markdown.Inline;
import java.util.regex.Pattern;

/**
 * A spec's title as its canvas shows it, read as typed: it never mentions, links or pings there, as
 * it does not in specbot's messages. An answer's Slack syntax is the writer's, typed in Slack, and
 * the canvas keeps it live (see CanvasMarkdown); a title is plain text, typed in a command.
 */
final class CanvasText {
  /** {@code <} and the {@code @} of a broadcast word, followed by a word joiner. */
  private static final Pattern MARKUP =
      Pattern.compile(
          "(<|@(?=(?:channel|here|everyone)(?![\\p{L}\\p{N}])))", Pattern.CASE_INSENSITIVE);

  private static final String WORD_JOINER = "\u2060";

  private CanvasText() {}

  /**
   * The title for canvases.create, which takes plain text: a word joiner (invisible) after each
   * {@code <} and broadcast {@code @}, rather than entities, which a plain field may show as typed.
   */
  static String title(String title) {
    return MARKUP.matcher(title).replaceAll("$1" + WORD_JOINER);
  }

  /**
   * The spec's markdown with its title, wherever the document wrote it (markdown-escaped, in its
   * heading and fields), escaped as specbot's messages escape it: entities, which canvas markdown
   * shows as the characters, and neutralised broadcasts. Linear in the markdown.
   */
  static String withInertTitle(String markdown, String title) {
    String written = Inline.escape(title);
    if (written.isEmpty()) {
      return markdown;
    }
    return markdown.replace(written, Inline.escape(SlackText.escape(title)));
  }
}
