package dev.specbot.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The tickets proposed from a spec, in the document's order.
 *
 * @param tickets at most {@link ActionItems#MAX_PROPOSED}
 * @param beyondCap how many more action items were found than fit: the next proposal, without the
 *     ones created meanwhile, offers them
 */
public record Proposals(List<Ticket> tickets, int beyondCap) {
  public Proposals {
    tickets = List.copyOf(tickets);
    // The form is sized for the cap: more would not fit in a modal.
    if (tickets.size() > ActionItems.MAX_PROPOSED || beyondCap < 0) {
      throw new IllegalArgumentException(
          tickets.size() + " tickets and " + beyondCap + " beyond the cap");
    }
  }

  /**
   * The tickets the drafter chose, in the proposals' order, each with the title given: {@code
   * titles} maps a key to its title; a key not proposed here is ignored.
   */
  public List<Ticket> pick(Map<String, String> titles) {
    List<Ticket> picked = new ArrayList<>();
    for (Ticket ticket : tickets) {
      String title = titles.get(ticket.key());
      if (title != null && !title.isBlank()) {
        picked.add(ticket.titled(title));
      }
    }
    return picked;
  }
}
