package dev.specbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionItemsTest {

  @Test
  void
      echo_tech_spec_proposes_the_options_action_items_the_rollout_steps_and_open_checklist_items() {
    Proposals proposals =
        ActionItems.propose(SpecAnswers.template("echo-tech-spec"), SpecAnswers.echo());

    assertEquals(
        List.of(
            "Add a retry_count column to payments",
            "Schedule retries with exponential backoff in PaymentWorker",
            "Alert @payments when a payment exhausts its retries",
            "Load test the worker at 10x today's failures",
            "Ship behind the payment_retries flag",
            "Enable for internal merchants for a week",
            "Enable for everyone & remove the flag"),
        titles(proposals));
    Ticket column = proposals.tickets().get(0);
    assertEquals("Implementation Options", column.section());
    assertEquals("- a migration with a default of 0\n- backfill not needed", column.body());
    assertEquals("Test Plan", proposals.tickets().get(3).section());
    assertEquals(0, proposals.beyondCap());
  }

  @Test
  void the_process_checklist_of_a_template_is_never_proposed() {
    Proposals proposals =
        ActionItems.propose(SpecAnswers.template("echo-tech-spec"), SpecAnswers.echo());

    assertTrue(titles(proposals).stream().noneMatch(title -> title.contains("Turn tech spec")));
  }

  @Test
  void implementation_plan_proposes_the_open_items_of_its_incremental_checklist_without_numbers() {
    Proposals proposals =
        ActionItems.propose(
            SpecAnswers.template("implementation-plan"), SpecAnswers.implementationPlan());

    assertEquals(
        List.of(
            "Add the payment_retries feature flag",
            "Implement the retry scheduler",
            "Add tests (unit/integration)"),
        titles(proposals));
    Ticket scheduler = proposals.tickets().get(1);
    assertEquals("Incremental Implementation Checklist", scheduler.section());
    assertEquals("* [ ] backoff schedule\n* [ ] dead-letter after 5 attempts", scheduler.body());
  }

  @Test
  void project_spec_proposes_its_milestones_with_links_read_as_their_text() {
    Proposals proposals =
        ActionItems.propose(SpecAnswers.template("project-spec"), SpecAnswers.projectSpec());

    assertEquals(
        List.of(
            "Design the retry policy with finance",
            "Build the retry worker (design doc)",
            "Dashboards for retry outcomes",
            "Let merchants configure their own schedule"),
        titles(proposals));
    assertTrue(proposals.tickets().stream().allMatch(t -> t.section().equals("Milestones")));
  }

  @Test
  void technical_specification_proposes_each_phase_named_by_its_answer_a_spike_and_open_criteria() {
    Proposals proposals =
        ActionItems.propose(
            SpecAnswers.template("technical-specification"), SpecAnswers.technicalSpecification());

    assertEquals(
        List.of(
            "Phase 1: Foundation",
            "Phase 2: Integration",
            "Spike 1: Card network retry limits",
            "Soft declines are retried on schedule",
            "Deploys successfully to staging"),
        titles(proposals));
    Ticket phase = proposals.tickets().get(0);
    assertEquals("Implementation Plan", phase.section());
    assertTrue(phase.body().startsWith("**Goal**: retries run for card payments behind a flag."));
    assertTrue(phase.body().contains("1. **RetryScheduler**\n   - Location:"));
    assertEquals("Recommended Spikes", proposals.tickets().get(2).section());
  }

  @Test
  void feature_plan_proposes_each_phases_open_items_or_else_the_phase_and_its_rollout() {
    Proposals proposals =
        ActionItems.propose(SpecAnswers.template("feature-plan"), SpecAnswers.featurePlan());

    assertEquals(
        List.of(
            "Validate assumptions with support & finance",
            "Confirm success metrics",
            "Add the payment_retries flag",
            "Retry scheduler",
            "Ledger entries for retries",
            "Phase 3: Experience & Integration",
            "Phase 4: Validation & Hardening",
            "Phase 5: Rollout & Monitoring",
            "Beta with 10 merchants",
            "General availability after two weeks"),
        titles(proposals));
    assertEquals("Phase 0: Discovery & Alignment", proposals.tickets().get(0).section());
    assertEquals("- [ ] backoff", proposals.tickets().get(3).body());
    assertEquals(
        "Covered by the team's usual regression suite.", proposals.tickets().get(6).body());
  }

  @Test
  void an_edited_item_gets_a_new_key_while_the_others_keep_theirs() {
    var template = SpecAnswers.template("implementation-plan");
    Map<String, String> answers = SpecAnswers.implementationPlan();
    Map<String, String> edited = new LinkedHashMap<>(answers);
    edited.replaceAll(
        (id, answer) ->
            answer
                .replace("* [ ] 4. Add tests", "* [ ] 0. Write the migration\n* [ ] 4. Add tests")
                .replace("retry scheduler", "retry planner"));

    List<Ticket> before = ActionItems.propose(template, answers).tickets();
    List<Ticket> after = ActionItems.propose(template, edited).tickets();

    assertEquals(before.get(0).key(), after.get(0).key());
    assertNotEquals(before.get(1).key(), after.get(1).key());
    assertEquals("Write the migration", after.get(2).title());
    assertEquals(before.get(2).key(), after.get(3).key());
  }

  @Test
  void the_same_title_twice_in_a_section_gets_two_keys_and_in_two_sections_too() {
    var template = SpecAnswers.template("feature-plan");
    Map<String, String> answers =
        SpecAnswers.answers(
            template,
            Map.of(
                "Phase 1", "- [ ] Add tests\n- [ ] Add tests",
                "Phase 2", "- [ ] Add tests"));

    List<Ticket> tickets = ActionItems.propose(template, answers).tickets();
    Set<String> keys = Set.of(tickets.get(0).key(), tickets.get(1).key(), tickets.get(2).key());

    assertEquals(3, keys.size());
  }

  @Test
  void tickets_already_created_are_left_out_and_the_rest_move_up() {
    var template = SpecAnswers.template("echo-tech-spec");
    List<Ticket> all = ActionItems.propose(template, SpecAnswers.echo()).tickets();

    Proposals rest =
        ActionItems.propose(
            template, SpecAnswers.echo(), Set.of(all.get(0).key(), all.get(1).key()));

    assertEquals(all.subList(2, all.size()), rest.tickets());
  }

  @Test
  void beyond_the_cap_the_rest_are_counted_and_offered_once_the_first_are_created() {
    var template = SpecAnswers.template("implementation-plan");
    StringBuilder checklist = new StringBuilder();
    for (int i = 1; i <= 200; i++) {
      checklist.append("- [ ] Task ").append(i).append('\n');
    }
    Map<String, String> answers =
        SpecAnswers.answers(template, Map.of("15. Incremental", checklist.toString()));

    Proposals first = ActionItems.propose(template, answers);
    Set<String> created =
        first.tickets().stream().map(Ticket::key).collect(java.util.stream.Collectors.toSet());
    Proposals second = ActionItems.propose(template, answers, created);

    assertEquals(ActionItems.MAX_PROPOSED, first.tickets().size());
    assertEquals(120, first.beyondCap());
    assertEquals("Task 81", second.tickets().get(0).title());
    assertEquals(40, second.beyondCap());
  }

  @Test
  void headings_inside_an_answer_take_the_kind_of_the_section_they_are_in() {
    var template = SpecAnswers.template("project-spec");
    Map<String, String> answers =
        SpecAnswers.answers(
            template,
            Map.of(
                "Milestones",
                """
                ### MVP
                Cards only.

                ### Stretch
                - Wallets
                - Bank transfers

                ### Milestone 3: Reporting
                """));

    Proposals proposals = ActionItems.propose(template, answers);

    assertEquals(List.of("MVP", "Stretch", "Milestone 3: Reporting"), titles(proposals));
    assertTrue(proposals.tickets().stream().allMatch(t -> t.section().equals("Milestones")));
    assertEquals("- Wallets\n- Bank transfers", proposals.tickets().get(1).body());
  }

  @Test
  void code_blocks_comments_done_items_and_placeholders_are_not_tickets() {
    var template = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.only(
            template,
            Map.of(
                "Overview",
                """
                ~~~
                - [ ] inside a fence
                ~~~
                <!--
                - [ ] inside a comment
                -->
                - [x] done
                  - [ ] under a done item
                - [ ]
                - [ ] **Keep** this one
                ---
                - - -
                """));

    assertEquals(List.of("Keep this one"), titles(ActionItems.propose(template, answers)));
  }

  @Test
  void lists_as_slack_sends_them_are_read_by_their_bullets() {
    var template = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.only(
            template,
            Map.of(
                "Overview",
                "• [ ] Add a column\n    ◦ [ ] with a default\n• [x] Done already",
                "Rollout Plan",
                "• Ship behind a flag\n    ◦ off by default\n        ▪\uFE0E really\n• Enable it"));

    Proposals proposals = ActionItems.propose(template, answers);

    assertEquals(List.of("Add a column", "Ship behind a flag", "Enable it"), titles(proposals));
    assertEquals("◦ [ ] with a default", proposals.tickets().get(0).body());
    assertEquals("◦ off by default\n    ▪\uFE0E really", proposals.tickets().get(1).body());
  }

  @Test
  void a_title_is_one_line_of_plain_text_cut_to_githubs_limit() {
    var template = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.answers(
            template,
            Map.of(
                "Overview",
                "- [ ] Use `x` in <https://example.com|the docs> \\*now\\* ~~later~~ &lt;b&gt;\n"
                    + "- [ ] "
                    + "ab".repeat(300)
                    + "\n- [ ] "
                    + "😀".repeat(200)));

    List<String> titles = titles(ActionItems.propose(template, answers));

    assertEquals("Use x in the docs *now* later <b>", titles.get(0));
    assertEquals(Ticket.MAX_TITLE, titles.get(1).length());
    assertTrue(titles.get(1).endsWith("…"));
    assertTrue(titles.get(2).length() <= Ticket.MAX_TITLE);
    assertTrue(Character.isHighSurrogate(titles.get(2).charAt(titles.get(2).length() - 3)));
  }

  @Test
  void a_heading_inside_an_action_section_names_the_section_of_its_items() {
    var template = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.only(
            template,
            Map.of(
                "Implementation Options",
                "### Option A\n- Add a column\n### Option B\n- Add a table"));

    Proposals proposals = ActionItems.propose(template, answers);

    assertEquals(List.of("Add a column", "Add a table"), titles(proposals));
    assertEquals("Implementation Options › Option B", proposals.tickets().get(1).section());
  }

  @Test
  void an_unseen_template_is_read_by_its_headings() throws Exception {
    var template =
        dev.specbot.template.TemplateCatalog.read(
            java.nio.file.Files.writeString(
                java.nio.file.Files.createTempFile("design-doc", ".md"),
                """
                # Design doc

                ## Background
                Why.

                ## Next Steps
                What we do next.

                ## Risks
                What could go wrong.
                """));
    Map<String, String> answers =
        SpecAnswers.answers(
            template,
            Map.of(
                "Next Steps", "1. Ask legal\n2. Write the RFC",
                "Risks", "- Legal says no"));

    assertEquals(
        List.of("Ask legal", "Write the RFC"), titles(ActionItems.propose(template, answers)));
  }

  static List<String> titles(Proposals proposals) {
    return proposals.tickets().stream().map(Ticket::title).toList();
  }
}
