package dev.specbot.discussion;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision or follow-up as the document keeps it.
 *
 * @param date the day it was recorded, in the drafter's time zone
 * @param text the decision, or the follow-up's task, as written (Slack's markup kept, as answers)
 * @param owner for a follow-up, who owns it, as the document names them; empty for a decision
 * @param issueUrl for a follow-up made a GitHub issue, its address
 * @param issueNumber that issue's number
 */
public record Logged(
    LocalDate date,
    String text,
    Optional<String> owner,
    Optional<String> issueUrl,
    Optional<Integer> issueNumber) {
  public Logged {
    Objects.requireNonNull(date, "null date");
    Objects.requireNonNull(text, "null text");
    Objects.requireNonNull(owner, "null owner");
    Objects.requireNonNull(issueUrl, "null issueUrl");
    Objects.requireNonNull(issueNumber, "null issueNumber");
  }

  /** A decision. */
  public static Logged decision(LocalDate date, String text) {
    return new Logged(date, text, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** A follow-up, not (yet) an issue. */
  public static Logged followUp(LocalDate date, String owner, String task) {
    return new Logged(date, task, Optional.of(owner), Optional.empty(), Optional.empty());
  }

  public boolean isFollowUp() {
    return owner.isPresent();
  }
}
