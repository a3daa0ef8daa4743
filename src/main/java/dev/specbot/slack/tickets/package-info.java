/**
 * Stage: tickets from a finished spec's action items. The form in which the drafter picks them and
 * edits their titles ({@link dev.specbot.slack.tickets.TicketForm}), the reading of what they sent
 * ({@link dev.specbot.slack.tickets.TicketChoice}), and {@link
 * dev.specbot.slack.tickets.TicketActions}: the Propose tickets button (once on approval, or on
 * {@code tickets}), the form opened from its press, the chosen tickets recorded once and queued as
 * GitHub issues or written into the document as a checklist, and the list once they are made. The
 * document shows them through {@code slack.outbox}, which adds them to every rendering it queues.
 */
package dev.specbot.slack.tickets;
