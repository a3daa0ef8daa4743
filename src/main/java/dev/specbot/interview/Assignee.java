package dev.specbot.interview;

import java.time.Instant;
import java.util.Objects;

/**
 * The teammate a question was handed to: their replies in the thread answer it.
 *
 * @param id who: a Slack user id
 * @param name the co-author as the document names them, read when the question was handed over
 * @param assignedAt when it was handed over
 */
public record Assignee(String id, String name, Instant assignedAt) {
  public Assignee {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(name, "null name");
    Objects.requireNonNull(assignedAt, "null assignedAt");
  }
}
