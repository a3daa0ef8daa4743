package dev.specbot.slack.outbox;

import dev.specbot.discussion.DecisionLog;
import dev.specbot.storage.SpecTicket;
import dev.specbot.storage.Tx;
import dev.specbot.tickets.Ticket;
import dev.specbot.tickets.TicketChecklist;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a spec's tickets reach its document: every rendering of a spec (its {@code .md} file, its
 * canvas, and through the file its GitHub issue's body) is queued through {@link Delivery#enqueue},
 * so this one place adds the tickets and ticks the process step, whichever stage rendered it.
 * Applied once the tickets are all settled (none still being made), so the step is ticked only when
 * the work is done. Linear in the document: a scan and an append, no rendering.
 */
final class TicketsInDocument {
  private TicketsInDocument() {}

  static Delivery applied(Tx tx, Delivery document) {
    // A discussion's follow-up made a ticket is listed by DecisionsInDocument, with its owner.
    List<SpecTicket> stored =
        tx.specTickets().of(document.interviewId()).stream()
            .filter(t -> !DecisionLog.isFollowUpTicket(t.key()))
            .toList();
    if (stored.isEmpty()
        || stored.stream().anyMatch(t -> t.state() == SpecTicket.State.CREATING)
        || stored.stream().noneMatch(t -> t.state() == SpecTicket.State.CREATED)) {
      return document;
    }
    List<SpecTicket> created =
        stored.stream().filter(t -> t.state() == SpecTicket.State.CREATED).toList();
    List<Ticket> tickets =
        created.stream().map(t -> new Ticket(t.key(), t.title(), t.section(), t.body())).toList();
    Map<String, TicketChecklist.CreatedIssue> issues = new LinkedHashMap<>();
    for (SpecTicket ticket : created) {
      if (ticket.number().isPresent() && ticket.url().isPresent()) {
        issues.put(
            ticket.key(),
            new TicketChecklist.CreatedIssue(ticket.number().get(), ticket.url().get()));
      }
    }
    return document.withContent(
        TicketChecklist.withTickets(document.fileContent(), tickets, issues));
  }
}
