/**
 * The form in which the drafter picks the tickets to create from the spec's action items and edits
 * their titles ({@link dev.specbot.slack.tickets.TicketForm}), and the reading of what they sent
 * ({@link dev.specbot.slack.tickets.TicketChoice}). Not yet wired (issue 18): a listener opens the
 * form on {@code tickets} or after approval, and hands the choice to whatever creates the issues or
 * writes the checklist.
 */
package dev.specbot.slack.tickets;
