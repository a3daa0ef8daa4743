package dev.specbot.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionLogTest {
  private static final LocalDate DAY = LocalDate.of(2026, 12, 3);
  private static final List<Logged> LOGGED =
      List.of(
          Logged.decision(DAY, "Retry with exponential backoff"),
          Logged.followUp(DAY, "Bob Example", "write the migration"),
          Logged.decision(DAY, "No retries for refunds"));

  private static final String ENTRIES =
      """
      - 2026-12-03: Retry with exponential backoff
      - 2026-12-03: No retries for refunds

      **Follow-ups**

      - [ ] Bob Example: write the migration (2026-12-03)""";

  @Test
  void echo_tech_spec_keeps_decisions_under_research_notes_and_ticks_facilitating_the_discussion() {
    String document = closed(document("echo-tech-spec"));

    assertEquals(
        """
        ## Research Notes

        Answer to question 7.

        It covers:

        - the first point
        - the second point

        ### Decided in the discussion

        - 2026-12-03: Retry with exponential backoff
        - 2026-12-03: No retries for refunds

        **Follow-ups**

        - [ ] Bob Example: write the migration (2026-12-03)

        # Tech Spec Process
        """,
        between(document, "## Research Notes", "# Tech Spec Process"));
    assertTrue(document.contains(" - [x] Tech spec drafter: Facilitate that discussion."));
    assertTrue(document.contains(" - [ ] Other developers: Read the tech spec"));
  }

  @Test
  void technical_specification_keeps_them_at_the_end_of_technical_decisions() {
    String document = closed(document("technical-specification"));

    String section = between(document, "## Technical Decisions", "## Implementation Plan");
    assertTrue(section.contains("### Decision 2"), section);
    assertTrue(
        section.endsWith(
            "### Decided in the discussion\n\n" + ENTRIES + "\n\n## Implementation Plan\n"),
        section);
  }

  @Test
  void feature_plan_keeps_them_under_implementation_notes_its_last_section() {
    String document = closed(document("feature-plan"));

    String notes = document.substring(document.indexOf("## Implementation Notes"));
    assertTrue(notes.contains("- the second point\n\n### Decided in the discussion\n"), notes);
    assertTrue(notes.endsWith("- [ ] Bob Example: write the migration (2026-12-03)\n"), notes);
  }

  @Test
  void templates_without_a_place_for_decisions_get_a_decisions_section_at_the_end() {
    for (String id : List.of("implementation-plan", "project-spec")) {
      String document = closed(document(id));

      assertTrue(document.endsWith("\n\n## Decisions\n\n" + ENTRIES + "\n"), id);
    }
  }

  @Test
  void an_unknown_template_gets_the_section_at_the_end_and_nothing_else_changes() {
    String plain = "# Notes\n\nSome text.\n\n- [ ] Tidy up\n";

    String document = closed(plain);

    assertTrue(document.startsWith(plain.stripTrailing() + "\n\n## Decisions\n\n"), document);
  }

  @Test
  void the_section_the_template_names_wins() {
    String document =
        DecisionLog.withDecisions(
            document("echo-tech-spec"), Optional.of("Open Questions"), LOGGED, Optional.of(DAY));

    assertTrue(
        between(document, "## Open Questions", "## Implementation Options")
            .contains("### Decided in the discussion"));
  }

  @Test
  void while_decisions_are_still_coming_the_step_stays_open() {
    String document =
        DecisionLog.withDecisions(
            document("echo-tech-spec"), Optional.empty(), LOGGED, Optional.empty());

    assertTrue(document.contains("- 2026-12-03: Retry with exponential backoff"));
    assertTrue(document.contains(" - [ ] Tech spec drafter: Facilitate that discussion."));
  }

  @Test
  void no_decisions_says_so_with_the_date_and_ticks_the_step() {
    String document =
        DecisionLog.withDecisions(
            document("echo-tech-spec"), Optional.empty(), List.of(), Optional.of(DAY));

    assertTrue(document.contains("_Discussed on 2026-12-03: no decisions._"));
    assertTrue(document.contains(" - [x] Tech spec drafter: Facilitate that discussion."));
  }

  @Test
  void nothing_recorded_leaves_the_document_as_it_was() {
    String document = document("echo-tech-spec");

    assertEquals(
        document,
        DecisionLog.withDecisions(document, Optional.empty(), List.of(), Optional.empty()));
  }

  @Test
  void a_heading_inside_a_code_block_is_not_a_section() {
    String document =
        closed("# Spec\n\n```\n## Research Notes\n```\n\nText.\n\n## Research Notes\n\nNotes.\n");

    assertTrue(document.contains("```\n## Research Notes\n```\n\nText."), document);
    assertTrue(
        document.endsWith("Notes.\n\n### Decided in the discussion\n\n" + ENTRIES + "\n"),
        document);
  }

  @Test
  void a_follow_up_made_an_issue_links_it_and_markup_in_the_owner_reads_literally() {
    Logged linked =
        new Logged(
            DAY,
            "ask finance",
            Optional.of("Eve *the* [admin]"),
            Optional.of("https://github.com/o/r/issues/7"),
            Optional.of(7));

    String document =
        DecisionLog.withDecisions("# Spec\n", Optional.empty(), List.of(linked), Optional.empty());

    assertTrue(
        document.contains(
            "- [ ] Eve \\*the\\* \\[admin\\]: ask finance (2026-12-03)"
                + " ([#7](https://github.com/o/r/issues/7))"),
        document);
  }

  @Test
  void many_headings_and_long_lines_take_linear_time() {
    String hostile =
        "## x\n".repeat(100_000)
            + "- [ ] "
            + "facilitat ".repeat(100_000)
            + "\n"
            + "#".repeat(200_000);

    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> closed(hostile));
  }

  private static String closed(String markdown) {
    return DecisionLog.withDecisions(markdown, Optional.empty(), LOGGED, Optional.of(DAY));
  }

  private static String between(String document, String from, String to) {
    int start = document.indexOf(from);
    return document.substring(start, document.indexOf(to, start) + to.length()) + "\n";
  }

  static String document(String templateId) {
    try (InputStream in =
        DecisionLogTest.class.getResourceAsStream("/expected/" + templateId + ".answered.md")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
