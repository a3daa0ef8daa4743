package dev.specbot.template.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.Fixtures;
import dev.specbot.template.Group;
import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.RenderContext;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates nobody here has seen: odd but valid, they must still make a sensible interview. */
class OddTemplatesTest {

  @Test
  void crlf_line_endings_read_like_lf() {
    String lf = "# Design\n\n## Problem\n\n> What hurts?\n\n## Solution\n\nDescribe it.\n";

    Template crlf = Fixtures.template(lf.replace("\n", "\r\n"));

    assertEquals(List.of("Problem", "Solution"), titles(crlf));
    assertEquals("What hurts?", crlf.questions().get(0).hint());
    assertEquals(
        SpecRenderer.render(Fixtures.template(lf), Map.of(), Fixtures.UNSCHEDULED),
        SpecRenderer.render(crlf, Map.of(), Fixtures.UNSCHEDULED));
  }

  @Test
  void headings_down_to_level_six_are_sections() {
    Template template =
        Fixtures.template(
            "# Doc\n## Two\n### Three\n#### Four\n##### Five\n###### Six\nThe deepest one.\n");

    assertEquals(List.of("Six"), titles(template));
    assertEquals(List.of("Two", "Three", "Four", "Five"), template.questions().get(0).path());
    assertEquals(4, template.groups().size());
  }

  @Test
  void duplicate_heading_names_get_distinct_ids_and_keep_their_answers_apart() {
    Template template =
        Fixtures.template(
            "# Plan\n## Phase 1\n### Testing\nHow?\n## Phase 2\n### Testing\nHow?\n### Testing\nAgain?\n");

    List<String> ids = template.questions().stream().map(Question::id).toList();
    assertEquals(List.of("phase-1/testing", "phase-2/testing", "phase-2/testing-2"), ids);
    String document =
        SpecRenderer.render(
            template,
            Map.of(
                "phase-1/testing", "unit", "phase-2/testing", "load", "phase-2/testing-2", "soak"),
            Fixtures.UNSCHEDULED);
    assertTrue(document.indexOf("unit") < document.indexOf("load"));
    assertTrue(document.indexOf("load") < document.indexOf("soak"));
  }

  @Test
  void non_ascii_headings_and_hints_are_kept() {
    Template template =
        Fixtures.template("# Spécification\n## 背景 🐬\n<!-- なぜこの仕様が必要か -->\n## Überblick\nKurz.\n");

    assertEquals(List.of("背景 🐬", "Überblick"), titles(template));
    assertEquals("なぜこの仕様が必要か", template.questions().get(0).hint());
    assertFalse(template.questions().get(0).id().isBlank());
    String document =
        SpecRenderer.render(
            template,
            Map.of(template.questions().get(0).id(), "Parce que 💳"),
            Fixtures.UNSCHEDULED);
    assertTrue(document.contains("## 背景 🐬\n\nParce que 💳"), document);
  }

