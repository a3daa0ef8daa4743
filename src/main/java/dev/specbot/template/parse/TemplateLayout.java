package dev.specbot.template.parse;

import dev.specbot.template.Field;
import dev.specbot.template.FieldKind;
import dev.specbot.template.Group;
import dev.specbot.template.Part;
import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.ReviewSettings;
import dev.specbot.template.SectionNote;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.Node;

/**
 * Walks a parsed template in document order and builds both what the interview asks (questions,
 * groups, fields) and the layout that puts the answers back in place.
 */
final class TemplateLayout {
  private final String id;
  private final String source;
  private final FrontMatter frontMatter;
  private final TemplateParser.Body body;
  private final Overrides overrides;

  /** The {@code fields} overrides: label (stripped, lower case) to value, the first one given. */
  private final Map<String, String> fieldRoles = new LinkedHashMap<>();

  private final List<Part> layout = new ArrayList<>();
  private final List<Question> questions = new ArrayList<>();
  private final Map<String, Section> questionSections = new LinkedHashMap<>();
  private final List<Field> fields = new ArrayList<>();
  private final List<SectionNote> leftOut = new ArrayList<>();
  private final List<SectionNote> keptAsIs = new ArrayList<>();
  private final List<String> intro = new ArrayList<>();
  private final Ids ids = new Ids();

  private final Set<String> fieldLabelsSeen = new HashSet<>();
  private final Map<Section, String> groupIds = new LinkedHashMap<>();
  private Part pendingBreak;

  TemplateLayout(
      String id,
      String source,
      FrontMatter frontMatter,
      TemplateParser.Body body,
      Overrides overrides) {
    this.id = id;
    this.source = source;
    this.frontMatter = frontMatter;
    this.body = body;
    this.overrides = overrides;
    overrides
        .fieldRoles()
        .forEach(
            (label, role) -> fieldRoles.putIfAbsent(label.strip().toLowerCase(Locale.ROOT), role));
  }

  Template build() throws TemplateException {
    nameGroups();
    addPreamble();
    if (body.sections().get(0).role != Section.Role.TITLE) {
      layout.add(new Part.TitleHeading(1, Optional.empty()));
      fields.add(new Field("Title heading (added)", FieldKind.TITLE, body.firstLine()));
    }
    for (Section section : body.sections()) {
      addSection(section);
    }
    checkFieldOverridesNameLines();
    Template.Contents contents =
        new Template.Contents(questions, groups(), fields, leftOut, keptAsIs);
    return new Template(
        id,
        name(),
        description(),
        source,
        String.join("\n\n", intro),
        contents,
        layout,
        overrides.review().orElse(ReviewSettings.ALL));
  }

  private void addPreamble() {
    for (Node block : body.preamble()) {
      if (Blocks.isFieldBlock(block, body.lines())) {
        addFields(block);
      } else if (Blocks.isThematicBreak(block)) {
        layout.add(new Part.Verbatim("---"));
      } else {
        addIntro(List.of(block));
      }
    }
  }

  private void addSection(Section section) {
    switch (section.role) {
      case LEFT_OUT -> addLeftOut(section);
      case TITLE -> addTitle(section);
      case GROUP -> addHeading(section);
      case PROCESS -> addProcess(section);
      case REVISION_LOG -> addRevisionLog(section);
      case QUESTION -> addQuestion(section);
    }
    if (section.role != Section.Role.LEFT_OUT
        && section.body.stream().anyMatch(Blocks::isThematicBreak)) {
      // A rule under a section separates it from what follows; kept only if something kept follows.
      pendingBreak = new Part.Verbatim("---");
    }
  }

  private void addLeftOut(Section section) {
    pendingBreak = null;
    if (section.parent == null || section.parent.role != Section.Role.LEFT_OUT) {
      leftOut.add(
          new SectionNote(
              section.title, "advice to the writer, not part of the spec", section.line));
    }
  }

