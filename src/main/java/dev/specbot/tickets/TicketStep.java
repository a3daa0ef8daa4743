package dev.specbot.tickets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process checklist's step of turning the spec into tickets, in any reasonable wording: an open
 * checklist item in which a verb of making ("turn", "break down", "create", "write", "file"...)
 * comes before a word for tickets ("tickets", "issues", "tasks", "stories", "work items"...), or
 * such a word before "created", "filed", "written" or "opened". Echo's "Turn tech spec into
 * next-step actionable tickets" is one, and its sub-step "Write tickets as is necessary" another.
 */
final class TicketStep {
  /**
   * An open checklist item, in a quote or not, its marker typed or one of Slack's bullets: what
   * precedes {@code [ ]}, and the box.
   */
  private static final Pattern OPEN_ITEM =
      Pattern.compile("^[>\\s]{0,40}(?:[-*+•◦▪]\\uFE0E?|\\d{1,9}[.)])[ \\t]{1,4}\\[ \\]");

  private static final Pattern MAKING =
      Pattern.compile(
          "(?i)\\b(?:turn(?:s|ed|ing)?|convert\\w*|break\\w*|split\\w*|creat\\w*|writ\\w*|wrote"
              + "|fil(?:e|es|ed|ing)|make|makes|made|making|translat\\w*|generat\\w*|cut|cuts)\\b");

  private static final Pattern TICKETS =
      Pattern.compile("(?i)\\b(?:tickets?|issues?|tasks?|stor(?:y|ies)|work items?|jira)\\b");

  private static final Pattern MADE =
      Pattern.compile("(?i)\\b(?:created|filed|written|opened|made|cut)\\b");

  private TicketStep() {}

  /** The markdown with every open ticket step ticked, code blocks aside. */
  static String tick(String markdown) {
    StringBuilder out = new StringBuilder(markdown.length());
    char fence = 0;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      int stop = end < 0 ? markdown.length() : end;
      String line = markdown.substring(start, stop);
      String rest = line.strip();
      if (fence != 0) {
        fence = rest.startsWith(String.valueOf(fence).repeat(3)) ? 0 : fence;
        out.append(line);
      } else if (rest.startsWith("```") || rest.startsWith("~~~")) {
        fence = rest.charAt(0);
        out.append(line);
      } else {
        out.append(ticked(line));
      }
      if (end >= 0) {
        out.append('\n');
      }
      start = stop + 1;
    }
    return out.toString();
  }

  private static String ticked(String line) {
    Matcher item = OPEN_ITEM.matcher(line);
    if (!item.find() || !isTicketStep(line.substring(item.end()))) {
      return line;
    }
    return line.substring(0, item.end() - 2) + "x]" + line.substring(item.end());
  }

  static boolean isTicketStep(String text) {
    return followedBy(text, MAKING, TICKETS) || followedBy(text, TICKETS, MADE);
  }

  /**
   * Whether a match of {@code then} starts after the first match of {@code first}: one search each.
   */
  private static boolean followedBy(String text, Pattern first, Pattern then) {
    Matcher matcher = first.matcher(text);
    if (!matcher.find()) {
      return false;
    }
    return then.matcher(text)
        .useTransparentBounds(true)
        .region(matcher.end(), text.length())
        .find();
  }
}
