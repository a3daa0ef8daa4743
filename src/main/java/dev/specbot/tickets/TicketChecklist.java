package dev.specbot.tickets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chosen tickets as the document shows them, and the process checklist's step of making them
 * ticked: markdown in, markdown out.
 */
public final class TicketChecklist {
  /** The heading of the section the tickets are listed in, at the document's second level. */
  public static final String HEADING = "## Tickets";

  private static final Pattern SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<>#|~])");

  /** An ordered list's number at a title's start: "1." would start a list inside the item. */
  private static final Pattern NUMBER = Pattern.compile("^\\d{1,9}(?=[.)])");

  /**
   * An issue created for a ticket.
   *
   * @param number its number in the repository, shown as {@code #12}
   * @param url where it is
   */
  public record CreatedIssue(int number, String url) {
    public CreatedIssue {
      Objects.requireNonNull(url, "null url");
    }
  }

  private TicketChecklist() {}

  /**
   * For a team without GitHub: the tickets as a section of open checklist items, under the name of
   * each section they came from.
   */
  public static String checklist(List<Ticket> tickets) {
    return linked(tickets, Map.of());
  }

  /**
   * The tickets as a checklist in which each created issue is a link ("#12" then its title); a
   * ticket without one (its creation failed) stays a plain item.
   *
   * @param created the issues by {@link Ticket#key()}
   */
  public static String linked(List<Ticket> tickets, Map<String, CreatedIssue> created) {
    Map<String, List<String>> bySection = new LinkedHashMap<>();
    for (Ticket ticket : tickets) {
      CreatedIssue issue = created.get(ticket.key());
      String text = escape(ticket.title());
      String item =
          issue == null ? text : "[#" + issue.number() + "](" + url(issue.url()) + ") " + text;
      bySection.computeIfAbsent(ticket.section(), s -> new ArrayList<>()).add("- [ ] " + item);
    }
    List<String> blocks = new ArrayList<>();
    blocks.add(HEADING);
    if (bySection.isEmpty()) {
      blocks.add("_No tickets yet._");
    }
    bySection.forEach(
        (section, items) -> {
          blocks.add("**" + escape(section) + "**");
          blocks.add(String.join("\n", items));
        });
    return String.join("\n\n", blocks);
  }

  /**
   * The document once its tickets are made: the step of turning the spec into tickets ticked, and
   * the tickets (linked where {@code created} has their issues) in a section at the end. The
   * document is rendered afresh from the answers each time, so this is applied to each rendering.
   */
  public static String withTickets(
      String document, List<Ticket> tickets, Map<String, CreatedIssue> created) {
    return tickTicketStep(document).stripTrailing() + "\n\n" + linked(tickets, created) + "\n";
  }

  /**
   * The document with the process checklist's step of turning the spec into tickets ticked: see
   * {@link TicketStep}. The document is unchanged when it has no such step.
   */
  public static String tickTicketStep(String markdown) {
    return TicketStep.tick(markdown);
  }

  /** Whether the document has an open step of turning the spec into tickets. */
  public static boolean hasOpenTicketStep(String markdown) {
    return !TicketStep.tick(markdown).equals(markdown);
  }

  /** Plain text that reads literally inside a markdown line. */
  static String escape(String text) {
    String escaped = SPECIAL.matcher(text).replaceAll("\\\\$1");
    if (escaped.startsWith("-") || escaped.startsWith("+") || escaped.startsWith("=")) {
      return "\\" + escaped;
    }
    Matcher number = NUMBER.matcher(escaped);
    return number.find()
        ? escaped.substring(0, number.end()) + "\\" + escaped.substring(number.end())
        : escaped;
  }

  /** A link's destination that cannot end the link early. */
  private static String url(String url) {
    return url.strip()
        .replace(" ", "%20")
        .replace("(", "%28")
        .replace(")", "%29")
        .replace("<", "%3C")
        .replace(">", "%3E");
  }
}
