package dev.specbot.slack.blocks;

import org.commonmark.node.Node;
import org.commonmark.node.Nodes;
import org.commonmark.node.Text;
import org.commonmark.parser.delimiter.DelimiterProcessor;
import org.commonmark.parser.delimiter.DelimiterRun;

/**
 * Parses {@code ~~struck~~} into {@link Strikethrough}. The build has only the GFM tables
 * extension, and a delimiter processor (rather than a search in text nodes) also finds
 * strikethrough around emphasis or links.
 */
final class StrikethroughDelimiters implements DelimiterProcessor {
  private static final int TILDES = 2;

  @Override
  public char getOpeningCharacter() {
    return '~';
  }

  @Override
  public char getClosingCharacter() {
    return '~';
  }

  @Override
  public int getMinLength() {
    return TILDES;
  }

  @Override
  public int process(DelimiterRun opening, DelimiterRun closing) {
    // Exactly two on both sides, as the brief's ~~s~~; other runs of tildes stay text.
    if (opening.length() != TILDES || closing.length() != TILDES) {
      return 0;
    }
    Text opener = opening.getOpener();
    Node struck = new Strikethrough();
    for (Node node : Nodes.between(opener, closing.getCloser())) {
      struck.appendChild(node);
    }
    opener.insertAfter(struck);
    return TILDES;
  }
}
