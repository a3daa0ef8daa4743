package dev.specbot.slack.canvas;

import dev.specbot.template.Question;
import dev.specbot.template.RenderContext;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finished specs of every built-in template with every question answered, each answer as a person
 * types it in Slack: Slack's own syntax ({@code <@U0ALICE01>}, {@code <https://x|label>}, the
 * entity &amp;amp;) mixed with the markdown the spec is written in, and every block the canvas
 * subset has or lacks (deep headings, checklists, code, quotes, HTML comments, tables, images).
 */
final class CanvasFullAnswers {
  /** A built-in template's finished spec and the answers it was made from. */
  record Spec(String templateId, Map<String, String> answers, String markdown) {
    @Override
    public String toString() {
      return templateId;
    }
  }

  static final RenderContext CONTEXT =
      new RenderContext(
          "Payment retries",
          "Alice Example",
          LocalDate.of(2026, 11, 2),
          LocalDate.of(2026, 11, 20),
          Optional.of("Tuesday 24 November 2026, 15:00-15:30 UTC"));

  private CanvasFullAnswers() {}

  /** One finished spec per built-in template, in the catalog's order. */
  static List<Spec> everyBuiltIn() {
    TemplateCatalog catalog = TemplateCatalog.load(Optional.empty());
    List<Spec> specs = new ArrayList<>();
    for (Template template : catalog.all()) {
      Map<String, String> answers = answers(template);
      specs.add(new Spec(template.id(), answers, SpecRenderer.render(template, answers, CONTEXT)));
    }
    return specs;
  }

  static Map<String, String> answers(Template template) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question question : template.questions()) {
      answers.put(question.id(), answer(question));
    }
    return answers;
  }

  private static String answer(Question question) {
    int n = question.number();
    return switch (question.kind()) {
      case FIELD ->
          "Ticket q"
              + n
              + " for <@U0ALICE01> &amp; <https://example.com/t/"
              + n
              + "|tracker q"
              + n
              + ">";
      case TABLE -> table(question);
      case TEXT -> text(n);
    };
  }

  private static String table(Question question) {
    int n = question.number();
    int columns = question.columns().size();
    StringBuilder rows = new StringBuilder("Rows for q" + n + ", kept by <@U0BOB0002>:\n");
    for (int row = 1; row <= 2; row++) {
      List<String> cells = new ArrayList<>();
      for (int column = 1; column <= columns; column++) {
        cells.add("q" + n + "r" + row + "c" + column);
      }
      cells.set(0, cells.get(0) + " with <@U0CAROL03>");
      if (row == 2) {
        // No label: the template reads a "|" in a row as a new cell, even inside <url|label>.
        cells.set(columns - 1, cells.get(columns - 1) + " see <https://example.com/r" + n + ">");
        cells.add("spare cell q" + n);
      }
      rows.append(String.join(" | ", cells)).append('\n');
    }
    return rows.append("Closing note q").append(n).append('.').toString();
  }

  private static String text(int n) {
    String q = "q" + n;
    String answer =
        "Answer "
            + q
            + ": we retry *failed* payments, as <@U0ALICE01> and <@U0BOB0002|bob> agreed in"
            + " <#C0SPECS01|specs> &amp; <!here> should know.\n"
            + "See <https://example.com/design/"
            + n
            + "|the design doc for "
            + q
            + "> and <https://example.com/runbook"
            + n
            + "> or [the wiki for "
            + q
            + "](https://example.com/wiki_"
            + n
            + ").\n\n"
            + "# Part "
            + q
            + "\n\n"
            + "#### Deep detail "
            + q
            + "\n\n"
            + "- [ ] open task "
            + q
            + "\n- [x] done task "
            + q
            + "\n  - nested point "
            + q
            + "\n\n"
            + "1) first step "
            + q
            + "\n2) second step "
            + q
            + "\n\n"
            + "> quoted remark "
            + q
            + "\n> from <@U0CAROL03>\n\n"
            + "```python\nprint(\"<@U0ALICE01> stays code "
            + q
            + "\")\n```\n\n"
            + "<!-- note to self "
            + q
            + ": ask <@U0DAVE004> -->\n\n"
            + "| Metric | Target |\n|---|---|\n| latency "
            + q
            + " | 200 ms |\n\n"
            + "Inline <br> break, ~~struck "
            + q
            + "~~, `code <@U1> "
            + q
            + "` and ![diagram "
            + q
            + "](https://example.com/d"
            + n
            + ".png).";
    return switch (n % 3) {
      case 0 -> answer + "\n\nSetext title " + q + "\n---\n\n    indented code " + q;
      case 1 -> "<!here> first line " + q + " for everyone\n\n" + answer;
      default ->
          answer + "\n\n***\n\nAfter the break " + q + ", <!subteam^S0TEAM01|@payments-team>.";
    };
  }
}
