package dev.specbot.template.parse;

import dev.specbot.template.FieldKind;
import dev.specbot.template.Part;
import dev.specbot.template.SectionNote;
import dev.specbot.template.markdown.Markdown;
import dev.specbot.template.markdown.TableAnswer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;

/**
 * The sections a template keeps rather than asks: a process checklist, whose step of scheduling the
 * discussion the bot ticks once it is done, and a revision log, whose first row the bot fills.
 */
final class KeptSections {
  /**
   * A checklist step the bot performs itself, scheduling (or chasing) the discussion meeting, has
   * both words: scheduling, then the meeting, or the meeting, then scheduling.
   */
  private static final Pattern SCHEDULING = Pattern.compile("(?i)schedul");

  private static final Pattern MEETING =
      Pattern.compile("(?i)\\b(?:discuss\\w*|meeting|review)\\b");
  private static final Pattern SCHEDULING_WORD = Pattern.compile("(?i)\\bschedul");

  private static final Pattern CHECKBOX =
      Pattern.compile("^[>\\s]*(?:[-*+]|\\d{1,9}[.)])\\s+\\[[ xX]\\]\\s*");

  private KeptSections() {}

  /** A kept section's parts, after its heading, and the note that tells the author it is kept. */
  record Kept(List<Part> parts, SectionNote note) {}

  /** A process section: its task lists kept as written, the bot's own steps ticked once done. */
  static Kept process(Section section, List<String> bodyLines) {
    List<Part> parts = new ArrayList<>();
    List<String> meetingSteps = new ArrayList<>();
    for (Node block : section.body) {
      if (Blocks.isTaskList(block, bodyLines)) {
        Part.Checklist checklist = checklist(block, bodyLines);
        checklist.meetingSteps().stream()
            .sorted()
            .forEach(
                i -> meetingSteps.add(CHECKBOX.matcher(checklist.lines().get(i)).replaceFirst("")));
        parts.add(checklist);
      }
    }
    String reason =
        meetingSteps.isEmpty()
            ? "a process checklist, kept as it is"
            : "a process checklist, kept; ticked when the meeting is scheduled: "
                + String.join(" / ", meetingSteps);
    return new Kept(parts, new SectionNote(section.title, reason, section.line));
  }

  private static Part.Checklist checklist(Node list, List<String> bodyLines) {
    int first = Markdown.firstLine(list);
    List<String> lines = bodyLines.subList(first, Markdown.lastLine(list) + 1);
    List<ListItem> items = new ArrayList<>();
    Blocks.collectItems(list, items);
    Set<Integer> meetingSteps = new HashSet<>();
    for (ListItem item : items) {
      int line = Markdown.firstLine(item) - first;
      if (isMeetingStep(lines.get(line))) {
        meetingSteps.add(line);
      }
    }
    return new Part.Checklist(lines, meetingSteps);
  }

  /**
   * A revision log section: its first table, with the first row's cells filled where they name a
   * value the bot knows, by placeholder or, for an empty cell, by column.
   *
   * @param fieldRoles the {@code fields} overrides: label (stripped, lower case) to value
   */
  static Kept revisionLog(Section section, List<String> bodyLines, Map<String, String> fieldRoles) {
    TableBlock table =
        (TableBlock) section.body.stream().filter(Blocks::isTable).findFirst().orElseThrow();
    List<String> tableLines = Markdown.lines(Markdown.source(table, bodyLines));
    List<String> columns = Blocks.columns(table);
    List<String> cells =
        tableLines.size() > 2
            ? fitted(TableAnswer.cells(tableLines.get(2)), columns.size())
            : fitted(List.of(), columns.size());
    List<Optional<FieldKind>> kinds = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      String cell = cells.get(i);
      Optional<String> placeholder = Placeholders.innerLabel(cell);
      kinds.add(
          placeholder.isPresent()
              ? FieldLine.knownKind(placeholder.get(), fieldRoles)
              : cell.isBlank()
                  ? FieldLine.knownKind(columns.get(i), fieldRoles)
                  : Optional.empty());
    }
    return new Kept(
        List.of(new Part.RevisionLog(tableLines.subList(0, 2), cells, kinds)),
        new SectionNote(
            section.title, "a revision log, filled with the first entry", section.line));
  }

  private static List<String> fitted(List<String> cells, int width) {
    List<String> fitted = new ArrayList<>(cells.subList(0, Math.min(cells.size(), width)));
    while (fitted.size() < width) {
      fitted.add("");
    }
    return fitted;
  }

  /**
   * Whether a checklist line is the step of scheduling the discussion: scheduling before a word for
   * the meeting, or a word for the meeting before a word that starts with scheduling.
   *
   * <p>Each word is looked for once, after the first of the other: the pattern this replaces, with
   * {@code .*} between the two, searched the rest of the line from every occurrence of the first.
   */
  static boolean isMeetingStep(String line) {
    return followedBy(line, SCHEDULING, MEETING) || followedBy(line, MEETING, SCHEDULING_WORD);
  }

  private static boolean followedBy(String line, Pattern first, Pattern then) {
    Matcher matcher = first.matcher(line);
    if (!matcher.find()) {
      return false;
    }
    return then.matcher(line)
        .useTransparentBounds(true)
        .region(matcher.end(), line.length())
        .find();
  }
}