  private void addTitle(Section section) {
    layout.add(new Part.TitleHeading(section.level, Optional.of(section.headingText)));
    fields.add(new Field("Title heading", FieldKind.TITLE, section.line));
    List<Node> guidance = new ArrayList<>();
    for (Node block : section.body) {
      if (Blocks.isFieldBlock(block, body.lines())) {
        addFields(block);
      } else if (!Blocks.isThematicBreak(block)) {
        guidance.add(block);
      }
    }
    addIntro(guidance);
  }

  private void addHeading(Section section) {
    flushBreak();
    layout.add(new Part.Verbatim(heading(section)));
  }

  private void addProcess(Section section) {
    addHeading(section);
    addKept(KeptSections.process(section, body.lines()));
  }

  private void addRevisionLog(Section section) {
    addHeading(section);
    addKept(KeptSections.revisionLog(section, body.lines(), fieldRoles));
  }

  private void addKept(KeptSections.Kept kept) {
    layout.addAll(kept.parts());
    keptAsIs.add(kept.note());
  }

  private void addQuestion(Section section) {
    flushBreak();
    List<Node> guidance = section.body.stream().filter(b -> !Blocks.isThematicBreak(b)).toList();
    Optional<TableBlock> table =
        guidance.stream().filter(Blocks::isTable).map(TableBlock.class::cast).findFirst();
    boolean namedByAnswer = Placeholders.in(section.headingText);
    String hint = Hints.of(guidance);
    if (namedByAnswer) {
      hint =
          join(
              hint,
              "Start with a short line that names it: that line replaces the placeholder in the heading.");
    }
    Question question =
        new Question(
            questions.size() + 1,
            ids.unique(String.join("/", section.path())),
            section.title,
            section.path().subList(0, section.path().size() - 1),
            prompt(section),
            hint,
            table.isPresent() ? QuestionKind.TABLE : QuestionKind.TEXT,
            table.map(Blocks::columns).orElse(List.of()),
            TemplateParser.isOptional(section, overrides),
            groupOf(section),
            section.line);
    questions.add(question);
    questionSections.put(question.id(), section);
    List<String> tableHead =
        table
            .map(t -> Markdown.lines(Markdown.source(t, body.lines())).subList(0, 2))
            .orElse(List.of());
    layout.add(
        new Part.QuestionSection(
            section.level, section.headingText, question, namedByAnswer, tableHead));
  }

  private Optional<String> prompt(Section section) {
    return overrides.naming("ask", section).map(Overrides.Entry::value);
  }

  /**
   * Metadata lines: the bot fills what it knows, asks what waits for the writer, keeps the rest.
   */
  private void addFields(Node block) {
    List<Part.Fields.Slot> slots = new ArrayList<>();
    int firstLine = body.firstLine() + Markdown.firstLine(block);
    List<String> sourceLines = Markdown.lines(Markdown.source(block, body.lines()));
    for (int i = 0; i < sourceLines.size(); i++) {
      Optional<FieldLine> parsed = FieldLine.parse(sourceLines.get(i));
      if (parsed.isPresent()) {
        slots.add(slot(parsed.get(), firstLine + i));
      }
    }
    layout.add(new Part.Fields(slots));
  }

  private Part.Fields.Slot slot(FieldLine line, int fileLine) {
    fieldLabelsSeen.add(line.label().toLowerCase(Locale.ROOT));
    Optional<FieldKind> kind = FieldLine.knownKind(line.label(), fieldRoles);
    if (kind.isPresent()) {
      fields.add(new Field(line.label(), kind.get(), fileLine));
      return new Part.Fields.Slot(line, kind, Optional.empty());
    }
    String role =
        roleOverride(line.label()).orElse(Placeholders.awaitsWriter(line.value()) ? "ask" : "keep");
    if (role.equals("keep")) {
      return new Part.Fields.Slot(line, Optional.empty(), Optional.empty());
    }
    Question question =
        new Question(
            questions.size() + 1,
            ids.unique(line.label()),
            line.label(),
            List.of(),
            Optional.empty(),
            Hints.comment(line.value()),
            QuestionKind.FIELD,
            List.of(),
            false,
            Optional.empty(),
            fileLine);
    questions.add(question);
    return new Part.Fields.Slot(line, Optional.empty(), Optional.of(question.id()));
  }

