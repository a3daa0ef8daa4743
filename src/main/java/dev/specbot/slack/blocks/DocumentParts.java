package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.ThematicBreak;

/** Renders the top-level blocks of a parsed document as {@link Part}s, in document order. */
final class DocumentParts {
  /** Heading levels that become header blocks; deeper ones become bold sections. */
  private static final int HEADER_LEVELS = 2;

  private DocumentParts() {}

  static List<Part> of(Node document) {
    List<Part> parts = new ArrayList<>();
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading heading) {
        heading(heading, parts);
      } else if (block instanceof ThematicBreak) {
        parts.add(new Part.Divider());
      } else {
        body(block, parts);
      }
    }
    return parts;
  }

  private static void heading(Heading heading, List<Part> parts) {
    String plain = PlainText.withDestinations(heading);
    if (plain.isEmpty()) {
      return;
    }
    String header = SlackText.escape(plain);
    if (heading.getLevel() <= HEADER_LEVELS && header.length() <= SpecBlocks.MAX_HEADER_TEXT) {
      parts.add(new Part.Header(header));
    } else {
      parts.add(new Part.Body(BlockMrkdwn.bold(plain), true));
    }
  }

  private static void body(Node block, List<Part> parts) {
    List<String> lines = new ArrayList<>();
    for (Line line : BlockMrkdwn.of(block)) {
      lines.add(line.text());
    }
    String mrkdwn = String.join("\n", lines);
    if (!mrkdwn.isBlank()) {
      parts.add(new Part.Body(mrkdwn, false));
    }
  }
}
