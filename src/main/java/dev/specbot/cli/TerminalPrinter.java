package dev.specbot.cli;

import dev.specbot.interview.Effect;
import dev.specbot.interview.Progress;
import dev.specbot.template.Group;
import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.Template;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What the interview says in a terminal, for one template: the wording of the terminal front end in
 * one place.
 */
final class TerminalPrinter {
  private static final String INDENT = "    ";
  private static final String RULE = "-".repeat(72);
  private static final String HELP =
      """
      Commands (type one alone as the first line of an answer):
        skip          leave this question unanswered for now
        back          go to the previous question
        skip section  skip the rest of this question's group
        goto N        answer question N again, then go on with the first unanswered one
        preview       show the document as it stands
        pause         stop asking until you type resume
        resume        go on after a pause
        finish        write the spec now; unanswered sections are marked
        cancel        stop without writing anything (it asks first)
        help          show this list
      An answer can take several lines: an empty line ends it. Ctrl-D stops and saves a draft.
      """;

  private final Template template;
  private final PrintWriter out;

  TerminalPrinter(Template template, PrintWriter out) {
    this.template = template;
    this.out = out;
  }

  void intro() {
    int count = template.questions().size();
    out.println(
        template.name()
            + ": "
            + count
            + (count == 1 ? " question" : " questions")
            + ", one at a time. Type help for commands; an empty line ends an answer.");
    if (!template.intro().isBlank()) {
      out.println();
      out.println(template.intro().strip());
    }
  }

  void ask(Effect.Ask ask) {
    Question question = ask.question();
    out.println();
    out.println(
        "["
            + question.number()
            + "/"
            + ask.total()
            + "] "
            + String.join(" > ", question.path())
            + (question.path().isEmpty() ? "" : " > ")
            + question.title()
            + (question.kind() == QuestionKind.FIELD ? " (one line)" : "")
            + (question.optional() ? " (optional)" : ""));
    // A group's guidance belongs to each of its questions; the interview never asks the group.
    question.groupId().flatMap(template::group).map(Group::hint).ifPresent(this::indented);
    question.prompt().ifPresent(this::indented);
    indented(question.hint());
    ask.previousAnswer()
        .ifPresent(
            answer -> {
              out.println(INDENT + "Your answer so far (type a new one, or skip to keep it):");
              indented(INDENT + "  ", answer);
            });
  }

  void say(String text) {
    out.println(text);
  }

  void preview(String markdown) {
    out.println(RULE);
    out.print(markdown.endsWith("\n") ? markdown : markdown + "\n");
    out.println(RULE);
  }

  void help() {
    out.print(HELP);
  }

  void confirmCancel() {
    out.println("Cancel this interview? Type yes to cancel, no to go on.");
  }

  void wrote(String what, Path file, Progress progress) {
    out.println(
        "Wrote "
            + what
            + " to "
            + file
            + " ("
            + progress.answered()
            + " answered, "
            + progress.skipped()
            + " skipped of "
            + progress.total()
            + ")");
  }

  private void indented(String text) {
    indented(INDENT, text);
  }

  private void indented(String indent, String text) {
    text.strip().lines().forEach(line -> out.println(line.isBlank() ? "" : indent + line));
  }
}