  private Optional<String> roleOverride(String label) {
    return Optional.ofNullable(fieldRoles.get(label.strip().toLowerCase(Locale.ROOT)));
  }

  private void checkFieldOverridesNameLines() throws TemplateException {
    Set<String> labels = new HashSet<>(fieldLabelsSeen);
    fields.forEach(field -> labels.add(field.label().strip().toLowerCase(Locale.ROOT)));
    labels.addAll(revisionLogPlaceholders());
    for (Overrides.Entry entry : overrides.entries("fields")) {
      if (!labels.contains(entry.name().strip().toLowerCase(Locale.ROOT))) {
        throw new TemplateException(
            entry.source(),
            entry.line(),
            "\"fields\" names the line \"" + entry.name() + "\", which the template does not have");
      }
    }
  }

  /**
   * The revision logs' placeholders (such as [Tech Lead]), lower case: a fields override may name
   * one instead of a line.
   */
  private Set<String> revisionLogPlaceholders() {
    Set<String> labels = new HashSet<>();
    layout.stream()
        .filter(Part.RevisionLog.class::isInstance)
        .map(Part.RevisionLog.class::cast)
        .flatMap(log -> log.cells().stream())
        .forEach(cell -> Placeholders.innerLabel(cell).ifPresent(labels::add));
    return labels;
  }

  /** Every group heading's id, given before any question so a question knows its group. */
  private void nameGroups() {
    for (Section section : body.sections()) {
      if (section.role == Section.Role.GROUP) {
        groupIds.put(section, ids.unique(String.join("/", section.path())));
      }
    }
  }

  /** The innermost group a section sits in. */
  private Optional<String> groupOf(Section section) {
    for (Section ancestor = section.parent; ancestor != null; ancestor = ancestor.parent) {
      if (groupIds.containsKey(ancestor)) {
        return Optional.of(groupIds.get(ancestor));
      }
    }
    return Optional.empty();
  }

  /** Groups, each with every question beneath it, in document order. */
  private List<Group> groups() {
    Map<Section, List<String>> members = new HashMap<>();
    // Each question joins the groups above it (headings nest at most six deep), rather than each
    // group searching all questions.
    questionSections.forEach(
        (questionId, question) -> {
          for (Section above = question.parent; above != null; above = above.parent) {
            if (groupIds.containsKey(above)) {
              members.computeIfAbsent(above, group -> new ArrayList<>()).add(questionId);
            }
          }
        });
    List<Group> groups = new ArrayList<>();
    groupIds.forEach(
        (section, groupId) ->
            groups.add(
                new Group(
                    groupId,
                    section.title,
                    Hints.of(section.body),
                    members.getOrDefault(section, List.of()),
                    section.line)));
    return groups;
  }

  private void addIntro(List<Node> blocks) {
    String text = Hints.of(blocks);
    if (!text.isEmpty()) {
      intro.add(text);
    }
  }

  private void flushBreak() {
    if (pendingBreak != null) {
      layout.add(pendingBreak);
      pendingBreak = null;
    }
  }

  private String name() {
    return overrides
        .name()
        .or(() -> Optional.of(frontMatter.text("name")).filter(n -> !n.isEmpty()))
        .orElseGet(() -> humanized(id));
  }

  private String description() {
    String about = frontMatter.text("about");
    return about.isEmpty() ? frontMatter.text("description") : about;
  }

  private static String heading(Section section) {
    return "#".repeat(section.level) + " " + section.headingText;
  }

  private static String humanized(String id) {
    String words = id.replace('-', ' ').replace('_', ' ').strip();
    return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static String join(String first, String second) {
    return first.isEmpty() ? second : first + "\n\n" + second;
  }
}