  @Test
  void a_preamble_before_the_first_heading_becomes_the_introduction() {
    Template template =
        Fixtures.template(
            "Use this template for every backend change.\n\n## Problem\nWhat hurts?\n");

    assertEquals("Use this template for every backend change.", template.intro());
    assertEquals(List.of("Problem"), titles(template));
    String document = SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED);
    assertEquals("# Payment retries\n\n## Problem\n\n_Not answered._\n", document);
  }

  @Test
  void several_level_one_headings_that_ask_for_content_are_all_questions() {
    Template template =
        Fixtures.template(
            "# Problem\nWhat hurts?\n# Solution\nWhat helps?\n# Risks\nWhat could go wrong?\n");

    assertEquals(List.of("Problem", "Solution", "Risks"), titles(template));
    assertTrue(
        SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED)
            .startsWith("# Payment retries\n\n# Problem\n"));
  }

  @Test
  void a_placeholder_in_the_title_heading_takes_the_interview_title() {
    Template template =
        Fixtures.template("# RFC: <Feature name> (draft)\n**Author**:\n## Motivation\nWhy?\n");

    String document = SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED);

    assertTrue(
        document.startsWith("# RFC: Payment retries (draft)\n\n**Author**: Alice Example\n"),
        document);
  }

  @Test
  void a_title_heading_without_placeholder_keeps_its_words_and_adds_the_title() {
    Template template = Fixtures.template("# Design Doc\n## Motivation\nWhy?\n");

    assertTrue(
        SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED)
            .startsWith("# Design Doc: Payment retries\n"));
  }

  @Test
  void a_title_with_markdown_characters_is_escaped_in_the_heading() {
    Template template = Fixtures.template("# [Title]\n## Motivation\nWhy?\n");
    RenderContext context =
        new RenderContext(
            "retry_policy *v2* <b>#1</b>",
            "bob_smith",
            Fixtures.UNSCHEDULED.createdOn(),
            Fixtures.UNSCHEDULED.updatedOn(),
            Fixtures.UNSCHEDULED.meeting());

    String document = SpecRenderer.render(template, Map.of(), context);

    assertTrue(document.startsWith("# retry\\_policy \\*v2\\* \\<b\\>\\#1\\</b\\>\n"), document);
  }

  @Test
  void a_group_heading_is_not_asked_but_its_guidance_is_kept_for_its_questions() {
    Template template =
        Fixtures.template(
            "# Doc\n## Decisions\n<!-- Record each decision with its rationale -->\n### Storage\nWhich?\n### Queue\nWhich?\n");

    assertEquals(List.of("Storage", "Queue"), titles(template));
    Group group = template.groups().get(0);
    assertEquals("Decisions", group.title());
    assertEquals("Record each decision with its rationale", group.hint());
    assertEquals(template.questions().stream().map(Question::id).toList(), group.questionIds());
    assertEquals(group.id(), template.questions().get(1).groupId().orElseThrow());
  }

  @Test
  void a_section_with_a_list_to_fill_and_sub_headings_is_asked_itself_as_well() {
    Template template =
        Fixtures.template(
            "# Doc\n## Goals\n- [Goal 1]\n- [Goal 2]\n### Stretch goals\nNice to have.\n");

    assertEquals(List.of("Goals", "Stretch goals"), titles(template));
    assertEquals("• Goal 1\n• Goal 2", template.questions().get(0).hint());
  }

  @Test
  void an_empty_section_without_sub_headings_is_still_asked() {
    Template template = Fixtures.template("# Doc\n## Notes\n## Risks\n");

    assertEquals(List.of("Notes", "Risks"), titles(template));
    assertEquals("", template.questions().get(0).hint());
  }

  @Test
  void guidance_styles_all_become_plain_hints() {
    Template template =
        Fixtures.template(
            """
            # Doc
            ## Quote
            > *Start with the **problem**.*
            >
            > - *an example*
            ## Comment
            <!-- Why now? -->
            ## Italic
            _Keep it short._
            ## Brackets
            [Describe the rollout]
            ## Code
            ```text
            src/
            └── Main.java
            ```
            """);

    List<String> hints = template.questions().stream().map(Question::hint).toList();
    assertEquals(
        List.of(
            "Start with the problem.\n\n• an example",
            "Why now?",
            "Keep it short.",
            "Describe the rollout",
            "```\nsrc/\n└── Main.java\n```"),
        hints);
  }

  @Test
  void a_table_section_takes_rows_and_keeps_everything_else_the_writer_typed() {
    Template template =
        Fixtures.template("# Doc\n## Risks\n| Risk | Impact |\n|---|---|\n| [Risk] | [H/M/L] |\n");
    String answer =
        "The main ones:\n| Risk | Impact |\n|---|---|\nOutage | High\n| Data loss | Low | rare |\nShort\nWe review them weekly.";

    String document = SpecRenderer.render(template, Map.of("risks", answer), Fixtures.UNSCHEDULED);

    assertTrue(
        document.contains(
            """
            ## Risks

            The main ones:

            | Risk | Impact |
            |---|---|
            | Outage | High |
            | Data loss | Low \\| rare |

            Short
            We review them weekly.
            """),
        document);
    assertEquals(QuestionKind.TABLE, template.questions().get(0).kind());
    assertEquals(List.of("Risk", "Impact"), template.questions().get(0).columns());
  }

  @Test
  void a_table_answer_without_any_row_is_kept_as_text() {
    Template template = Fixtures.template("# Doc\n## Risks\n| Risk | Impact |\n|---|---|\n");

    String document =
        SpecRenderer.render(
            template, Map.of("risks", "None that we know of."), Fixtures.UNSCHEDULED);

    assertTrue(document.endsWith("## Risks\n\nNone that we know of.\n"), document);
  }

  @Test
  void answers_with_markdown_do_not_break_the_document_structure() {
    Template template = Fixtures.template("# Doc\n## Design\nHow?\n## Risks\nWhat?\n");
    String answer = "# My design\nIt has parts.\n\nSub part\n---\n\n```java\nclass Retry {}\n";

    String document =
        SpecRenderer.render(
            template, Map.of("design", answer, "risks", "Few."), Fixtures.UNSCHEDULED);

    assertTrue(document.contains("### My design\nIt has parts."), document);
    assertTrue(document.contains("#### Sub part"), document);
    assertTrue(document.contains("```java\nclass Retry {}\n```"), document);
    assertTrue(document.endsWith("## Risks\n\nFew.\n"), document);
    assertEquals(
        List.of("1 Doc: Payment retries", "2 Design", "3 My design", "4 Sub part", "2 Risks"),
        RenderPropertyTest.outline(document));
  }

  @Test
  void an_html_block_left_open_in_an_answer_is_closed_before_the_next_section() {
    Template template = Fixtures.template("# Doc\n## Design\nHow?\n## Risks\nWhat?\n");

    String document =
        SpecRenderer.render(
            template,
            Map.of("design", "<!-- note to self\n\nstill a note", "risks", "<pre>\nraw"),
            Fixtures.UNSCHEDULED);

    assertTrue(document.contains("<!-- note to self\n\nstill a note\n-->\n\n## Risks"), document);
    assertTrue(document.endsWith("<pre>\nraw\n</pre>\n"), document);
    assertEquals(
        List.of("1 Doc: Payment retries", "2 Design", "2 Risks"),
        RenderPropertyTest.outline(document));
  }

  @Test
  void an_answer_heading_deeper_than_six_levels_becomes_bold_text() {
    Template template = Fixtures.template("# Doc\n##### Deep\nHow?\n");

    String document =
        SpecRenderer.render(template, Map.of("deep", "## Part A\ntext"), Fixtures.UNSCHEDULED);

    assertTrue(document.contains("##### Deep\n\n**Part A**\ntext"), document);
  }

  @Test
  void a_placeholder_heading_takes_the_first_line_of_the_answer_as_its_name() {
    Template template =
        Fixtures.template("# Doc\n## Decisions\n### Decision 1: [Decision Title]\nWhat?\n");
    String id = template.questions().get(0).id();

    String named =
        SpecRenderer.render(
            template, Map.of(id, "Use SQLite\n\nIt is one file."), Fixtures.UNSCHEDULED);
    String unnamed = SpecRenderer.render(template, Map.of(id, "Use SQLite."), Fixtures.UNSCHEDULED);

    assertTrue(named.contains("### Decision 1: Use SQLite\n\nIt is one file.\n"), named);
    assertTrue(unnamed.contains("### Decision 1: [Decision Title]\n\nUse SQLite.\n"), unnamed);
  }

  @Test
  void metadata_lines_are_filled_asked_or_kept() {
    Template template =
        Fixtures.template(
            """
            # [Title]
            **Status**: [PROPOSED/ACCEPTED]
            **Date**: <!-- today -->
            **Ticket**: [JIRA-ID]
            **Team**: Payments
            **Discussion Meeting**:
            ## Problem
            What?
            """);

    assertEquals(List.of("Ticket", "Problem"), titles(template));
    assertEquals("JIRA-ID", template.questions().get(0).hint());
    String document =
        SpecRenderer.render(template, Map.of("ticket", "PAY-12\n"), Fixtures.SCHEDULED);
    assertTrue(
        document.startsWith(
            """
            # Payment retries

            **Status**: PROPOSED
            **Date**: 2026-11-02
            **Ticket**: PAY-12
            **Team**: Payments
            **Discussion Meeting**: Tuesday 24 November 2026, 15:00-15:30 UTC
            """),
        document);
  }

  @Test
  void front_matter_overrides_set_name_wording_optional_omitted_and_process_sections() {
    Template template =
        Fixtures.template(
            """
            ---
            name: Design doc
            about: For backend designs
            specbot:
              ask:
                Context: Why are we doing this?
              optional: [Appendix]
              omit: [Reviewing]
              process: [Sign-off]
              fields:
                Owner: drafter
            ---
            # Design: [Name]
            **Owner**: [name]
            ## Context
            Background.
            ## Reviewing
            Reviewers look for clarity.
            ## Sign-off
            - [ ] Lead approves
            - [ ] Schedule the review meeting
            ## Appendix
            Links.
            """);

    assertEquals("Design doc", template.name());
    assertEquals("For backend designs", template.description());
    assertEquals(List.of("Context", "Appendix"), titles(template));
    assertEquals("Why are we doing this?", template.questions().get(0).prompt().orElseThrow());
    assertTrue(template.questions().get(1).optional());
    assertEquals("Reviewing", template.leftOut().get(0).title());
    assertEquals("Sign-off", template.keptAsIs().get(0).title());
    String document = SpecRenderer.render(template, Map.of(), Fixtures.SCHEDULED);
    assertEquals(
        """
        # Design: Payment retries

        **Owner**: Alice Example

        ## Context

        _Not answered._

        ## Sign-off

        - [ ] Lead approves
        - [x] Schedule the review meeting
        """,
        document);
  }

  @Test
  void a_sidecar_file_overrides_like_front_matter() throws TemplateException {
    Template template =
        TemplateParser.parse(
            "doc",
            "doc.md",
            "# Doc\n## Context\nWhy?\n## Extras\nMore.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.util.Optional.of(
                new TemplateParser.Sidecar("doc.yml", "name: Doc\noptional: Extras\n")));

    assertEquals("Doc", template.name());
    assertTrue(template.questions().get(1).optional());
  }

  @Test
  void an_unanswered_optional_section_is_left_out_and_an_answered_one_kept() {
    Template template =
        Fixtures.template("# Doc\n## Context\nWhy?\n## Appendix (optional)\nLinks.\n");

    assertFalse(SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED).contains("Appendix"));
    assertTrue(
        SpecRenderer.render(
                template, Map.of("appendix-optional", "See wiki."), Fixtures.UNSCHEDULED)
            .contains("## Appendix (optional)\n\nSee wiki."));
  }

  @Test
  void a_blank_answer_counts_as_not_answered() {
    Template template = Fixtures.template("# Doc\n## Context\nWhy?\n");

    assertTrue(
        SpecRenderer.render(template, Map.of("context", " \n\t\n"), Fixtures.UNSCHEDULED)
            .contains("## Context\n\n_Not answered._"));
  }

  @Test
  void advice_headings_are_left_out_with_the_rule_before_them() {
    Template template =
        Fixtures.template("# Doc\n## Context\nWhy?\n\n---\n\n## Tips for writers\n- Be brief\n");

    assertEquals(List.of("Context"), titles(template));
    assertEquals("Tips for writers", template.leftOut().get(0).title());
    assertEquals(
        "# Doc: Payment retries\n\n## Context\n\n_Not answered._\n",
        SpecRenderer.render(template, Map.of(), Fixtures.UNSCHEDULED));
  }

  private static List<String> titles(Template template) {
    return template.questions().stream().map(Question::title).toList();
  }
}
