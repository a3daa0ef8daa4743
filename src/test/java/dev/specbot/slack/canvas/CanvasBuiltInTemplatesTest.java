package dev.specbot.slack.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template, every question answered as a person types in Slack, converted to canvas
 * markdown with and without tables: the result keeps to the canvas subset and keeps every word.
 */
class CanvasBuiltInTemplatesTest {
  private static final List<CanvasFullAnswers.Spec> SPECS = CanvasFullAnswers.everyBuiltIn();

  static Stream<Arguments> specsWithAndWithoutTables() {
    return SPECS.stream()
        .flatMap(spec -> Stream.of(Arguments.of(spec, true), Arguments.of(spec, false)));
  }

  @Test
  void the_five_built_in_templates_are_all_converted() {
    assertEquals(
        List.of(
            "project-spec",
            "echo-tech-spec",
            "implementation-plan",
            "technical-specification",
            "feature-plan"),
        SPECS.stream().map(CanvasFullAnswers.Spec::templateId).toList());
  }

  @ParameterizedTest(name = "{0}, tables {1}")
  @MethodSource("specsWithAndWithoutTables")
  void the_canvas_markdown_keeps_to_the_canvas_subset(CanvasFullAnswers.Spec spec, boolean tables) {
    String canvas = CanvasMarkdown.withTables(tables).convert(spec.markdown());

    assertEquals(List.of(), CanvasMarkdownSubset.withTables(tables).violations(canvas), canvas);
  }

  @ParameterizedTest(name = "{0}, tables {1}")
  @MethodSource("specsWithAndWithoutTables")
  void every_word_of_every_answer_survives_in_its_order(
      CanvasFullAnswers.Spec spec, boolean tables) {
    List<String> canvasWords =
        CanvasWords.of(CanvasMarkdown.withTables(tables).convert(spec.markdown()));

    List<String> lost = new ArrayList<>();
    for (Map.Entry<String, String> answer : spec.answers().entrySet()) {
      List<String> words =
          CanvasWords.of(CanvasWords.asShown(withoutTableHeaders(answer.getValue())));
      List<String> missing = CanvasWords.missingInOrder(words, canvasWords);
      if (!missing.isEmpty()) {
        lost.add(answer.getKey() + ": " + missing);
      }
    }
    assertEquals(List.of(), lost);
    assertTrue(spec.answers().size() >= 7, "answers: " + spec.answers().size());
  }

  @ParameterizedTest(name = "{0}, tables {1}")
  @MethodSource("specsWithAndWithoutTables")
  void every_word_of_the_whole_spec_is_still_there_as_often(
      CanvasFullAnswers.Spec spec, boolean tables) {
    String canvas = CanvasMarkdown.withTables(tables).convert(spec.markdown());

    assertEquals(Map.of(), CanvasWords.missing(CanvasWords.asShown(spec.markdown()), canvas));
  }

  @ParameterizedTest(name = "{0}, tables {1}")
  @MethodSource("specsWithAndWithoutTables")
  void every_mention_outside_code_becomes_a_canvas_mention_and_code_keeps_its_own(
      CanvasFullAnswers.Spec spec, boolean tables) {
    String canvas = CanvasMarkdown.withTables(tables).convert(spec.markdown());
    long textAnswers =
        spec.answers().values().stream()
            .filter(a -> a.startsWith("Answer") || a.startsWith("<!here>"))
            .count();

    // Each prose answer mentions Alice once in its text and once inside its code block.
    assertEquals(textAnswers, occurrences(canvas, "print(\"<@U0ALICE01> stays code"));
    assertEquals(textAnswers, occurrences(canvas, "`code <@U1> q"));
    assertEquals(
        textAnswers, occurrences(canvas, "agreed in ![](#C0SPECS01) &amp; @here should know"));
    assertEquals(textAnswers, occurrences(canvas, "> note to self q"));
    assertEquals(0, occurrences(canvas, "<https://example.com/design"));
    assertEquals(0, occurrences(canvas, "<https://example.com/runbook"));
    assertEquals(0, occurrences(canvas, "<!"));
    assertEquals(0, occurrences(canvas, "\n#### "));
  }

