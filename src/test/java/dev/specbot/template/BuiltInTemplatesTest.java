package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BuiltInTemplatesTest {

  @Test
  void the_five_built_ins_load_in_file_order_with_their_names() {
    TemplateCatalog catalog = TemplateCatalog.load(Optional.empty());

    assertEquals(
        List.of(
            "project-spec",
            "echo-tech-spec",
            "implementation-plan",
            "technical-specification",
            "feature-plan"),
        catalog.all().stream().map(Template::id).toList());
    assertEquals(
        List.of(
            "Project spec",
            "Echo tech spec",
            "Implementation plan",
            "Technical specification",
            "Feature plan"),
        catalog.all().stream().map(Template::name).toList());
    assertTrue(catalog.problems().isEmpty());
  }

  @Test
  void project_spec_asks_every_writing_section_and_groups_intro_and_implementation() {
    Template template = Fixtures.builtIn("project-spec");

    assertEquals(
        List.of(
            "TL;DR",
            "Problem to be solved/ User story",
            "Define your User/Customer/Consumer",
            "How is it currently solved?",
            "The New Solution",
            "Proposed Implementation (1 or multiple)",
            "Migration Plan",
            "Release Plan",
            "Resources Need",
            "Potential Issues/Risk/Blockers",
            "Milestones",
            "Links & References"),
        titles(template));
    assertEquals(
        List.of("Intro", "Implementation"), template.groups().stream().map(Group::title).toList());
    assertEquals(4, template.groups().get(0).questionIds().size());
  }

  @Test
  void echo_tech_spec_fills_drafter_and_meeting_and_keeps_its_process_checklist() {
    Template template = Fixtures.builtIn("echo-tech-spec");

    assertEquals(
        List.of(
            "Context",
            "Overview",
            "Open Questions",
            "Implementation Options",
            "Test Plan",
            "Rollout Plan",
            "Research Notes"),
        titles(template));
    assertEquals(
        List.of(FieldKind.TITLE, FieldKind.DRAFTER, FieldKind.MEETING),
        template.fields().stream().map(Field::kind).toList());
    assertEquals(
        List.of("Tech Spec Process"),
        template.keptAsIs().stream().map(SectionNote::title).toList());
    assertTrue(template.intro().startsWith("Tech specs are a lightweight format"));
    assertEquals("Template for a new tech spec for the echo team", template.description());
  }

  @Test
  void implementation_plan_asks_numbered_sections_and_fills_its_tables() {
    Template template = Fixtures.builtIn("implementation-plan");

    assertEquals(
        List.of(
            "1. Summary",
            "2. Goals",
            "3. Non‑Goals",
            "4. Context / Background",
            "5. Stakeholders",
            "6. Architecture / Design Overview",
            "7.1 Components / Modules Affected",
            "7.2 Data Model / Contracts",
            "7.3 Algorithm / Flow",
            "7.4 Configuration & Env Vars",
            "8. Migration / Rollout Strategy",
            "9. Risks & Mitigations",
            "10. Testing Strategy",
            "11. Observability",
            "12. Performance Considerations",
            "13. Open Questions",
            "14. Alternatives Considered",
            "15. Incremental Implementation Checklist",
            "16. Acceptance Criteria",
            "17. Appendix"),
        titles(template));
    Question stakeholders = template.questions().get(4);
    assertEquals(QuestionKind.TABLE, stakeholders.kind());
    assertEquals(List.of("Role", "Person / Team", "Responsibility"), stakeholders.columns());
    assertEquals(
        List.of("7. Detailed Plan"), template.groups().stream().map(Group::title).toList());
  }

  @Test
  void
      technical_specification_asks_the_issue_fills_the_rest_and_leaves_out_the_notes_for_tech_leads() {
    Template template = Fixtures.builtIn("technical-specification");

    assertEquals(
        List.of(
            "Issue",
            "Overview",
            "System Context",
            "Changes Required",
            "Decision 1: [Decision Title]",
            "Decision 2: [Decision Title]",
            "Phase 1: [Phase Name - e.g., Foundation/MVP]",
            "Phase 2: [Phase Name - e.g., Integration]",
            "Files to Create",
            "Files to Modify",
            "Files to Delete",
            "External Dependencies",
            "Internal Dependencies",
            "APIs & Interfaces",
            "Data Schema Changes",
            "System Integration",
            "Technical Risks & Mitigations",
            "Performance Considerations",
            "Security Considerations",
            "Unit Testing",
            "Integration Testing",
            "End-to-End Testing",
            "Performance Testing",
            "Security Testing",
            "Deployment Approach",
            "Feature Flags",
            "Rollback Plan",
            "Monitoring & Alerts",
            "Q1: [Question Title]",
            "Q2: [Another Question]",
            "Spike 1: [Title]",
            "Effort Estimate",
            "Success Criteria",
            "Related Documents"),
        titles(template));
    assertEquals(QuestionKind.FIELD, template.questions().get(0).kind());
    assertEquals(
        List.of(
            FieldKind.TITLE,
            FieldKind.STATUS,
            FieldKind.CREATED,
            FieldKind.UPDATED,
            FieldKind.DRAFTER),
        template.fields().stream().map(Field::kind).toList());
    assertEquals(
        List.of("Notes for Tech Leads"),
        template.leftOut().stream().map(SectionNote::title).toList());
    assertEquals(
        List.of("Revision History"), template.keptAsIs().stream().map(SectionNote::title).toList());
  }

  @Test
  void feature_plan_reads_its_quoted_header_lines_as_fields() {
    Template template = Fixtures.builtIn("feature-plan");

    assertEquals(
        List.of(
            "Overview",
            "Current State Assessment",
            "Feature Goals & Objectives",
            "In Scope",
            "Out of Scope / Deferred",
            "Dependencies & Integration Points",
            "High-Level Changes",
            "Component & Service Impact",
            "Data Model & Storage Updates",
            "Communication & Contracts",
            "Project Structure Impact (Planned)",
            "Phase 0: Discovery & Alignment",
            "Phase 1: Foundation & Enablers",
            "Phase 2: Core Feature Development",
            "Phase 3: Experience & Integration",
            "Phase 4: Validation & Hardening",
            "Phase 5: Rollout & Monitoring",
            "Testing & Quality Strategy",
            "Documentation & Communication",
            "Operational Readiness",
            "Risk Management",
            "Regression Impact Log",
            "Rollout Plan",
            "Success Metrics & KPIs",
            "Supporting Artifacts",
            "Repository Branch & Milestones",
            "Implementation Notes"),
        titles(template));
    assertEquals(
        List.of("Title", "Assignees", "Title heading"),
        template.fields().stream().map(Field::label).toList());
    assertEquals(
        List.of("Acceptance Checklist"),
        template.keptAsIs().stream().map(SectionNote::title).toList());
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void hints_read_as_text_without_markdown_or_comment_syntax(String id) {
    for (Question question : Fixtures.builtIn(id).questions()) {
      String prose = question.hint().replaceAll("(?s)```.*?```", "");
      assertFalse(prose.contains("<!--") || prose.contains("-->"), question.title() + ": " + prose);
      assertFalse(
          prose.lines().anyMatch(line -> line.stripLeading().startsWith(">")), question.title());
      assertFalse(prose.contains("*"), question.title() + ": " + prose);
    }
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void renders_the_expected_document_with_every_answer(String id) {
    Template template = Fixtures.builtIn(id);

    String document =
        SpecRenderer.render(template, Fixtures.fullAnswers(template), Fixtures.SCHEDULED);

    Fixtures.assertMatchesExpected(id + ".answered.md", document);
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void renders_the_expected_document_with_no_answers(String id) {
    String document = SpecRenderer.render(Fixtures.builtIn(id), Map.of(), Fixtures.UNSCHEDULED);

    Fixtures.assertMatchesExpected(id + ".unanswered.md", document);
  }

  static Stream<String> builtInIds() {
    return TemplateCatalog.BUILT_IN_IDS.stream();
  }

  private static List<String> titles(Template template) {
    return template.questions().stream().map(Question::title).toList();
  }
}
