package dev.specbot.tickets;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a section's heading says about its action items: the rule in this package's description.
 * Headings are short (a template's, or a line of an answer), and each pattern is anchored at the
 * start and has no nested repetition, so a match costs at most the heading's length.
 */
final class Headings {
  /** A section whose list items are tickets. */
  private static final Pattern ACTIONS =
      Pattern.compile(
          "^(?:implementation (?:options?|checklists?|plans?|steps|tasks)|incremental implementation"
              + "|milestones?|phases?|stages?|tasks?|task list|to ?-?dos?|action items?|next steps"
              + "|follow ?-?ups?|work items|deliverables|roll ?-?outs?|roadmap)\\b");

  /** A section that is one ticket: "Phase 1: Foundation", "Milestone 2", "Stage A", "Spike 1". */
  private static final Pattern UNIT =
      Pattern.compile(
          "^(?:phase|stage|milestone|step|iteration|sprint|spike)(?:\\s*\\d{1,3}|\\s+[a-z])(?:$|[\\s:.)–—-])");

  /** A group whose sections are each one ticket. */
  private static final Pattern UNITS = Pattern.compile("^(?:milestones|phases|stages|roadmap)\\b");

  /** Numbering before a heading's words: "15.", "7.1", "3)". */
  private static final Pattern NUMBERING =
      Pattern.compile("^\\d{1,4}(?:\\.\\d{1,4}){0,4}[.)]?\\s+");

  /**
   * A placeholder in a template's heading, as the template room reads one: {@code [Phase Name]},
   * {@code <Name>} or {@code {{name}}}; a {@code [text](url)} link is not one.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\[[^\\[\\]\\n]+\\](?!\\()|<(?![!/])[^<>\\n]+>|\\{\\{[^{}\\n]+\\}\\}");

  /** A first line that names a placeholder heading, as the document's renderer takes one. */
  private static final Pattern NAME_LINE = Pattern.compile("^[^\\s#>*+|`~<=-][^\\n]{0,99}$");

  private static final Pattern LIST_START = Pattern.compile("^\\d{1,9}[.)](?:\\s|$)");

  private Headings() {}

  /** A question's heading as the document shows it, and the answer that goes under it. */
  record Named(String heading, String answer) {}

  /**
   * The heading with its placeholder filled as the document fills it, by the answer's first line
   * when that reads as a short name and more follows ("Phase 1: [Phase Name]" and "Foundation\n..."
   * give "Phase 1: Foundation"); else without the placeholder ("Phase 1").
   */
  static Named named(String heading, String answer) {
    var placeholder = PLACEHOLDER.matcher(heading);
    if (!placeholder.find()) {
      return new Named(heading, answer);
    }
    int start = placeholder.start();
    int end = placeholder.end();
    while (placeholder.find()) {
      end = placeholder.end();
    }
    String text = answer.stripLeading();
    int newline = text.indexOf('\n');
    String first = newline < 0 ? "" : text.substring(0, newline).strip();
    String rest = newline < 0 ? "" : text.substring(newline + 1);
    if (!rest.isBlank()
        && NAME_LINE.matcher(first).matches()
        && !LIST_START.matcher(first).find()) {
      return new Named(heading.substring(0, start) + first + heading.substring(end), rest);
    }
    String bare = heading.substring(0, start) + heading.substring(end);
    return new Named(stripTrailing(bare, " \t:–—-"), answer);
  }

  private static String stripTrailing(String text, String chars) {
    int end = text.length();
    while (end > 0 && chars.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end).strip();
  }

  static boolean isActions(String heading) {
    return ACTIONS.matcher(words(heading)).find();
  }

  static boolean isUnit(String heading) {
    return UNIT.matcher(words(heading)).find();
  }

  static boolean isUnitsGroup(String heading) {
    return UNITS.matcher(words(heading)).find();
  }

  /** The heading's words in lower case, without numbering or markup: "15. Milestones" reads so. */
  private static String words(String heading) {
    String plain = Titles.plain(heading, new Steps()).toLowerCase(Locale.ROOT);
    return NUMBERING.matcher(plain).replaceFirst("");
  }
}
