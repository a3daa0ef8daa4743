package dev.specbot.template;

import dev.specbot.template.markdown.AnswerMarkdown;
import dev.specbot.template.markdown.Inline;
import dev.specbot.template.markdown.TableAnswer;
import dev.specbot.template.parse.FieldLine;
import dev.specbot.template.parse.Placeholders;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * One piece of a template's layout: what the finished document has in that place, given the answers
 * and what the bot knows. A layout rendered part by part rebuilds the template's structure.
 */
public sealed interface Part
    permits Part.Verbatim,
        Part.TitleHeading,
        Part.Fields,
        Part.QuestionSection,
        Part.Checklist,
        Part.RevisionLog {

  String NOT_ANSWERED = "_Not answered._";
  String NOT_SCHEDULED = "_Not scheduled yet._";

  /** The markdown for this part, or an empty string when it has none. */
  String render(Filling filling);

  /**
   * The answers and what the bot knows, as a layout is rendered.
   *
   * @param statusField the template's own status value (such as {@code [DRAFT/APPROVED]}), which
   *     spells the status wherever the document shows it; empty when the template has none
   */
  record Filling(Map<String, String> answers, RenderContext context, String statusField) {
    Filling(Map<String, String> answers, RenderContext context) {
      this(answers, context, "");
    }

    /** The answer to a question, when it has one that is not blank. */
    Optional<String> answer(String questionId) {
      return Optional.ofNullable(answers.get(questionId)).filter(text -> !text.isBlank());
    }

    String title() {
      return Inline.escape(context.title());
    }

    String value(FieldKind kind, String templateValue) {
      return switch (kind) {
        case TITLE -> Placeholders.replaceRun(templateValue, title()).orElse(title());
        case DRAFTER -> Inline.escape(context.drafter());
        case AUTHORS -> authors();
        case CREATED -> DateTimeFormatter.ISO_LOCAL_DATE.format(context.createdOn());
        case UPDATED -> DateTimeFormatter.ISO_LOCAL_DATE.format(context.updatedOn());
        case STATUS ->
            context
                .status()
                .map(now -> spelled(now, templateValue))
                .orElseGet(() -> status(templateValue));
        case MEETING -> context.meeting().map(Inline::oneLine).orElse(NOT_SCHEDULED);
      };
    }

    /** The drafter, then each co-author once, in the order their sections come. */
    private String authors() {
      Set<String> names = new LinkedHashSet<>();
      names.add(context.drafter().strip());
      context.coAuthors().forEach(coAuthor -> names.add(coAuthor.name().strip()));
      return names.stream().map(Inline::escape).collect(Collectors.joining(", "));
    }

    /** A revision-log line for each section a co-author wrote: "Bob wrote 4. Data model". */
    List<ReviewRecord.Entry> coAuthorEntries() {
      return context.coAuthors().stream()
          .map(c -> new ReviewRecord.Entry(c.on(), c.name(), "wrote " + c.section()))
          .toList();
    }

    /** The status now, as the template spells it, or empty while nobody has set one. */
    String statusNow() {
      return context.status().map(now -> spelled(now, statusField)).orElse("");
    }

    /**
     * Whether someone besides the drafter has taken part in the review: an approval, or any event
     * of theirs. A review the drafter only asked for has had no feedback yet.
     */
    boolean hasFeedback() {
      ReviewRecord review = context.review();
      String drafter = context.drafter().strip();
      return !review.approvals().isEmpty()
          || review.events().stream().anyMatch(e -> !e.who().strip().equalsIgnoreCase(drafter));
    }

    /**
     * The status as the template spells it, when its placeholder offers it ({@code IN_PROGRESS} for
     * "In progress"), else as given.
     */
    private static String spelled(String status, String templateValue) {
      String wanted = lettersOf(status);
      return Placeholders.options(templateValue).stream()
          .filter(option -> lettersOf(option).equals(wanted))
          .findFirst()
          .orElse(Inline.escape(status));
    }

    private static String lettersOf(String text) {
      StringBuilder letters = new StringBuilder();
      text.codePoints()
          .filter(Character::isLetter)
          .map(Character::toLowerCase)
          .forEach(letters::appendCodePoint);
      return letters.toString();
    }

    private static String status(String templateValue) {
      return Placeholders.firstOption(templateValue)
          .orElse(Placeholders.awaitsWriter(templateValue) ? "Draft" : templateValue);
    }
  }

  /** Template markdown kept as it is: a heading, a thematic break. */
  record Verbatim(String markdown) implements Part {
    @Override
    public String render(Filling filling) {
      return markdown;
    }
  }

  /** The document's title heading; without heading text it is the title alone. */
  record TitleHeading(int level, Optional<String> text) implements Part {
    @Override
    public String render(Filling filling) {
      String title =
          text.map(heading -> Placeholders.titleHeading(heading, filling.title()))
              .orElse(filling.title());
      return "#".repeat(level) + " " + title;
    }
  }

  /** A block of metadata lines, each filled by the bot, by an answer, or kept. */
  record Fields(List<Slot> slots) implements Part {
    /** One line and what fills it: a field kind, a question, or neither (kept as written). */
    public record Slot(FieldLine line, Optional<FieldKind> kind, Optional<String> questionId) {}

    @Override
    public String render(Filling filling) {
      return slots.stream().map(slot -> line(slot, filling)).collect(Collectors.joining("\n"));
    }

    private static String line(Slot slot, Filling filling) {
      FieldLine line = slot.line();
      String value =
          slot.kind()
              .map(kind -> filling.value(kind, line.value()))
              .or(() -> slot.questionId().map(id -> asked(id, filling)))
              .orElse(line.value());
      return line.lead()
          + line.labelMarkup()
          + (value.isEmpty() ? "" : " " + value)
          + line.lineEnd();
    }

    private static String asked(String questionId, Filling filling) {
      return filling.answer(questionId).map(Inline::oneLine).orElse(NOT_ANSWERED);
    }
  }

  /**
   * A section asked as a question: its heading, then the answer in place of the guidance.
   *
   * @param headingText the heading's markdown without its {@code #} marks
   * @param namedByAnswer whether the heading's placeholder takes the answer's first line
   * @param tableHead the template table's header and delimiter lines, for a table question
   */
  record QuestionSection(
      int level,
      String headingText,
      Question question,
      boolean namedByAnswer,
      List<String> tableHead)
      implements Part {

    @Override
    public String render(Filling filling) {
      Optional<String> answer = filling.answer(question.id());
      if (answer.isEmpty() && question.optional()) {
        return "";
      }
      Optional<AnswerMarkdown.Named> named =
          answer.filter(a -> namedByAnswer).flatMap(AnswerMarkdown::nameAndRest);
      String heading =
          named
              .flatMap(n -> Placeholders.replaceRun(headingText, Inline.escape(n.name())))
              .orElse(headingText);
      String body = named.map(AnswerMarkdown.Named::rest).or(() -> answer).orElse(null);
      return "#".repeat(level) + " " + heading + "\n\n" + body(withCoAuthors(body, filling));
    }

    /**
     * A stakeholders table gets a row for each co-author after the writer's own rows: "Co-author |
     * Bob Example | Wrote 4. Data model".
     */
    private String withCoAuthors(String answer, Filling filling) {
      if (question.kind() != QuestionKind.TABLE
          || !question.title().toLowerCase(Locale.ROOT).contains("stakeholder")
          || filling.context().coAuthors().isEmpty()) {
        return answer;
      }
      String rows =
          filling.context().coAuthors().stream()
              .map(
                  c ->
                      "| Co-author | "
                          + Inline.escape(c.name())
                          + " | Wrote "
                          + Inline.escape(c.section())
                          + " |")
              .collect(Collectors.joining("\n"));
      return answer == null ? rows : answer + "\n" + rows;
    }

    private String body(String answer) {
      if (answer == null) {
        return NOT_ANSWERED;
      }
      if (question.kind() == QuestionKind.TABLE) {
        return TableAnswer.render(answer, tableHead, question.columns(), level);
      }
      return AnswerMarkdown.sanitize(answer, level);
    }
  }

  /**
   * A process checklist kept as written; the steps the bot performs or sees happen are ticked once
   * done: scheduling the discussion, the review's feedback, the approval.
   *
   * @param meetingSteps the lines (0-based) of the steps ticked once the meeting is scheduled
   * @param feedbackSteps the lines of the steps ticked once someone besides the drafter has taken
   *     part in the review
   * @param approvalSteps the lines of the steps ticked once the spec is approved
   */
  record Checklist(
      List<String> lines,
      Set<Integer> meetingSteps,
      Set<Integer> feedbackSteps,
      Set<Integer> approvalSteps)
      implements Part {

    @Override
    public String render(Filling filling) {
      boolean scheduled = filling.context().meeting().isPresent();
      boolean feedback = filling.hasFeedback();
      boolean approved = filling.context().review().approved();
      return IntStream.range(0, lines.size())
          .mapToObj(
              i ->
                  (scheduled && meetingSteps.contains(i))
                          || (feedback && feedbackSteps.contains(i))
                          || (approved && approvalSteps.contains(i))
                      ? lines.get(i).replaceFirst("\\[ \\]", "[x]")
                      : lines.get(i))
          .collect(Collectors.joining("\n"));
    }
  }

  /**
   * A revision log the bot keeps: the table with its first row filled from what the bot knows, then
   * a row for each event of the spec's review.
   *
   * @param kinds for each cell of the first row, the value the bot fills there, if any
   * @param columns what each column holds in a review event's row
   */
  record RevisionLog(
      List<String> tableHead,
      List<String> cells,
      List<Optional<FieldKind>> kinds,
      List<Column> columns)
      implements Part {

    /** What a column holds in a review event's row. */
    public enum Column {
      /** The day of the event. */
      DATE,
      /** Who did it. */
      WHO,
      /** What happened. */
      WHAT,
      /** Where the spec stands: filled on the last row only, as it stands now. */
      STATUS,
      /** Nothing the bot knows: left empty. */
      OTHER
    }

    @Override
    public String render(Filling filling) {
      StringBuilder table = new StringBuilder(String.join("\n", tableHead)).append('\n');
      table.append(row(IntStream.range(0, cells.size()).mapToObj(i -> firstCell(i, filling))));
      for (ReviewRecord.Entry wrote : filling.coAuthorEntries()) {
        table.append('\n').append(row(eventCells(wrote, "").stream()));
      }
      List<ReviewRecord.Entry> events = filling.context().review().events();
      for (int e = 0; e < events.size(); e++) {
        String status = e == events.size() - 1 ? filling.statusNow() : "";
        table.append('\n').append(row(eventCells(events.get(e), status).stream()));
      }
      return table.toString();
    }

    private String firstCell(int i, Filling filling) {
      return kinds.get(i).map(kind -> filling.value(kind, cells.get(i))).orElse(cells.get(i));
    }

    private List<String> eventCells(ReviewRecord.Entry event, String status) {
      String who = Inline.escape(event.who());
      int whatColumn = whatColumn();
      // Where no column of its own says who did it, the text of what happened does.
      String what =
          (whatColumn >= 0 && columns.get(whatColumn) == Column.WHO)
                  || !columns.contains(Column.WHO)
              ? who + ": " + Inline.escape(event.what())
              : Inline.escape(event.what());
      List<String> row = new ArrayList<>(columns.size());
      for (int i = 0; i < columns.size(); i++) {
        row.add(i == whatColumn ? what : cell(columns.get(i), event, who, status));
      }
      return row;
    }

    private static String cell(Column column, ReviewRecord.Entry event, String who, String status) {
      return switch (column) {
        case DATE -> DateTimeFormatter.ISO_LOCAL_DATE.format(event.on());
        case WHO -> who;
        case STATUS -> status;
        case WHAT, OTHER -> "";
      };
    }

    /**
     * The column that says what happened: the one named for it, else the last column the bot has
     * nothing for, else who did it; -1 when the table has none of these.
     */
    private int whatColumn() {
      int what = columns.indexOf(Column.WHAT);
      if (what < 0) {
        what = columns.lastIndexOf(Column.OTHER);
      }
      return what < 0 ? columns.indexOf(Column.WHO) : what;
    }

    private static String row(Stream<String> cells) {
      return cells.collect(Collectors.joining(" | ", "| ", " |"));
    }
  }
}
