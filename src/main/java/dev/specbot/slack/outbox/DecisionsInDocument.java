package dev.specbot.slack.outbox;

import dev.specbot.discussion.DecisionLog;
import dev.specbot.discussion.Logged;
import dev.specbot.storage.Discussions;
import dev.specbot.storage.SpecTicket;
import dev.specbot.storage.Tx;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where the discussion's decisions reach the document: as {@link TicketsInDocument} does for
 * tickets, every rendering of a spec passes through {@link Delivery#enqueue}, so this one place
 * writes the decisions and follow-ups in (a follow-up made a GitHub issue linked to it) and, once
 * the drafter said that was all, ticks the step of facilitating the discussion. Linear in the
 * document: a scan and an insertion, no rendering.
 */
final class DecisionsInDocument {
  private DecisionsInDocument() {}

  static Delivery applied(Tx tx, Delivery document) {
    Optional<Discussions.Discussion> discussion = tx.discussions().find(document.interviewId());
    if (discussion.isEmpty()) {
      return document;
    }
    List<Discussions.Decision> decisions = tx.discussions().of(document.interviewId());
    Map<String, SpecTicket> tickets =
        decisions.stream().anyMatch(Discussions.Decision::isFollowUp)
            ? tx.specTickets().of(document.interviewId()).stream()
                .collect(Collectors.toMap(SpecTicket::key, Function.identity()))
            : Map.of();
    List<Logged> logged = decisions.stream().map(decision -> logged(decision, tickets)).toList();
    return document.withContent(
        DecisionLog.withDecisions(
            document.fileContent(),
            discussion.get().section(),
            logged,
            discussion.get().closedOn()));
  }

  private static Logged logged(Discussions.Decision decision, Map<String, SpecTicket> tickets) {
    if (!decision.isFollowUp()) {
      return Logged.decision(decision.decidedOn(), decision.text());
    }
    Optional<SpecTicket> ticket =
        Optional.ofNullable(tickets.get(DecisionLog.followUpTicketKey(decision.messageTs())))
            .filter(t -> t.state() == SpecTicket.State.CREATED);
    return new Logged(
        decision.decidedOn(),
        decision.text(),
        decision.ownerName(),
        ticket.flatMap(SpecTicket::url),
        ticket.flatMap(SpecTicket::number));
  }
}
