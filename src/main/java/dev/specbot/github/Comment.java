package dev.specbot.github;

import java.util.Objects;

/**
 * A comment on an issue, as GitHub answered with it.
 *
 * @param id GitHub's id of it (beyond an int's range on github.com)
 * @param htmlUrl where people read it
 * @param body its markdown, with specbot's marker
 */
public record Comment(long id, String htmlUrl, String body) {
  public Comment {
    Objects.requireNonNull(htmlUrl, "null htmlUrl");
    Objects.requireNonNull(body, "null body");
  }
}
