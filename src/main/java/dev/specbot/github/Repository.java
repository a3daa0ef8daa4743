package dev.specbot.github;

import java.util.Objects;

/**
 * A GitHub repository, {@code owner/name}.
 *
 * @param owner a user's or organization's login
 * @param name the repository's name, such as {@code specs} or {@code .github}
 */
public record Repository(String owner, String name) {
  /** The longest GitHub login, and the longest repository name. */
  private static final int MAX_OWNER = 39;

  private static final int MAX_NAME = 100;

  public Repository {
    Objects.requireNonNull(owner, "null owner");
    Objects.requireNonNull(name, "null name");
    if (!isOwner(owner) || !isName(name)) {
      throw new IllegalArgumentException(
          "a repository is owner/repo, such as echo-team/specs, not \""
              + owner
              + "/"
              + name
              + "\"");
    }
  }

  /**
   * Reads {@code owner/repo}, as a template's {@code specbot: github:} or {@code
   * SPECBOT_GITHUB_REPO} names one.
   *
   * @throws IllegalArgumentException saying what a repository looks like
   */
  public static Repository parse(String text) {
    Objects.requireNonNull(text, "null repository");
    String stripped = text.strip();
    int slash = stripped.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException(
          "a repository is owner/repo, such as echo-team/specs, not \"" + text + "\"");
    }
    return new Repository(stripped.substring(0, slash), stripped.substring(slash + 1));
  }

  /**
   * A login: letters, digits, dashes and underscores (an enterprise's managed users have one), not
   * starting with a dash. Checked by hand, as every check of text here is.
   */
  private static boolean isOwner(String owner) {
    return !owner.isEmpty()
        && owner.length() <= MAX_OWNER
        && owner.charAt(0) != '-'
        && owner.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-' || c == '_');
  }

  /** A repository name: letters, digits, dashes, underscores and dots, but not "." or "..". */
  private static boolean isName(String name) {
    return !name.isEmpty()
        && name.length() <= MAX_NAME
        && !name.equals(".")
        && !name.equals("..")
        && name.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** {@code owner/name}. */
  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
