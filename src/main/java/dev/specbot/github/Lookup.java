package dev.specbot.github;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to look for an issue specbot may have created: among those created since an earlier attempt
 * began, and, to read fewer, only those by one login or with some labels. A label filter misses an
 * issue whose labels GitHub dropped (the token may not push), so a creator is the safer narrowing.
 *
 * @param since when the earliest attempt that may have created it began; issues created more than a
 *     few minutes before (GitHub's clock may differ from ours) are not read
 * @param creator the login of the token's owner, as GitHub shows it ({@code name[bot]} for an app)
 * @param labels labels the issue was created with, all of which it must have
 */
public record Lookup(Instant since, Optional<String> creator, List<String> labels) {
  public Lookup {
    Objects.requireNonNull(since, "null since");
    Objects.requireNonNull(creator, "null creator");
    labels = List.copyOf(labels);
  }

  /** Issues created since {@code since}, by anyone. */
  public static Lookup since(Instant since) {
    return new Lookup(since, Optional.empty(), List.of());
  }

  /** The same, created by {@code login} only. */
  public Lookup byCreator(String login) {
    return new Lookup(since, Optional.of(login), labels);
  }

  /** The same, with all of {@code labels} only. */
  public Lookup withLabels(List<String> labels) {
    return new Lookup(since, creator, labels);
  }
}
