package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A spec's review shows in its document: ticked steps, revision rows, or a Review section. */
class ReviewInDocumentTest {
  private static final LocalDate ASKED = LocalDate.of(2026, 11, 10);
  private static final LocalDate APPROVED_ON = LocalDate.of(2026, 11, 12);

  private static final ReviewRecord ASKED_ONLY =
      new ReviewRecord(
          false,
          List.of(),
          List.of(
              new ReviewRecord.Entry(
                  ASKED, "Alice Example", "review requested from Bob Example, Carol Example")));

  private static final ReviewRecord APPROVED =
      new ReviewRecord(
          true,
          List.of(
              new ReviewRecord.Signoff("Bob Example", APPROVED_ON),
              new ReviewRecord.Signoff("Carol Example", APPROVED_ON)),
          List.of(
              new ReviewRecord.Entry(
                  ASKED, "Alice Example", "review requested from Bob Example, Carol Example"),
              new ReviewRecord.Entry(
                  LocalDate.of(2026, 11, 11), "Carol Example", "raised concern perf"),
              new ReviewRecord.Entry(APPROVED_ON, "Bob Example", "approved"),
              new ReviewRecord.Entry(APPROVED_ON, "Carol Example", "approved")));

  private static final ReviewRecord CHANGES_REQUESTED =
      new ReviewRecord(
          false,
          List.of(),
          List.of(
              new ReviewRecord.Entry(ASKED, "Alice Example", "review requested from Bob Example"),
              new ReviewRecord.Entry(APPROVED_ON, "Bob Example", "requested changes")));

