package dev.specbot.template.parse;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.AdversarialText.fill;
import static dev.specbot.text.LinearTime.assertLinear;

import dev.specbot.template.Fixtures;
import dev.specbot.template.RenderContext;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.AtxHeading;
import dev.specbot.text.AdversarialText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The template engine on the worst text a writer or a template author can give it, at the longest
 * it can be (a Slack message for answers and titles, 1 MB for a template): time grows with the
 * text, never faster (see {@link dev.specbot.text.LinearTime}).
 */
class WorstCaseTemplateTimingTest {
  private static final int TEMPLATE = TemplateText.MAX_BYTES;

  /**
   * A template of 1 MB is 26 messages' worth, read once at start-up: it may take longer than a
   * message, while a blow-up would still take minutes.
   */
  private static final Duration TEMPLATE_LIMIT = Duration.ofSeconds(5);

  /**
   * Whole templates are timed for the ratio at 64 KB and checked against the limit at 1 MB (see
   * {@link dev.specbot.text.LinearTime#assertLinear(IntFunction, Consumer, int, int, Duration)}).
   */
  private static final int TEMPLATE_RATIO = TEMPLATE / 16;

  /** One question of each kind, and a heading the first line of an answer names. */
  private static final Template EVERY_KIND =
      Fixtures.template(
          """
          # [Project] Feature Plan Template

          **Title**: [Title]
          **Status**: [DRAFT/APPROVED]
          **Issue**: #[ID]

          ## Context

          Why this matters.

          ## [Option Name]

          Describe the option.

          ## Rollout

          | Step | Owner |
          |------|-------|
          | [step] | [owner] |
          """);

  @TestFactory
  Stream<DynamicTest> an_answer_renders_in_linear_time_in_every_kind_of_question() {
    return everyShape(
        "an answer to every question",
        MESSAGE,
        answer -> {
          Map<String, String> answers = new HashMap<>();
          EVERY_KIND.questions().forEach(question -> answers.put(question.id(), answer));
          SpecRenderer.render(EVERY_KIND, answers, context("Payment retries"));
        });
  }

  /**
   * One line of a template read every way the parser reads one: as a heading, a metadata line,
   * guidance, a placeholder, a title heading, an id and a checklist step, each after the start that
   * makes that reader take it up. At an eighth of the cap, as the ratio is what tells a blow-up;
   * the tests of whole files below read the full 1 MB.
   */
  @TestFactory
  Stream<DynamicTest> a_template_line_is_read_in_linear_time() {
    return everyShape(
        "a template line",
        TEMPLATE / 8,
        line -> {
          AtxHeading.text("## " + line);
          FieldLine.parse("**Status**: " + line);
          Hints.comment(line);
          Placeholders.awaitsWriter(line);
          Placeholders.firstOption("[" + line);
          Placeholders.innerLabel("<" + line);
          Placeholders.titleHeading(line, "Payment retries");
          Ids.slug(line);
          KeptSections.isMeetingStep("- [ ] schedule " + line);
          KeptSections.isApprovalStep("- [ ] sign " + line);
          KeptSections.isFeedbackStep("- [ ] review " + line);
        });
  }

  @TestFactory
  Stream<DynamicTest> a_template_file_is_read_in_linear_time() {
    return Stream.of(
        templateTest("blanks in every place", n -> everyPlace(" ", n)),
        templateTest("emphasis that never closes in every place", n -> everyPlace(" _x", n)),
        templateTest("one heading repeated", n -> fill("# Doc\n", "## Same\n", "", n)),
        templateTest("groups of questions", n -> fill("# Doc\n", "## Group\n### Q\n", "", n)),
        templateTest("metadata lines", n -> fill("# Doc\n", "**Owner**: [name]\n", "## Q\n", n)));
  }

