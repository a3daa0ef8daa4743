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
 * The sections a template keeps rather than asks: a process checklist, whose steps of scheduling
 * the discussion, reviewing and approving the bot ticks once they are done, and a revision log,
 * whose first row the bot fills and to which it adds a row for each review event.
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

  /**
   * A step of approving the spec: approve, approval, approved, or a sign-off. Told apart from the
   * meeting step by being looked for only in a step that is not one.
   */
  private static final Pattern APPROVAL =
      Pattern.compile("(?i)\\bapprov|\\bsign(?:ed|s)?[- ]?offs?\\b");

  /** A step of giving the spec feedback: feedback, or a review of the spec or document. */
  private static final Pattern FEEDBACK = Pattern.compile("(?i)\\bfeedback\\b");

  private static final Pattern REVIEW = Pattern.compile("(?i)\\breview");

  /**
   * What a review is of, when it is the spec's: a step such as "Code review completed" is about
   * other work, and is left to the team.
   */
  private static final Pattern DOCUMENT =
      Pattern.compile(
          "(?i)\\b(?:specs?|specifications?|documents?|docs?|designs?|proposals?|plans?|rfcs?)\\b");

  private static final Pattern DATE_HEADER = Pattern.compile("(?i)\\b(?:date|day|when)\\b");
  private static final Pattern WHO_HEADER =
      Pattern.compile(
          "(?i)\\b(?:authors?|by|who|names?|owners?|editors?|reviewers?|person|people)\\b");
  private static final Pattern WHAT_HEADER =
      Pattern.compile(
          "(?i)\\b(?:changes?|descriptions?|summary|what|notes?|comments?|details?|events?)\\b");
  private static final Pattern STATUS_HEADER = Pattern.compile("(?i)\\b(?:status|state)\\b");

  private static final Pattern CHECKBOX =
      Pattern.compile("^[>\\s]*(?:[-*+]|\\d{1,9}[.)])\\s+\\[[ xX]\\]\\s*");

  private KeptSections() {}

  /** A kept section's parts, after its heading, and the note that tells the author it is kept. */
  record Kept(List<Part> parts, SectionNote note) {}

  /** A process section: its task lists kept as written, the bot's own steps ticked once done. */
  static Kept process(Section section, List<String> bodyLines) {
    List<Part> parts = new ArrayList<>();
    List<String> meetingSteps = new ArrayList<>();
    List<String> feedbackSteps = new ArrayList<>();
    List<String> approvalSteps = new ArrayList<>();
    for (Node block : section.body) {
      if (Blocks.isTaskList(block, bodyLines)) {
        Part.Checklist checklist = checklist(block, bodyLines);
        stepTexts(checklist, checklist.meetingSteps(), meetingSteps);
        stepTexts(checklist, checklist.feedbackSteps(), feedbackSteps);
        stepTexts(checklist, checklist.approvalSteps(), approvalSteps);
        parts.add(checklist);
      }
    }
    List<String> ticked = new ArrayList<>();
    ticked(ticked, "when the meeting is scheduled", meetingSteps);
    ticked(ticked, "when a reviewer has responded", feedbackSteps);
    ticked(ticked, "when the spec is approved", approvalSteps);
    String reason =
        ticked.isEmpty()
            ? "a process checklist, kept as it is"
            : "a process checklist, kept; ticked " + String.join("; ticked ", ticked);
    return new Kept(parts, new SectionNote(section.title, reason, section.line));
  }

  private static void stepTexts(Part.Checklist checklist, Set<Integer> steps, List<String> texts) {
    steps.stream()
        .sorted()
        .forEach(i -> texts.add(CHECKBOX.matcher(checklist.lines().get(i)).replaceFirst("")));
  }

  private static void ticked(List<String> ticked, String when, List<String> steps) {
    if (!steps.isEmpty()) {
      ticked.add(when + ": " + String.join(" / ", steps));
    }
  }

  private static Part.Checklist checklist(Node list, List<String> bodyLines) {
    int first = Markdown.firstLine(list);
    List<String> lines = bodyLines.subList(first, Markdown.lastLine(list) + 1);
    List<ListItem> items = new ArrayList<>();
    Blocks.collectItems(list, items);
    Set<Integer> meetingSteps = new HashSet<>();
    Set<Integer> feedbackSteps = new HashSet<>();
    Set<Integer> approvalSteps = new HashSet<>();
    for (ListItem item : items) {
      int line = Markdown.firstLine(item) - first;
      String text = lines.get(line);
      if (isMeetingStep(text)) {
        meetingSteps.add(line);
      } else if (isApprovalStep(text)) {
        approvalSteps.add(line);
      } else if (isFeedbackStep(text)) {
        feedbackSteps.add(line);
      }
    }
    return new Part.Checklist(lines, meetingSteps, feedbackSteps, approvalSteps);
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
        List.of(
            new Part.RevisionLog(
                tableLines.subList(0, 2), cells, kinds, eventColumns(columns, kinds))),
        new SectionNote(
            section.title,
            "a revision log, filled with the first entry and a row for each review event",
            section.line));
  }

  /**
   * What each column holds in a review event's row: the column the bot fills with a date, the
   * drafter or the status in the first row holds the same in an event's row; other columns by their
   * header ("Date", "Author", "Changes", "Status"). Each is given to the first column that has it.
   */
  static List<Part.RevisionLog.Column> eventColumns(
      List<String> headers, List<Optional<FieldKind>> kinds) {
    List<Part.RevisionLog.Column> columns = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      Part.RevisionLog.Column column =
          kinds.get(i).flatMap(KeptSections::byKind).orElseGet(() -> byHeader(header));
      columns.add(columns.contains(column) ? Part.RevisionLog.Column.OTHER : column);
    }
    return columns;
  }

  private static Optional<Part.RevisionLog.Column> byKind(FieldKind kind) {
    return switch (kind) {
      case CREATED, UPDATED -> Optional.of(Part.RevisionLog.Column.DATE);
      case DRAFTER, AUTHORS -> Optional.of(Part.RevisionLog.Column.WHO);
      case STATUS -> Optional.of(Part.RevisionLog.Column.STATUS);
      case TITLE, MEETING -> Optional.empty();
    };
  }

  private static Part.RevisionLog.Column byHeader(String header) {
    if (STATUS_HEADER.matcher(header).find()) {
      return Part.RevisionLog.Column.STATUS;
    }
    if (DATE_HEADER.matcher(header).find()) {
      return Part.RevisionLog.Column.DATE;
    }
    if (WHO_HEADER.matcher(header).find()) {
      return Part.RevisionLog.Column.WHO;
    }
    if (WHAT_HEADER.matcher(header).find()) {
      return Part.RevisionLog.Column.WHAT;
    }
    return Part.RevisionLog.Column.OTHER;
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

  /**
   * Whether a checklist line that is not the meeting step is the step of approving the spec: a word
   * for approving, or a sign-off.
   */
  static boolean isApprovalStep(String line) {
    return APPROVAL.matcher(line).find();
  }

  /**
   * Whether a checklist line that is not the meeting step nor the approval is the step of giving
   * the spec feedback: "feedback", or a review of the spec or document.
   */
  static boolean isFeedbackStep(String line) {
    return FEEDBACK.matcher(line).find()
        || (REVIEW.matcher(line).find() && DOCUMENT.matcher(line).find());
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
