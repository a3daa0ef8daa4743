package dev.specbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.RenderContext;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TicketChecklistTest {
  private static final Ticket COLUMN =
      new Ticket("k1", "Add a retry_count column", "Implementation Options", "");
  private static final Ticket FLAG =
      new Ticket("k2", "1. Ship <b> *now* | #here", "Rollout Plan", "");
  private static final Ticket ALERT =
      new Ticket("k3", "- Alert on [exhausted] retries", "Implementation Options", "");

  @Test
  void without_github_the_tickets_are_an_open_checklist_under_each_section() {
    String section = TicketChecklist.checklist(List.of(COLUMN, FLAG, ALERT));

    assertEquals(
        """
        ## Tickets

        **Implementation Options**

        - [ ] Add a retry\\_count column
        - [ ] \\- Alert on \\[exhausted\\] retries

        **Rollout Plan**

        - [ ] 1\\. Ship \\<b\\> \\*now\\* \\| \\#here""",
        section);
  }

  @Test
  void created_issues_are_links_and_a_ticket_whose_creation_failed_stays_plain() {
    String section =
        TicketChecklist.linked(
            List.of(COLUMN, FLAG),
            Map.of("k1", new TicketChecklist.CreatedIssue(12, "https://github.com/o/r/issues/12")));

    assertTrue(
        section.contains(
            "- [ ] [#12](https://github.com/o/r/issues/12) Add a retry\\_count column"),
        section);
    assertTrue(section.contains("- [ ] 1\\. Ship"), section);
  }

  @Test
  void no_tickets_says_so() {
    assertEquals("## Tickets\n\n_No tickets yet._", TicketChecklist.checklist(List.of()));
  }

  @Test
  void a_link_cannot_be_ended_early_by_its_address() {
    String section =
        TicketChecklist.linked(
            List.of(COLUMN),
            Map.of("k1", new TicketChecklist.CreatedIssue(1, "https://x.test/a (b)<c>")));

    assertTrue(section.contains("(https://x.test/a%20%28b%29%3Cc%3E)"), section);
  }

  @Test
  void the_echo_tech_spec_ticket_step_and_its_sub_step_are_ticked_in_the_document() {
    Template template = SpecAnswers.template("echo-tech-spec");
    String document =
        SpecRenderer.render(
            template,
            SpecAnswers.echo(),
            new RenderContext(
                "Payment retries",
                "Alice Example",
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 20),
                Optional.empty()));

    String ticked = TicketChecklist.tickTicketStep(document);

    assertTrue(TicketChecklist.hasOpenTicketStep(document));
    assertFalse(TicketChecklist.hasOpenTicketStep(ticked));
    assertTrue(
        ticked.contains(
            " - [x] Tech spec drafter: Turn tech spec into next-step actionable tickets."),
        ticked);
    assertTrue(ticked.contains("    - [x] Write tickets as is necessary"), ticked);
    assertTrue(ticked.contains(" - [ ] Tech spec drafter: Facilitate that discussion."), ticked);
    assertTrue(ticked.contains("    - [ ] Other developers provide more formal feedback"), ticked);
    assertEquals(document.length(), ticked.length());
  }

  @Test
  void the_document_with_its_tickets_has_the_step_ticked_and_the_section_at_the_end() {
    String document = "# Spec\n\n## Process\n\n- [ ] Turn the spec into tickets\n";

    String done =
        TicketChecklist.withTickets(
            document,
            List.of(COLUMN),
            Map.of("k1", new TicketChecklist.CreatedIssue(3, "https://github.com/o/r/issues/3")));

    assertEquals(
        """
        # Spec

        ## Process

        - [x] Turn the spec into tickets

        ## Tickets

        **Implementation Options**

        - [ ] [#3](https://github.com/o/r/issues/3) Add a retry\\_count column
        """,
        done);
  }

  @Test
  void the_ticket_step_is_found_in_other_words() {
    for (String step :
        List.of(
            "- [ ] Break the plan down into Jira tasks",
            "* [ ] Create GitHub issues for each milestone",
            "1. [ ] Convert the action items into tickets",
            "> - [ ] File tickets for the follow-ups",
            "- [ ] Tickets created for the next steps",
            "- [ ] Write user stories",
            "• [ ] Turn the spec into tickets")) {
      assertTrue(TicketChecklist.hasOpenTicketStep(step), step);
    }
  }

  @Test
  void other_steps_and_ticked_or_fenced_ones_are_left_alone() {
    for (String line :
        List.of(
            "- [ ] Open issues resolved",
            "- [ ] Known issues documented",
            "- [ ] Code review completed",
            "- [ ] Stakeholder approval confirmed",
            "- [x] Turn tech spec into tickets",
            "Turn tech spec into tickets",
            "## Turn tech spec into tickets",
            "```\n- [ ] Turn tech spec into tickets\n```")) {
      assertEquals(line, TicketChecklist.tickTicketStep(line), line);
    }
  }

  @Test
  void an_issue_body_is_the_tickets_excerpt_then_a_link_back_to_the_spec() {
    Ticket ticket = new Ticket("k", "Retry scheduler", "Phase 2: Core_work", "- [ ] backoff");

    assertEquals(
        "- [ ] backoff\n\n---\n\nFrom the spec #12, section Phase 2: Core\\_work.",
        TicketIssue.body(ticket, "#12"));
    assertEquals(
        "From the spec owner/repo#12, section Rollout Plan.",
        TicketIssue.body(new Ticket("k", "t", "Rollout Plan", ""), " owner/repo#12 "));
  }
}