  private static RenderContext context(ReviewRecord review, Optional<String> status) {
    return new RenderContext(
        "Payment retries",
        "Alice Example",
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 20),
        Optional.empty(),
        status,
        review);
  }

  private static String render(String templateId, ReviewRecord review, Optional<String> status) {
    Template template = Fixtures.builtIn(templateId);
    return SpecRenderer.render(template, Fixtures.fullAnswers(template), context(review, status));
  }

  private static String line(String document, String containing) {
    return document
        .lines()
        .filter(line -> line.contains(containing))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + document));
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void a_spec_without_review_renders_as_it_did_before_reviews(String id) {
    Template template = Fixtures.builtIn(id);
    RenderContext withoutReview = Fixtures.SCHEDULED;
    RenderContext withEmptyReview =
        new RenderContext(
            withoutReview.title(),
            withoutReview.drafter(),
            withoutReview.createdOn(),
            withoutReview.updatedOn(),
            withoutReview.meeting(),
            withoutReview.status(),
            ReviewRecord.NONE);

    String document =
        SpecRenderer.render(template, Fixtures.fullAnswers(template), withEmptyReview);

    Fixtures.assertMatchesExpected(id + ".answered.md", document);
    assertFalse(document.contains("## Review\n"));
  }

  @Test
  void echo_tech_spec_ticks_its_feedback_step_once_a_reviewer_responds() {
    String feedback = "Other developers provide more formal feedback";

    assertTrue(
        line(render("echo-tech-spec", ASKED_ONLY, Optional.empty()), feedback).contains("[ ]"));
    assertTrue(
        line(render("echo-tech-spec", CHANGES_REQUESTED, Optional.empty()), feedback)
            .contains("[x]"));
    assertTrue(
        line(render("echo-tech-spec", APPROVED, Optional.empty()), feedback).contains("[x]"));
  }

  @Test
  void echo_tech_spec_keeps_its_meeting_steps_to_the_meeting() {
    String document = render("echo-tech-spec", APPROVED, Optional.empty());

    assertTrue(line(document, "Schedule time to discuss").contains("[ ]"));
    assertTrue(line(document, "no meeting has been scheduled").contains("[ ]"));
    assertTrue(line(document, "Facilitate that discussion").contains("[ ]"));
  }

  @Test
  void feature_plan_ticks_stakeholder_approval_only_once_approved() {
    String step = "Stakeholder approval confirmed";

    assertTrue(
        line(render("feature-plan", CHANGES_REQUESTED, Optional.empty()), step).contains("[ ]"));
    assertTrue(line(render("feature-plan", APPROVED, Optional.empty()), step).contains("[x]"));
    assertTrue(
        line(render("feature-plan", APPROVED, Optional.empty()), "Milestones, labels")
            .contains("[ ]"));
  }

  @Test
  void technical_specification_adds_a_revision_row_per_review_event_after_the_first() {
    String document = render("technical-specification", APPROVED, Optional.of("Approved"));

    String log = document.substring(document.indexOf("## Revision History"));
    assertEquals(
        List.of(
            "## Revision History",
            "",
            "| Date | Author | Changes | Status |",
            "|------|--------|---------|--------|",
            "| 2026-11-02 | Alice Example | Initial spec creation | DRAFT |",
            "| 2026-11-10 | Alice Example | review requested from Bob Example, Carol Example |  |",
            "| 2026-11-11 | Carol Example | raised concern perf |  |",
            "| 2026-11-12 | Bob Example | approved |  |",
            "| 2026-11-12 | Carol Example | approved | APPROVED |"),
        log.lines().toList());
    assertFalse(document.contains("## Review\n"), "the revision log shows the review");
  }

  @Test
  void a_revision_row_without_a_status_set_leaves_the_status_cell_empty() {
    String document = render("technical-specification", ASKED_ONLY, Optional.empty());

    assertTrue(
        document.endsWith(
            "| 2026-11-10 | Alice Example | review requested from Bob Example, Carol Example |  |\n"),
        document);
  }

  @ParameterizedTest
  @MethodSource("templatesWithoutRevisionLog")
  void a_template_without_a_revision_log_gets_a_review_section_at_the_end(String id) {
    String document = render(id, APPROVED, Optional.of("Approved"));

    assertTrue(
        document.endsWith(
            """
            ## Review

            Approved by:

            - 2026-11-12, Bob Example
            - 2026-11-12, Carol Example

            History:

            - 2026-11-10, Alice Example: review requested from Bob Example, Carol Example
            - 2026-11-11, Carol Example: raised concern perf
            - 2026-11-12, Bob Example: approved
            - 2026-11-12, Carol Example: approved
            """),
        document);
  }

  @Test
  void a_review_section_before_any_approval_says_so() {
    String document = render("project-spec", CHANGES_REQUESTED, Optional.empty());

    assertTrue(
        document.endsWith(
            """
            ## Review

            No approvals yet.

            History:

            - 2026-11-10, Alice Example: review requested from Bob Example
            - 2026-11-12, Bob Example: requested changes
            """),
        document);
  }

  @Test
  void hostile_names_and_concerns_are_escaped_in_the_revision_log() {
    ReviewRecord hostile =
        new ReviewRecord(
            false,
            List.of(),
            List.of(
                new ReviewRecord.Entry(
                    ASKED, "Mallory | <b>*x*</b>", "raised concern a|b\n| --- |\n# heading")));

    String document = render("technical-specification", hostile, Optional.empty());

    assertTrue(
        document.endsWith(
            "| 2026-11-10 | Mallory \\| \\<b\\>\\*x\\*\\</b\\> "
                + "| raised concern a\\|b \\| --- \\| \\# heading |  |\n"),
        document);
  }

  @Test
  void hostile_names_are_escaped_in_the_review_section_and_never_start_a_line() {
    ReviewRecord hostile =
        new ReviewRecord(
            true,
            List.of(new ReviewRecord.Signoff("# Eve\n- [x] _owned_", APPROVED_ON)),
            List.of(new ReviewRecord.Entry(APPROVED_ON, "[link](http://x)", "approved")));

    String document = render("echo-tech-spec", hostile, Optional.empty());

    String section = document.substring(document.indexOf("## Review"));
    assertEquals(
        List.of(
            "## Review",
            "",
            "Approved by:",
            "",
            "- 2026-11-12, \\# Eve - \\[x\\] \\_owned\\_",
            "",
            "History:",
            "",
            "- 2026-11-12, \\[link\\](http://x): approved"),
        section.lines().toList());
  }

  @Test
  void a_custom_template_names_its_revision_columns_by_their_headers() {
    Template template =
        Fixtures.template(
            """
            # Design

            ## Summary

            What is it?

            ## Change log

            | Version | Changed by | Description | When |
            |---|---|---|---|
            | 0.1 | | First draft | |
            """);

    String document = SpecRenderer.render(template, Map.of(), context(APPROVED, Optional.empty()));

    assertTrue(document.contains("| 0.1 |  | First draft |  |\n"), document);
    assertTrue(document.endsWith("|  | Carol Example | approved | 2026-11-12 |\n"), document);
    assertFalse(document.contains("## Review"));
  }

  @Test
  void a_revision_log_without_a_column_for_who_says_who_in_what_happened() {
    Template template =
        Fixtures.template(
            """
            # Design

            ## Summary

            What is it?

            ## Revision history

            | Date | Changes |
            |---|---|
            """);

    String document = SpecRenderer.render(template, Map.of(), context(APPROVED, Optional.empty()));

    assertTrue(document.endsWith("| 2026-11-12 | Carol Example: approved |\n"), document);
  }

  @Test
  void an_unseen_checklist_ticks_scheduling_feedback_and_approval_steps_apart() {
    Template template =
        Fixtures.template(
            """
            # Design

            ## Summary

            What is it?

            ## Review checklist

            - [ ] Schedule a review meeting
            - [ ] Peers review the design doc
            - [ ] Code review completed
            - [ ] Get sign-off from the architect
            - [ ] Deploy
            """);

    String document =
        SpecRenderer.render(template, Map.of(), context(CHANGES_REQUESTED, Optional.empty()));
    String approved = SpecRenderer.render(template, Map.of(), context(APPROVED, Optional.empty()));

    assertTrue(line(document, "Schedule a review meeting").contains("[ ]"));
    assertTrue(line(document, "Peers review the design doc").contains("[x]"));
    assertTrue(line(document, "Code review completed").contains("[ ]"));
    assertTrue(line(document, "Get sign-off").contains("[ ]"));
    assertTrue(line(approved, "Get sign-off").contains("[x]"));
    assertTrue(line(approved, "Deploy").contains("[ ]"));
    assertTrue(
        template.keptAsIs().get(0).reason().contains("when the spec is approved: Get sign-off"),
        template.keptAsIs().get(0).reason());
  }

  @Test
  void the_review_section_is_added_only_when_there_is_a_review() {
    assertFalse(
        render("project-spec", ReviewRecord.NONE, Optional.of("Draft")).contains("## Review"));
    assertTrue(render("project-spec", ASKED_ONLY, Optional.empty()).contains("## Review"));
  }

  static Stream<String> builtInIds() {
    return TemplateCatalog.BUILT_IN_IDS.stream();
  }

  static Stream<String> templatesWithoutRevisionLog() {
    return Stream.of("project-spec", "echo-tech-spec", "implementation-plan", "feature-plan");
  }
}
