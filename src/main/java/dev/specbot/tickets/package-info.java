/**
 * Tickets from a spec's action items (issue 18), as plain Java: {@link
 * dev.specbot.tickets.ActionItems} proposes them from a template and an interview's answers, the
 * drafter picks and retitles them (in a form the Slack side builds), and {@link
 * dev.specbot.tickets.TicketChecklist} writes the chosen ones into the document as a checklist (of
 * plain titles for a team without GitHub, or of links to the issues created) and ticks the process
 * checklist's step of turning the spec into tickets; {@link dev.specbot.tickets.TicketIssue} words
 * the body of an issue made from a ticket, linking back to the spec.
 *
 * <p>What counts as an action item, in order, for each section an answer fills (and each heading
 * inside an answer, which inherits its section's kind):
 *
 * <ol>
 *   <li>Open checklist items ({@code - [ ] x}, {@code * [ ]}, {@code 1. [ ]}), in any section; done
 *       ones ({@code [x]}) are left out. Checklist items nested in another are its body.
 *   <li>Else, in a unit section, a heading such as "Phase 1: Foundation", "Milestone 2", "Spike 1"
 *       or "Stage A" (or any section of a group headed Milestones, Phases, Stages or Roadmap): the
 *       section itself, its text the body.
 *   <li>Else, in an action section, whose heading starts with Implementation options, Incremental
 *       implementation, Implementation checklist/plan/steps/tasks, Milestones, Phases, Stages,
 *       Tasks, Task list, To do, Action items, Next steps, Follow-ups, Work items, Deliverables,
 *       Rollout or Roadmap (case aside, numbering such as "15." aside): its top-level list items,
 *       their sub-items the body.
 * </ol>
 *
 * <p>The template's own process checklists (kept sections, not answers) are never proposed. Nothing
 * here knows of Slack, GitHub or SQL; the work is linear in the answers' length.
 */
package dev.specbot.tickets;
