package dev.specbot.slack.outbox;

import com.google.gson.Gson;
import java.util.List;
import java.util.Objects;

/**
 * The GitHub issue a spec is published as, as it was asked for: where it goes and what it carries
 * besides the spec itself, which is its body.
 *
 * @param repository {@code owner/repo}
 * @param title the template's title pattern, filled with the spec's title
 * @param labels the template's labels
 * @param assignees the template's assignees, and the drafter's login where one is configured
 */
public record IssueRequest(
    String repository, String title, List<String> labels, List<String> assignees) {
  private static final Gson GSON = new Gson();

  public IssueRequest {
    Objects.requireNonNull(repository, "null repository");
    Objects.requireNonNull(title, "null title");
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
  }

  String toJson() {
    return GSON.toJson(this);
  }

  static IssueRequest fromJson(String json) {
    return GSON.fromJson(json, IssueRequest.class);
  }
}
