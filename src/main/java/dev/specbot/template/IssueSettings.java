package dev.specbot.template;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a GitHub issue made from a spec carries, as its template says: the {@code title}, {@code
 * labels} and {@code assignees} of a GitHub issue template's front matter, and the repository its
 * {@code specbot: github: owner/repo} override names.
 *
 * @param titlePattern the issue's title with a placeholder for the spec's subject, such as {@code
 *     [SUBJECT] Tech Spec}; empty when the front matter is not an issue template's (a document's
 *     {@code title} names the template, not the issues made from it)
 * @param labels label names, in the order written, each once
 * @param assignees GitHub logins, in the order written, each once
 * @param repository {@code owner/repo}, checked for that shape; empty when the template names none
 * @param publishOnApproval whether a spec is published as soon as its review approves it ({@code
 *     specbot: github: {publish: on-approval}}), rather than when its drafter asks
 */
public record IssueSettings(
    Optional<String> titlePattern,
    List<String> labels,
    List<String> assignees,
    Optional<String> repository,
    boolean publishOnApproval) {
  /** A template that says nothing about issues. */
  public static final IssueSettings NONE =
      new IssueSettings(Optional.empty(), List.of(), List.of(), Optional.empty());

  /** Settings whose specs are published when their drafter asks. */
  public IssueSettings(
      Optional<String> titlePattern,
      List<String> labels,
      List<String> assignees,
      Optional<String> repository) {
    this(titlePattern, labels, assignees, repository, false);
  }

  public IssueSettings {
    Objects.requireNonNull(titlePattern, "null titlePattern");
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
    Objects.requireNonNull(repository, "null repository");
  }
}
