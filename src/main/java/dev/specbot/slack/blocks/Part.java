package dev.specbot.slack.blocks;

/** One top-level part of a document, rendered but not yet split to Slack's limits. */
sealed interface Part {
  /** A {@code #} or {@code ##} heading short enough for a header block; escaped plain text. */
  record Header(String text) implements Part {}

  /** A thematic break. */
  record Divider() implements Part {}

  /**
   * Mrkdwn for a section: a paragraph, list, quote, code block or table, or a deeper heading in
   * bold ({@code heading}), which starts a new section so that it stands above its content.
   */
  record Body(String mrkdwn, boolean heading) implements Part {}
}
