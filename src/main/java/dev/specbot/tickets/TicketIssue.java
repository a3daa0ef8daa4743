package dev.specbot.tickets;

import java.util.Objects;

/** What the issue made from a ticket says: its excerpt, then the spec it came from. */
public final class TicketIssue {
  private TicketIssue() {}

  /**
   * The issue's body as markdown: the ticket's body, then a line linking back to the spec.
   *
   * @param spec how GitHub links to the spec's issue: {@code #12} in the same repository, {@code
   *     owner/repo#12} in another, or its address
   */
  public static String body(Ticket ticket, String spec) {
    Objects.requireNonNull(ticket, "null ticket");
    Objects.requireNonNull(spec, "null spec");
    String from =
        "From the spec "
            + spec.strip()
            + ", section "
            + TicketChecklist.escape(ticket.section())
            + ".";
    return ticket.body().isBlank() ? from : ticket.body() + "\n\n---\n\n" + from;
  }
}
