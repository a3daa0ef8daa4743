package dev.specbot.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A markdown template read as an interview: its questions, groups and fields, and how to rebuild
 * it.
 */
public final class Template {
  private final ReviewSettings review;
  private final IssueSettings issue;
  private final Optional<String> decisions;
  private final String id;
  private final String name;
  private final String description;
  private final String source;
  private final String intro;
  private final List<Question> questions;
  private final List<Group> groups;
  private final List<Field> fields;
  private final List<SectionNote> leftOut;
  private final List<SectionNote> keptAsIs;
  private final List<Part> layout;

  /** A template as {@link dev.specbot.template.parse.TemplateParser} reads it. */
  public Template(
      String id,
      String name,
      String description,
      String source,
      String intro,
      Contents contents,
      List<Part> layout) {
    this(id, name, description, source, intro, contents, layout, ReviewSettings.ALL);
  }

  /** A template whose specs are approved as {@code review} says. */
  public Template(
      String id,
      String name,
      String description,
      String source,
      String intro,
      Contents contents,
      List<Part> layout,
      ReviewSettings review) {
    this(
        id,
        name,
        description,
        source,
        intro,
        contents,
        layout,
        review,
        IssueSettings.NONE,
        Optional.empty());
  }

  private Template(
      String id,
      String name,
      String description,
      String source,
      String intro,
      Contents contents,
      List<Part> layout,
      ReviewSettings review,
      IssueSettings issue,
      Optional<String> decisions) {
    this.review = Objects.requireNonNull(review, "null review");
    this.issue = Objects.requireNonNull(issue, "null issue");
    this.decisions = Objects.requireNonNull(decisions, "null decisions");
    this.id = Objects.requireNonNull(id, "null id");
    this.name = Objects.requireNonNull(name, "null name");
    this.description = Objects.requireNonNull(description, "null description");
    this.source = Objects.requireNonNull(source, "null source");
    this.intro = Objects.requireNonNull(intro, "null intro");
    this.questions = List.copyOf(contents.questions());
    this.groups = List.copyOf(contents.groups());
    this.fields = List.copyOf(contents.fields());
    this.leftOut = List.copyOf(contents.leftOut());
    this.keptAsIs = List.copyOf(contents.keptAsIs());
    this.layout = List.copyOf(layout);
  }

  /** What a template yields besides its layout, gathered while reading it. */
  public record Contents(
      List<Question> questions,
      List<Group> groups,
      List<Field> fields,
      List<SectionNote> leftOut,
      List<SectionNote> keptAsIs) {}

  /** The id users pick it by: the file name without {@code .md}. */
  /** How its specs are approved. */
  public ReviewSettings review() {
    return review;
  }

  /** What a GitHub issue made from one of its specs carries, and where it goes. */
  public IssueSettings issue() {
    return issue;
  }

  /** This template, its specs published as GitHub issues as {@code issue} says. */
  public Template withIssue(IssueSettings issue) {
    return new Template(
        id,
        name,
        description,
        source,
        intro,
        new Contents(questions, groups, fields, leftOut, keptAsIs),
        layout,
        review,
        issue,
        decisions);
  }

  /**
   * The section the discussion's decisions are written in, as its {@code specbot: decisions:}
   * override names it; empty to let the document's own sections decide.
   */
  public Optional<String> decisions() {
    return decisions;
  }

  /** This template, its discussion's decisions written in the section {@code decisions} names. */
  public Template withDecisions(Optional<String> decisions) {
    return new Template(
        id,
        name,
        description,
        source,
        intro,
        new Contents(questions, groups, fields, leftOut, keptAsIs),
        layout,
        review,
        issue,
        decisions);
  }

  public String id() {
    return id;
  }

  /** A human name, e.g. "Echo tech spec". */
  public String name() {
    return name;
  }

  /** What the template is for, from its front matter; may be empty. */
  public String description() {
    return description;
  }

  /** Where it was read from, for messages. */
  public String source() {
    return source;
  }

  /** Guidance that applies to the whole document (before the first section); may be empty. */
  public String intro() {
    return intro;
  }

  public List<Question> questions() {
    return questions;
  }

  public Optional<Question> question(String questionId) {
    return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
  }

  public List<Group> groups() {
    return groups;
  }

  public Optional<Group> group(String groupId) {
    return groups.stream().filter(g -> g.id().equals(groupId)).findFirst();
  }

  /** The places the bot fills by itself. */
  public List<Field> fields() {
    return fields;
  }

  /** Sections left out of the document: advice to the writer. */
  public List<SectionNote> leftOut() {
    return leftOut;
  }

  /** Sections kept as they are, not asked: process checklists and logs the bot keeps. */
  public List<SectionNote> keptAsIs() {
    return keptAsIs;
  }

  List<Part> layout() {
    return layout;
  }

  @Override
  public String toString() {
    return "Template[" + id + ", " + questions.size() + " questions]";
  }
}
