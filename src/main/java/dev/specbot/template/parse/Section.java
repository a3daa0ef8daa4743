package dev.specbot.template.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Node;

/** A heading and the blocks under it up to the next heading, as the parser sees them. */
final class Section {
  /** What the interview does with a section. */
  enum Role {
    /** The document's title heading, with its metadata lines. */
    TITLE,
    /** Asked: the answer takes the place of its guidance. */
    QUESTION,
    /** Only groups sub-headings: not asked, its guidance shown with its questions. */
    GROUP,
    /** A process checklist: kept, with the bot's own steps ticked when done. */
    PROCESS,
    /** A revision log the bot fills with the first entry. */
    REVISION_LOG,
    /** Advice to the writer: left out of the document. */
    LEFT_OUT
  }

  final int level;
  final String headingText;
  final String title;
  final int line;
  final List<Node> body = new ArrayList<>();
  final List<Section> children = new ArrayList<>();
  final Section parent;
  Role role;

  Section(int level, String headingText, String title, int line, Section parent) {
    this.level = level;
    this.headingText = headingText;
    this.title = title;
    this.line = line;
    this.parent = parent;
  }

  /** The headings above this one and its own, outermost first, leaving out the document title. */
  List<String> path() {
    List<String> path = new ArrayList<>();
    for (Section section = this; section != null; section = section.parent) {
      if (section.role != Role.TITLE) {
        path.add(0, section.title);
      }
    }
    return path;
  }

  /**
   * The names an override may give this section, {@link #normalized}: its heading, and its headings
   * joined with " > ".
   */
  List<String> names() {
    return List.of(normalized(title), normalized(String.join(" > ", path())));
  }

  /**
   * A section name as overrides compare it: each run of blanks one space, case ignored. By hand, as
   * {@code \s+} replaced by a space did: it runs for every section, several times.
   */
  static String normalized(String text) {
    String stripped = text.strip();
    StringBuilder folded = new StringBuilder(stripped.length());
    boolean blank = false;
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      boolean isBlank = " \t\n\u000B\f\r".indexOf(c) >= 0;
      if (!isBlank) {
        folded.append(c);
      } else if (!blank) {
        folded.append(' ');
      }
      blank = isBlank;
    }
    return folded.toString().toLowerCase(Locale.ROOT);
  }
}
