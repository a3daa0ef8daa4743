package dev.specbot.tickets;

import java.util.Objects;

/**
 * One proposed ticket: an action item of the spec.
 *
 * @param key stable across re-proposals while the item's section and text stay the same: 16 hex
 *     digits, so a ticket can be created once per key
 * @param title one line of plain text, at most {@link #MAX_TITLE} characters
 * @param section where it came from, as a reader sees it ("Milestones › MVP")
 * @param body its sub-items or the section's text, as markdown, at most {@link #MAX_BODY}
 *     characters; may be empty
 */
public record Ticket(String key, String title, String section, String body) {
  /** GitHub's limit on an issue's title. */
  public static final int MAX_TITLE = 256;

  /** A body is an excerpt: enough to start the ticket, far below GitHub's 65,536. */
  public static final int MAX_BODY = 4_000;

  public Ticket {
    Objects.requireNonNull(key, "null key");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(section, "null section");
    Objects.requireNonNull(body, "null body");
  }

  /** This ticket with the title the drafter gave it, made one line and cut to the limit. */
  public Ticket titled(String newTitle) {
    return new Ticket(key, Titles.oneLine(newTitle, new Steps()), section, body);
  }
}
