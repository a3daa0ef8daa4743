package dev.specbot.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One question of an interview: a section (or metadata line) of the template that needs writing.
 *
 * @param number 1-based position in the interview
 * @param id stable key for storing the answer, derived from the headings above it
 * @param title the section's heading, as a reader sees it
 * @param path the headings of the groups it sits in, outermost first
 * @param prompt the template's own wording for the question, when its overrides give one
 * @param hint the guidance a writer needs, as readable text (may be empty)
 * @param kind the shape of answer it takes
 * @param columns the table's column names, for {@link QuestionKind#TABLE}
 * @param optional whether an unanswered answer leaves the section out of the document
 * @param groupId the innermost group it belongs to, which can be skipped as a whole
 * @param line the 1-based line of its heading in the template file
 */
public record Question(
    int number,
    String id,
    String title,
    List<String> path,
    Optional<String> prompt,
    String hint,
    QuestionKind kind,
    List<String> columns,
    boolean optional,
    Optional<String> groupId,
    int line) {

  public Question {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(hint, "null hint");
    Objects.requireNonNull(kind, "null kind");
    path = List.copyOf(path);
    columns = List.copyOf(columns);
  }
}