  @Test
  void the_echo_tech_spec_reads_as_expected_in_a_canvas() {
    CanvasFullAnswers.Spec echo = SPECS.get(1);

    String canvas = CanvasMarkdown.withTables(false).convert(echo.markdown());

    String expectedStart =
        """
        # Payment retries

        **Drafter**: Alice Example \s
        **Discussion Meeting**: Tuesday 24 November 2026, 15:00-15:30 UTC

        ## Context

        @here first line q1 for everyone

        Answer q1: we retry *failed* payments, as ![](@U0ALICE01) and ![](@U0BOB0002) agreed in \
        ![](#C0SPECS01) &amp; @here should know.
        See [the design doc for q1](https://example.com/design/1) and \
        [https://example.com/runbook1](https://example.com/runbook1) or \
        [the wiki for q1](https://example.com/wiki_1).

        ### Part q1

        ### Deep detail q1

        - [ ] open task q1
        - [x] done task q1
            - nested point q1

        1. first step q1
        2. second step q1

        > quoted remark q1
        > from ![](@U0CAROL03)

        ```python
        print("<@U0ALICE01> stays code q1")
        ```

        > note to self q1: ask ![](@U0DAVE004)

        - Metric: latency q1; Target: 200 ms

        Inline `<br>` break, ~~struck q1~~, `code <@U1> q1` and \
        [diagram q1](https://example.com/d1.png).

        ## Overview
        """;
    assertEquals(expectedStart, canvas.substring(0, expectedStart.length()));
    String expectedEnd =
        """
        # Tech Spec Process

        - [x] Tech spec drafter: Schedule time to discuss the tech spec.
        - [ ] Tech spec drafter: Facilitate that discussion.
        - [ ] Other developers: Read the tech spec before arriving at the discussion.
        - [x] Other developers: Remind the tech spec drafter if a tech spec has been produced and \
        no meeting has been scheduled.
        - [ ] Tech spec drafter: Turn tech spec into next-step actionable tickets.
            - [ ] Write tickets as is necessary
            - [ ] Other developers provide more formal feedback as is necessary.
        """;
    assertTrue(canvas.endsWith(expectedEnd), canvas);
  }

  @Test
  void table_answers_keep_their_rows_as_tables_or_as_lists_naming_the_columns() {
    CanvasFullAnswers.Spec plan = SPECS.get(2);

    String withTables = CanvasMarkdown.withTables(true).convert(plan.markdown());
    String withoutTables = CanvasMarkdown.withTables(false).convert(plan.markdown());

    assertTrue(
        withTables.contains(
            """
            | Role | Person / Team | Responsibility |
            | --- | --- | --- |
            | q5r1c1 with ![](@U0CAROL03) | q5r1c2 | q5r1c3 |
            | q5r2c1 with ![](@U0CAROL03) | q5r2c2 | q5r2c3 see [https://example.com/r5](https://example.com/r5) \\| spare cell q5 |
            """),
        withTables);
    assertTrue(
        withoutTables.contains(
            """
            - Role: q5r1c1 with ![](@U0CAROL03); Person / Team: q5r1c2; Responsibility: q5r1c3
            - Role: q5r2c1 with ![](@U0CAROL03); Person / Team: q5r2c2; Responsibility: q5r2c3 \
            see [https://example.com/r5](https://example.com/r5) \\| spare cell q5
            """),
        withoutTables);
  }

  /**
   * The answer without the header rows of the tables in it: without tables, a canvas names the
   * columns in every row, between the cells (the names are all still there, as {@link
   * #every_word_of_the_whole_spec_is_still_there_as_often} shows).
   */
  private static String withoutTableHeaders(String answer) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start <= answer.length()) {
      int end = answer.indexOf('\n', start);
      int stop = end < 0 ? answer.length() : end;
      lines.add(answer.substring(start, stop));
      start = stop + 1;
    }
    for (int i = lines.size() - 1; i > 0; i--) {
      if (lines.get(i).startsWith("|---")) {
        lines.remove(i);
        lines.remove(i - 1);
        i--;
      }
    }
    return String.join("\n", lines);
  }

  private static long occurrences(String text, String piece) {
    long count = 0;
    for (int at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + piece.length())) {
      count++;
    }
    return count;
  }
}
