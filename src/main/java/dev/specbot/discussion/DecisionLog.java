package dev.specbot.discussion;

import dev.specbot.template.markdown.AtxHeading;
import dev.specbot.template.markdown.Inline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the discussion's decisions go in the document, and the document with them: under the
 * section its template names ({@code specbot: decisions: NAME}), else the first of a decision log,
 * Decisions, Technical Decisions, Research Notes or Implementation Notes section, else in a {@code
 * ## Decisions} section at the end. They go at the end of that section, under a heading of their
 * own one level down, each with its date; follow-ups as open checklist items with their owner. Once
 * the drafter says that is all, the process step of facilitating the discussion is ticked. The
 * document is rendered afresh each time, so this is applied to each rendering. One pass over its
 * lines, and a lookup per candidate section.
 */
public final class DecisionLog {
  /** The section made at the end when the template has no place for decisions. */
  public static final String FALLBACK_HEADING = "## Decisions";

  static final String SUBHEADING = "Decided in the discussion";

  /** What the key of a follow-up's ticket starts with; the reply's ts follows. */
  private static final String FOLLOW_UP_TICKET = "follow-up:";

  /** The sections that keep decisions, by their words, the most fitting first. */
  private static final List<String> CANDIDATES =
      List.of(
          "decision log",
          "decisions log",
          "decisions",
          "technical decisions",
          "key decisions",
          "research notes",
          "implementation notes");

  private DecisionLog() {}

  /** The key of the ticket a follow-up given in the reply {@code replyTs} is made. */
  public static String followUpTicketKey(String replyTs) {
    return FOLLOW_UP_TICKET + replyTs;
  }

  /**
   * Whether a ticket is a follow-up's: the decision log lists it with its owner, so the tickets'
   * own list leaves it out.
   */
  public static boolean isFollowUpTicket(String ticketKey) {
    return ticketKey.startsWith(FOLLOW_UP_TICKET);
  }

  private record Heading(int line, int level) {}

  /**
   * The document with the decisions in their place.
   *
   * @param named the section the template names for decisions, if it names one
   * @param closedOn the day the drafter said that was all; empty while decisions are still coming
   */
  public static String withDecisions(
      String markdown, Optional<String> named, List<Logged> logged, Optional<LocalDate> closedOn) {
    if (logged.isEmpty() && closedOn.isEmpty()) {
      return markdown;
    }
    String document = closedOn.isPresent() ? DiscussionStep.tick(markdown) : markdown;
    List<String> lines = lines(document);
    Map<String, Heading> headings = new HashMap<>();
    List<Heading> order = new ArrayList<>();
    scan(lines, headings, order);
    Optional<Heading> target = target(named, headings);
    if (target.isEmpty()) {
      List<String> entries = entries(logged, closedOn);
      return document.stripTrailing()
          + "\n\n"
          + FALLBACK_HEADING
          + "\n\n"
          + String.join("\n", entries)
          + "\n";
    }
    int end = sectionEnd(target.get(), order, lines.size());
    while (end > target.get().line() + 1 && lines.get(end - 1).isBlank()) {
      end--;
    }
    List<String> block = new ArrayList<>();
    block.add("");
    block.add("#".repeat(Math.min(6, target.get().level() + 1)) + " " + SUBHEADING);
    block.add("");
    block.addAll(entries(logged, closedOn));
    int resume = end;
    while (resume < lines.size() && lines.get(resume).isBlank()) {
      resume++;
    }
    List<String> out = new ArrayList<>(lines.subList(0, end));
    out.addAll(block);
    out.add("");
    out.addAll(lines.subList(resume, lines.size()));
    return String.join("\n", out);
  }

  /** The decisions, then the follow-ups; or the day nothing was decided. */
  private static List<String> entries(List<Logged> logged, Optional<LocalDate> closedOn) {
    List<String> entries = new ArrayList<>();
    for (Logged entry : logged) {
      if (!entry.isFollowUp()) {
        entries.add("- " + entry.date() + ": " + Inline.oneLine(entry.text()));
      }
    }
    List<String> followUps = new ArrayList<>();
    for (Logged entry : logged) {
      entry.owner().ifPresent(owner -> followUps.add(followUp(entry, owner)));
    }
    if (entries.isEmpty() && followUps.isEmpty()) {
      entries.add("_Discussed on " + closedOn.orElseThrow() + ": no decisions._");
    }
    if (!followUps.isEmpty()) {
      if (!entries.isEmpty()) {
        entries.add("");
      }
      entries.add("**Follow-ups**");
      entries.add("");
      entries.addAll(followUps);
    }
    return entries;
  }

  private static String followUp(Logged entry, String owner) {
    String issue =
        entry.issueNumber().isPresent() && entry.issueUrl().isPresent()
            ? " ([#" + entry.issueNumber().get() + "](" + url(entry.issueUrl().get()) + "))"
            : "";
    return "- [ ] "
        + Inline.escape(owner)
        + ": "
        + Inline.oneLine(entry.text())
        + " ("
        + entry.date()
        + ")"
        + issue;
  }

  private static Optional<Heading> target(Optional<String> named, Map<String, Heading> headings) {
    if (named.isPresent()) {
      Heading heading = headings.get(Headings.words(named.get()));
      if (heading != null) {
        return Optional.of(heading);
      }
    }
    for (String candidate : CANDIDATES) {
      Heading heading = headings.get(candidate);
      if (heading != null) {
        return Optional.of(heading);
      }
    }
    return Optional.empty();
  }

  /** The first line after the section: the next heading at its level or above, or the end. */
  private static int sectionEnd(Heading target, List<Heading> order, int size) {
    for (Heading heading : order) {
      if (heading.line() > target.line() && heading.level() <= target.level()) {
        return heading.line();
      }
    }
    return size;
  }

  /** Each ATX heading outside code blocks, in order, and the first of each name. */
  private static void scan(List<String> lines, Map<String, Heading> byWords, List<Heading> order) {
    char fence = 0;
    for (int i = 0; i < lines.size(); i++) {
      String rest = lines.get(i).strip();
      if (fence != 0) {
        fence = rest.startsWith(String.valueOf(fence).repeat(3)) ? 0 : fence;
        continue;
      }
      if (rest.startsWith("```") || rest.startsWith("~~~")) {
        fence = rest.charAt(0);
        continue;
      }
      Optional<String> text = AtxHeading.text(lines.get(i));
      if (text.isPresent()) {
        Heading heading = new Heading(i, level(lines.get(i)));
        order.add(heading);
        byWords.putIfAbsent(Headings.words(text.get()), heading);
      }
    }
  }

  private static int level(String line) {
    String marks = line.stripLeading();
    int level = 0;
    while (level < marks.length() && marks.charAt(level) == '#') {
      level++;
    }
    return level;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      int stop = end < 0 ? text.length() : end;
      lines.add(text.substring(start, stop));
      start = stop + 1;
    }
    return lines;
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