  @TestFactory
  Stream<DynamicTest> overrides_beside_a_template_are_read_in_linear_time() {
    String sections = "# Doc\n## Context\n## Goals\n";
    return Stream.of(
        overridesTest(
            "many optional sections",
            n -> new WithOverrides(sections, fill("optional:\n", "- Context\n", "", n))),
        overridesTest(
            "many questions reworded",
            n -> new WithOverrides(sections, fill("ask:\n", "  Context: Why?\n", "", n))),
        overridesTest(
            "a name padded with spaces",
            n -> new WithOverrides(sections, fill("name: a", " ", "b\n", n))),
        overridesTest(
            "a missing section named by a long path",
            n ->
                new WithOverrides(
                    sections, fill("optional:\n- \"Context", " > Context", "\"\n", n))),
        overridesTest(
            "a section for every override",
            n ->
                new WithOverrides(
                    sections + "## S\n".repeat(n / 4), fill("omit:\n", "- S\n", "", n))));
  }

  /**
   * Overrides of every hostile shape, in lines as long as YAML may have, each the value of a key:
   * valid YAML or not, it is read to the end or to its first error.
   */
  @TestFactory
  Stream<DynamicTest> overrides_of_hostile_text_are_read_in_linear_time() {
    return everyShape(
        "overrides",
        TEMPLATE / 8,
        text ->
            read(
                "# Doc\n## Context\n",
                Optional.of(new TemplateParser.Sidecar("worst.yml", yamlLines(text)))));
  }

  /** The text as YAML, {@code k1: ...}, in lines of the longest length allowed. */
  private static String yamlLines(String text) {
    StringBuilder yaml = new StringBuilder(text.length() + text.length() / 1000);
    int piece = YamlText.MAX_LINE - 10;
    for (int start = 0, key = 1; start < text.length(); start += piece, key++) {
      yaml.append('k').append(key).append(": ");
      yaml.append(text, start, Math.min(text.length(), start + piece)).append('\n');
    }
    return yaml.toString();
  }

  /**
   * A template with the unit repeated in each place a line is read from: the title heading, a
   * metadata value, a heading, a comment, a checklist step and a table cell.
   */
  private static String everyPlace(String unit, int length) {
    int each = length / 7;
    return fill("# [Project] a", unit, "b Template\n", each)
        + fill("**Status**: a", unit, "b\n", each)
        + fill("## [a", unit, "b]\n", each)
        + fill("<!-- a", unit, "b -->\n", each)
        + fill("## Review Process\n- [ ] schedule a", unit, "b\n", each)
        + fill("## Rollout\n| Step |\n|---|\n| a", unit, "b |\n", each)
        + fill("## a", unit, "b\n", length - 6 * each);
  }

  private static Stream<DynamicTest> everyShape(String what, int length, Consumer<String> work) {
    return AdversarialText.shapes().stream()
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    what + ": " + shape, () -> assertLinear(shape.text(), work, length)));
  }

  private static DynamicTest templateTest(String name, IntFunction<String> markdown) {
    return DynamicTest.dynamicTest(
        name,
        () ->
            assertLinear(
                markdown,
                text -> read(text, Optional.empty()),
                TEMPLATE_RATIO,
                TEMPLATE,
                TEMPLATE_LIMIT));
  }

  /** A template and its overrides; the overrides are the text that grows. */
  private record WithOverrides(String markdown, String yaml) {}

  private static DynamicTest overridesTest(String name, IntFunction<WithOverrides> files) {
    return DynamicTest.dynamicTest(
        name,
        () ->
            assertLinear(
                files,
                both ->
                    read(
                        both.markdown(),
                        Optional.of(new TemplateParser.Sidecar("worst.yml", both.yaml()))),
                TEMPLATE_RATIO,
                TEMPLATE,
                TEMPLATE_LIMIT));
  }

  /** Reads a template; a refusal (a section the overrides name is missing) is timed too. */
  private static void read(String markdown, Optional<TemplateParser.Sidecar> sidecar) {
    try {
      TemplateParser.parse("worst", "worst.md", markdown.getBytes(StandardCharsets.UTF_8), sidecar);
    } catch (TemplateException refused) {
      // The error names the line of the override at fault: finding it is part of the work.
      refused.line();
    }
  }

  private static RenderContext context(String title) {
    return new RenderContext(
        title,
        "Alice Example",
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 20),
        Optional.empty());
  }
}
