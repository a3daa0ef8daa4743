package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;

/**
 * Deals blocks, in order, into messages that Slack accepts: at most {@link
 * SpecBlocks#MAX_BLOCKS_PER_MESSAGE} blocks and {@link SpecBlocks#MAX_MESSAGE_TEXT} characters of
 * text each. A header never ends a message; it moves to the next one, above its content.
 */
final class Pages {
  private final List<List<SlackBlock>> pages = new ArrayList<>();
  private List<SlackBlock> page = new ArrayList<>();
  private int pageText;

  private Pages() {}

  static List<List<SlackBlock>> of(List<SlackBlock> blocks) {
    Pages pages = new Pages();
    for (SlackBlock block : blocks) {
      pages.add(block);
    }
    if (!pages.page.isEmpty()) {
      pages.pages.add(pages.page);
    }
    return pages.pages;
  }

  private void add(SlackBlock block) {
    boolean full =
        page.size() == SpecBlocks.MAX_BLOCKS_PER_MESSAGE
            || pageText + block.text().length() > SpecBlocks.MAX_MESSAGE_TEXT;
    if (full && !page.isEmpty()) {
      turnPage();
    }
    page.add(block);
    pageText += block.text().length();
  }

  private void turnPage() {
    List<SlackBlock> carried = new ArrayList<>();
    SlackBlock last = page.get(page.size() - 1);
    if (page.size() > 1 && last.kind() == SlackBlock.Kind.HEADER) {
      carried.add(page.remove(page.size() - 1));
    }
    pages.add(page);
    page = carried;
    pageText = carried.stream().mapToInt(block -> block.text().length()).sum();
  }
}
