package dev.specbot.github;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * An issue to create: its title (see {@link IssueTitle}), its body in markdown, and the labels and
 * assignees a template's front matter gives.
 *
 * @param labels label names; GitHub creates one the repository does not have yet, and drops them
 *     all silently when the token may not push to the repository
 * @param assignees GitHub logins, each once, ignoring letter case and a leading {@code @}; GitHub
 *     refuses one who has no access to the repository (422)
 */
public record NewIssue(String title, String body, List<String> labels, List<String> assignees) {
  public NewIssue {
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(body, "null body");
    if (title.isBlank()) {
      throw new IllegalArgumentException("an issue needs a title");
    }
    labels = once(labels, "");
    assignees = once(assignees, "@");
  }

  /**
   * This issue, also assigned to {@code login} (the drafter's GitHub login, where one is
   * configured).
   */
  public NewIssue withAssignee(String login) {
    List<String> more = new ArrayList<>(assignees);
    more.add(Objects.requireNonNull(login, "null login"));
    return new NewIssue(title, body, labels, more);
  }

  private static List<String> once(List<String> items, String dropPrefix) {
    List<String> kept = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : items) {
      String stripped = Objects.requireNonNull(item, "null item").strip();
      if (!dropPrefix.isEmpty() && stripped.startsWith(dropPrefix)) {
        stripped = stripped.substring(dropPrefix.length()).strip();
      }
      if (!stripped.isEmpty() && seen.add(stripped.toLowerCase(Locale.ROOT))) {
        kept.add(stripped);
      }
    }
    return List.copyOf(kept);
  }
}
