package dev.specbot.slack.blocks;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;

/** The words of a markdown document without its markup, as a reader of the document sees them. */
final class Words {
  private static final List<org.commonmark.Extension> EXTENSIONS =
      List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final TextContentRenderer TEXT =
      TextContentRenderer.builder().extensions(EXTENSIONS).build();

  private Words() {}

  static List<String> of(String markdown) {
    // Task boxes are list markup, like the bullets; strikethrough tildes are not words either.
    String withoutTaskBoxes =
        markdown.replaceAll("(?m)^(\\s*(?:[-*+]|\\d+[.)])\\s+)\\[[ xX]\\]", "$1");
    String text = TEXT.render(PARSER.parse(withoutTaskBoxes));
    return Converted.wordsOf(withoutLinkDestinations(text));
  }

  /** The text renderer writes a link as {@code label (destination)}; Slack shows the label. */
  private static String withoutLinkDestinations(String text) {
    return text.replaceAll("\\((?:https?://|mailto:)[^)\\s]*\\)", "");
  }
}
