package dev.specbot.github.fake;

import java.time.Instant;
import java.util.List;

/** An issue as the fake holds it, for tests to check. */
public record FakeIssue(
    int number,
    String title,
    String body,
    List<String> labels,
    List<String> assignees,
    String state,
    String author,
    Instant createdAt,
    Instant updatedAt) {
  public FakeIssue {
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }
}
