package dev.specbot.slack.blocks;

import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A document converted by {@link SpecBlocks}, with what tests want to know about the result. */
record Converted(List<List<LayoutBlock>> messages) {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Pattern SLACK_LINK =
      Pattern.compile("<((?:https?://|mailto:)[^<>|\\s]*)(?:\\|([^<>|]*))?>");

  static Converted of(String markdown) {
    return new Converted(SpecBlocks.messages(markdown));
  }

  List<LayoutBlock> blocks() {
    List<LayoutBlock> blocks = new ArrayList<>();
    messages.forEach(blocks::addAll);
    return blocks;
  }

  /** The text of every header and section, in order. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (LayoutBlock block : blocks()) {
      if (block instanceof HeaderBlock || block instanceof SectionBlock) {
        texts.add(text(block));
      }
    }
    return texts;
  }

  List<String> sections() {
    return blocks().stream().filter(SectionBlock.class::isInstance).map(Converted::text).toList();
  }

  List<String> headers() {
    return blocks().stream().filter(HeaderBlock.class::isInstance).map(Converted::text).toList();
  }

  /** All texts in one string, blocks separated by blank lines. */
  String all() {
    return String.join("\n\n", texts());
  }

  long dividers() {
    return blocks().stream().filter(DividerBlock.class::isInstance).count();
  }

  /** The words a reader sees, in order: link labels instead of links, entities decoded. */
  List<String> words() {
    List<String> words = new ArrayList<>();
    for (String text : texts()) {
      words.addAll(wordsOf(unescape(withoutLinkTargets(text))));
    }
    return words;
  }

  static String text(LayoutBlock block) {
    if (block instanceof HeaderBlock header) {
      return header.getText().getText();
    }
    return ((MarkdownTextObject) ((SectionBlock) block).getText()).getText();
  }

  static List<String> wordsOf(String text) {
    List<String> words = new ArrayList<>();
    Matcher word = WORD.matcher(text);
    while (word.find()) {
      words.add(word.group());
    }
    return words;
  }

  /** Replaces each link the converter built with what Slack shows for it. */
  static String withoutLinkTargets(String mrkdwn) {
    Matcher link = SLACK_LINK.matcher(mrkdwn);
    StringBuilder shown = new StringBuilder();
    while (link.find()) {
      String label = link.group(2) != null ? link.group(2) : link.group(1);
      link.appendReplacement(shown, Matcher.quoteReplacement(label));
    }
    return link.appendTail(shown).toString();
  }

  /** What Slack displays for escaped text, without the invisible characters the converter adds. */
  static String unescape(String text) {
    return text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("\u2060", "")
        .replace("\u200B", "");
  }
}
