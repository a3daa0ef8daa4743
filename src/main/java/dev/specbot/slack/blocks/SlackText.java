package dev.specbot.slack.blocks;

import java.util.Locale;
import java.util.regex.Pattern;

/** Makes user-written text safe to place inside Slack mrkdwn (and plain_text) objects. */
public final class SlackText {
  /**
   * U+2060 WORD JOINER: invisible and zero-width, but not a word character, so {@code @⁠channel}
   * reads the same while Slack's mention parser (which wants {@code @} directly followed by the
   * keyword) no longer recognises it.
   */
  static final char WORD_JOINER = '\u2060';

  private static final Pattern SPECIAL_MENTION =
      Pattern.compile("@(?=(?:channel|here|everyone)(?![\\p{L}\\p{N}]))", Pattern.CASE_INSENSITIVE);

  /** Two backticks in a row; see {@link #breakFences}. */
  private static final Pattern BACKTICK_PAIR = Pattern.compile("`(?=`)");

  private SlackText() {}

  /**
   * Escapes plain user text for mrkdwn: {@code &}, {@code <} and {@code >} become entities, as
   * Slack's formatting rules require, so {@code <!channel>}, {@code <@U123>} or {@code
   * <https://x|y>} show as written; and {@code @channel}, {@code @here} and {@code @everyone} are
   * neutralised, since Slack turns those plain words into pings on its own.
   */
  public static String escape(String text) {
    return neutraliseMentions(entities(text));
  }

  /** Replaces Slack's three control characters with the entities Slack decodes for display. */
  static String entities(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /**
   * Puts a word joiner after the {@code @} of every {@code @channel}, {@code @here} and
   * {@code @everyone}.
   */
  static String neutraliseMentions(String text) {
    return SPECIAL_MENTION.matcher(text).replaceAll("@" + WORD_JOINER);
  }

  /**
   * Separates runs of backticks with a zero-width space. A literal {@code ```} in user text would
   * otherwise open a Slack code block that swallows the rest of the section, and the splitter
   * relies on every {@code ```} line being a fence the converter wrote itself.
   */
  static String breakFences(String text) {
    return text.contains("``") ? BACKTICK_PAIR.matcher(text).replaceAll("`\u200B") : text;
  }

  /** Whether Slack may link to this destination: only web and mail addresses become links. */
  static boolean linkable(String destination) {
    String lower = destination.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("https://")
        || lower.startsWith("http://")
        || lower.startsWith("mailto:");
  }

  /**
   * A Slack link the converter builds itself: {@code <url|label>}, or {@code <url>} without a
   * label. The label is user text, so it is escaped too, and {@code |} and {@code >} (which would
   * end the label or the link early) are dropped from it.
   */
  static String link(String destination, String label) {
    String url = url(destination);
    String text = label.replace("|", "").replace(">", "").replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? "<" + url + ">" : "<" + url + "|" + escape(text) + ">";
  }

  /**
   * A URL as Slack wants it inside {@code <...>}: entities for {@code &}, the delimiters
   * percent-encoded.
   */
  private static String url(String destination) {
    return destination
        .strip()
        .replace("&", "&amp;")
        .replace("<", "%3C")
        .replace(">", "%3E")
        .replace("|", "%7C")
        .replace(" ", "%20");
  }
}
