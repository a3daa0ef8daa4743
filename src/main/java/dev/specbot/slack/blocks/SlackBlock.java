package dev.specbot.slack.blocks;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;

/** One output block, already within its own size limit: a header, a mrkdwn section or a divider. */
record SlackBlock(Kind kind, String text) {
  enum Kind {
    HEADER,
    SECTION,
    DIVIDER
  }

  static SlackBlock header(String plainText) {
    return new SlackBlock(Kind.HEADER, plainText);
  }

  static SlackBlock section(String mrkdwn) {
    return new SlackBlock(Kind.SECTION, mrkdwn);
  }

  static SlackBlock divider() {
    return new SlackBlock(Kind.DIVIDER, "");
  }

  LayoutBlock toLayoutBlock() {
    return switch (kind) {
      case HEADER ->
          HeaderBlock.builder()
              .text(PlainTextObject.builder().text(text).emoji(true).build())
              .build();
      // verbatim: Slack must not add links or mentions of its own to text it did not write.
      case SECTION ->
          SectionBlock.builder()
              .text(MarkdownTextObject.builder().text(text).verbatim(true).build())
              .build();
      case DIVIDER -> DividerBlock.builder().build();
    };
  }
}
