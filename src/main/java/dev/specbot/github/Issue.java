package dev.specbot.github;

import java.util.List;
import java.util.Objects;

/**
 * An issue as GitHub answered with it.
 *
 * @param number its number in the repository, as in {@code #12}
 * @param htmlUrl where people read it
 * @param body its markdown, with specbot's marker; empty when it has none
 * @param state {@code open} or {@code closed}
 */
public record Issue(
    int number,
    String htmlUrl,
    String title,
    String body,
    String state,
    List<String> labels,
    List<String> assignees) {
  public Issue {
    Objects.requireNonNull(htmlUrl, "null htmlUrl");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(body, "null body");
    Objects.requireNonNull(state, "null state");
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }
}
