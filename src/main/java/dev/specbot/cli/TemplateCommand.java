package dev.specbot.cli;

import dev.specbot.template.Field;
import dev.specbot.template.Group;
import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.SectionNote;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.template.TemplateException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code template show FILE.md|ID} and {@code template list}: what the bot would make of a
 * template, for the people who write them.
 */
public final class TemplateCommand {
  private static final String INDENT = "     ";

  private final Optional<Path> customDir;
  private final PrintWriter out;
  private final PrintWriter err;

  public TemplateCommand(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.customDir =
        Optional.ofNullable(env.get("SPECBOT_TEMPLATES_DIR"))
            .filter(s -> !s.isBlank())
            .map(Path::of);
    this.out = out;
    this.err = err;
  }

  /** Runs the subcommand; returns the process exit code. */
  public int run(String[] args) {
    try {
      if (args.length == 2 && args[0].equals("show")) {
        return show(args[1]);
      }
      if (args.length == 1 && args[0].equals("list")) {
        return list();
      }
      err.println("usage: template show FILE.md|ID   or   template list");
      return 2;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int show(String fileOrId) {
    try {
      print(load(fileOrId));
      return 0;
    } catch (TemplateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private Template load(String fileOrId) throws TemplateException {
    return TemplateCatalog.load(customDir).resolve(fileOrId, Path.of(""));
  }

  private int list() {
    TemplateCatalog catalog = TemplateCatalog.load(customDir);
    for (Template template : catalog.all()) {
      out.printf(
          "%-28s %-28s %2d questions%n",
          template.id(), template.name(), template.questions().size());
    }
    for (TemplateException problem : catalog.problems()) {
      err.println("skipped: " + problem.getMessage());
    }
    return catalog.problems().isEmpty() ? 0 : 1;
  }

  private void print(Template template) {
    out.println(template.name() + " (" + template.id() + ")");
    out.println("from " + template.source());
    printIfPresent("", template.description());
    if (!template.intro().isBlank()) {
      out.println();
      out.println("About the whole document (shown when the interview starts):");
      printIfPresent(INDENT, template.intro());
    }
    out.println();
    out.println("Questions (" + template.questions().size() + "):");
    String currentGroup = "";
    for (Question question : template.questions()) {
      currentGroup = printGroupIfNew(template, question, currentGroup);
      printQuestion(question);
    }
    out.println();
    out.println("Filled by the bot:");
    for (Field field : template.fields()) {
      out.printf("  %-26s line %-4d %s%n", field.label(), field.line(), field.kind().description());
    }
    printNotes("Kept as they are, not asked:", template.keptAsIs());
    printNotes("Left out of the document:", template.leftOut());
  }

  private String printGroupIfNew(Template template, Question question, String currentGroup) {
    String groupId = question.groupId().orElse("");
    if (groupId.isEmpty() || groupId.equals(currentGroup)) {
      return groupId;
    }
    Group group = template.group(groupId).orElseThrow();
    out.println();
    out.println(
        "  ["
            + group.title()
            + "] group of "
            + group.questionIds().size()
            + " questions, skippable at once");
    printIfPresent(INDENT, group.hint());
    return groupId;
  }

  private void printQuestion(Question question) {
    out.println();
    String where = question.path().isEmpty() ? "" : String.join(" > ", question.path()) + " > ";
    out.printf("%3d. %s%s%s%n", question.number(), where, question.title(), tags(question));
    question.prompt().ifPresent(prompt -> out.println(INDENT + prompt));
    printIfPresent(INDENT, question.hint());
  }

  private static String tags(Question question) {
    StringBuilder tags = new StringBuilder();
    if (question.kind() == QuestionKind.TABLE) {
      tags.append("  [table: ").append(String.join(" | ", question.columns())).append(']');
    }
    if (question.kind() == QuestionKind.FIELD) {
      tags.append("  [one line]");
    }
    if (question.optional()) {
      tags.append("  [optional]");
    }
    return tags.toString();
  }

  private void printNotes(String heading, List<SectionNote> notes) {
    if (notes.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading);
    for (SectionNote note : notes) {
      out.printf("  %-26s line %-4d %s%n", note.title(), note.line(), note.reason());
    }
  }

  private void printIfPresent(String prefix, String text) {
    if (text.isBlank()) {
      return;
    }
    String indent = " ".repeat(prefix.length());
    List<String> lines = text.lines().toList();
    out.println(prefix + lines.get(0));
    lines
        .subList(1, lines.size())
        .forEach(line -> out.println(line.isBlank() ? "" : indent + line));
  }
}
