package dev.specbot.slack.blocks;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Delimited;

/** Text struck through with GFM's {@code ~~double tildes~~}. */
final class Strikethrough extends CustomNode implements Delimited {
  @Override
  public String getOpeningDelimiter() {
    return "~~";
  }

  @Override
  public String getClosingDelimiter() {
    return "~~";
  }
}
