package dev.specbot.slack.blocks;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays document parts out as blocks: headers and dividers as they are, body text gathered into as
 * few sections as the section limit allows (so a long spec needs fewer messages), each deeper
 * heading starting a section of its own, and text too long for one section split across several.
 */
final class Sections {
  private final List<SlackBlock> blocks = new ArrayList<>();
  private final StringBuilder section = new StringBuilder();
  private boolean afterHeading;

  private Sections() {}

  static List<SlackBlock> of(List<Part> parts) {
    Sections sections = new Sections();
    for (Part part : parts) {
      sections.add(part);
    }
    sections.flush();
    return sections.blocks;
  }

  private void add(Part part) {
    if (part instanceof Part.Header header) {
      flush();
      blocks.add(SlackBlock.header(header.text()));
    } else if (part instanceof Part.Divider) {
      flush();
      blocks.add(SlackBlock.divider());
    } else if (part instanceof Part.Body body) {
      body(body);
    }
  }

  private void body(Part.Body body) {
    List<String> pieces = TextSplitter.split(body.mrkdwn(), SpecBlocks.MAX_SECTION_TEXT);
    for (int i = 0; i < pieces.size(); i++) {
      String piece = pieces.get(i);
      // A heading sits on the line right above its text; separate blocks get a blank line between.
      String separator = section.length() == 0 ? "" : afterHeading ? "\n" : "\n\n";
      boolean startsSection = body.heading() && i == 0;
      if (startsSection
          || section.length() + separator.length() + piece.length() > SpecBlocks.MAX_SECTION_TEXT) {
        flush();
        separator = "";
      }
      section.append(separator).append(piece);
      afterHeading = body.heading();
    }
  }

  private void flush() {
    if (section.length() > 0) {
      blocks.add(SlackBlock.section(section.toString()));
      section.setLength(0);
    }
    afterHeading = false;
  }
}
