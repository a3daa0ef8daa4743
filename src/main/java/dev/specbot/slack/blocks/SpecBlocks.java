package dev.specbot.slack.blocks;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/** A finished spec in markdown as Slack Block Kit messages, to be posted in order. */
public final class SpecBlocks {
  /** Slack rejects a message with more blocks. */
  public static final int MAX_BLOCKS_PER_MESSAGE = 50;

  /** Slack's limit on a section block's text. */
  static final int MAX_SECTION_TEXT = 3000;

  /** Slack's limit on a header block's plain text; a longer heading becomes a bold section. */
  static final int MAX_HEADER_TEXT = 150;

  /**
   * Text per message, all blocks together. Slack rejects messages whose blocks hold more than about
   * 12,000 characters with {@code msg_blocks_too_long}, a limit it does not document (see
   * slackapi/bolt-js#2509 and #2867, where 11,341 characters of text already failed); 10,000 leaves
   * room for what Slack counts besides the text.
   */
  public static final int MAX_MESSAGE_TEXT = 10_000;

  private static final Parser PARSER =
      Parser.builder()
          .extensions(List.of(TablesExtension.create()))
          .customDelimiterProcessor(new StrikethroughDelimiters())
          .build();

  private SpecBlocks() {}

  /**
   * The document as messages of Block Kit blocks, in document order and within Slack's limits;
   * empty for an empty document. Every text from the document is escaped: nothing in it can ping
   * anyone or become Slack markup.
   */
  public static List<List<LayoutBlock>> messages(String markdown) {
    Objects.requireNonNull(markdown, "null markdown");
    return paged(Sections.of(DocumentParts.of(PARSER.parse(markdown))));
  }

  /**
   * The same, introduced by {@code intro} (mrkdwn the caller wrote and escaped, within a section's
   * limit) in the first message's first block: one message fewer in the thread than an introduction
   * of its own, and one post fewer of Slack's allowance of about one a second per channel.
   */
  public static List<List<LayoutBlock>> messages(String intro, String markdown) {
    Objects.requireNonNull(intro, "null intro");
    Objects.requireNonNull(markdown, "null markdown");
    List<SlackBlock> blocks = new ArrayList<>();
    blocks.add(SlackBlock.section(intro));
    blocks.addAll(Sections.of(DocumentParts.of(PARSER.parse(markdown))));
    return paged(blocks);
  }

  private static List<List<LayoutBlock>> paged(List<SlackBlock> blocks) {
    return Pages.of(blocks).stream()
        .map(page -> page.stream().map(SlackBlock::toLayoutBlock).toList())
        .toList();
  }
}
