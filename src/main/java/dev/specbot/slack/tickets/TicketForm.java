package dev.specbot.slack.tickets;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.messages.Message;
import dev.specbot.tickets.ActionItems;
import dev.specbot.tickets.Proposals;
import dev.specbot.tickets.Ticket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The form (a modal for {@code views.open}) in which the drafter picks the tickets to create and
 * can edit each title: the tickets ten to a group of checkboxes, all ticked at first, each group
 * followed by its tickets' title fields. Every text a user wrote is plain_text; only the interview
 * id travels in the view's metadata.
 *
 * <p>Within Slack's limits: at most {@link ActionItems#MAX_PROPOSED} tickets give one section,
 * eight groups and eighty fields, 89 of a modal's 100 blocks; ten options to a checkboxes element,
 * 75 characters to an option's text and description, a title field as long as GitHub allows.
 */
public final class TicketForm {
  /** Slack's limit on the options of one checkboxes element. */
  static final int GROUP = 10;

  /** Slack's limit on an option's text and on its description. */
  static final int OPTION_TEXT = 75;

  /** Slack's limit on a view's metadata. */
  static final int METADATA = 3000;

  /** Where the chosen tickets go: what the form tells the drafter will happen. */
  public enum Destination {
    /** Each becomes a GitHub issue that links back to the spec's. */
    GITHUB_ISSUES,
    /** A team without GitHub: they become a checklist in the spec. */
    CHECKLIST
  }

  private TicketForm() {}

  /** The block id of the checkboxes of group {@code group} (0 for tickets 1 to 10). */
  static String pickBlock(int group) {
    return ActionIds.TICKETS_PICK + "_" + group;
  }

  /** The block id of the title field of the ticket {@code key}. */
  static String titleBlock(String key) {
    return ActionIds.TICKETS_TITLE + "_" + key;
  }

  /** The form for the spec {@code interviewId}, offering {@code proposals} to go to {@code to}. */
  public static View of(String interviewId, Proposals proposals, Destination to) {
    Objects.requireNonNull(to, "null destination");
    Objects.requireNonNull(interviewId, "null interviewId");
    if (interviewId.length() > METADATA) {
      throw new IllegalArgumentException("an interview id over Slack's metadata limit");
    }
    List<Ticket> tickets = proposals.tickets();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(Message.sectionOf(intro(tickets.size(), proposals.beyondCap(), to)));
    for (int from = 0; from < tickets.size(); from += GROUP) {
      List<Ticket> group = tickets.subList(from, Math.min(tickets.size(), from + GROUP));
      blocks.add(picks(from, group));
      for (int i = 0; i < group.size(); i++) {
        blocks.add(titleField(from + i + 1, group.get(i)));
      }
    }
    boolean any = !tickets.isEmpty();
    return view(
        v ->
            v.type("modal")
                .callbackId(ActionIds.TICKETS_FORM)
                .privateMetadata(interviewId)
                .title(viewTitle(t -> t.type("plain_text").text("Create tickets")))
                .submit(any ? viewSubmit(s -> s.type("plain_text").text(submit(to))) : null)
                .close(viewClose(c -> c.type("plain_text").text(any ? "Cancel" : "Close")))
                .blocks(blocks));
  }

  /** What the form is for, and what was left out: no text of the user's, nothing to escape. */
  private static String submit(Destination to) {
    return switch (to) {
      case GITHUB_ISSUES -> "Create issues";
      case CHECKLIST -> "Add to the spec";
    };
  }

  private static String intro(int count, int beyondCap, Destination to) {
    if (count == 0) {
      return "I found no action items in this spec. Open checklist items (`- [ ]`), list items"
          + " under headings such as Milestones, Next steps or Implementation options, and the"
          + " phases of a plan become tickets.";
    }
    String intro =
        switch (to) {
              case GITHUB_ISSUES ->
                  "I'll create each ticket you tick as a GitHub issue that links"
                      + " back to the spec's.";
              case CHECKLIST -> "I'll add the tickets you tick to the spec as a checklist.";
            }
            + " Untick what you don't want, and edit a title where it should read differently.";
    if (beyondCap > 0) {
      intro +=
          "\n\n"
              + beyondCap
              + (beyondCap == 1 ? " more action item doesn't" : " more action items don't")
              + " fit in this form: I'll offer "
              + (beyondCap == 1 ? "it" : "them")
              + " once these are created.";
    }
    return intro;
  }

  private static LayoutBlock picks(int from, List<Ticket> group) {
    List<OptionObject> options = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      Ticket ticket = group.get(i);
      options.add(
          OptionObject.builder()
              .text(plainText(cut((from + i + 1) + ". " + ticket.title(), OPTION_TEXT)))
              .description(plainText(cut("From " + ticket.section(), OPTION_TEXT)))
              .value(ticket.key())
              .build());
    }
    String label =
        group.size() == 1
            ? "Ticket " + (from + 1)
            : "Tickets " + (from + 1) + "–" + (from + group.size());
    return input(
        i ->
            i.blockId(pickBlock(from / GROUP))
                .optional(true)
                .label(plainText(label))
                .element(
                    checkboxes(
                        c ->
                            c.actionId(ActionIds.TICKETS_PICK)
                                .options(options)
                                .initialOptions(options))));
  }

  /** Cut to {@code limit} with "…", never between the halves of a surrogate pair. */
  static String cut(String text, int limit) {
    if (text.length() <= limit) {
      return text;
    }
    int end = limit - 1;
    if (Character.isLowSurrogate(text.charAt(end))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  private static LayoutBlock titleField(int number, Ticket ticket) {
    return input(
        i ->
            i.blockId(titleBlock(ticket.key()))
                .optional(true)
                .label(plainText(number + ". Title"))
                .element(
                    plainTextInput(
                        p ->
                            p.actionId(ActionIds.TICKETS_TITLE)
                                .initialValue(ticket.title())
                                .maxLength(Ticket.MAX_TITLE))));
  }
}
