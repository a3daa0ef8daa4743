package dev.specbot.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A spec published (or being published) as a GitHub issue, as stored.
 *
 * @param repository {@code owner/repo}
 * @param labels the labels it was asked for with
 * @param assignees the GitHub logins it was asked for with
 * @param number the issue's number, once GitHub made it
 * @param url where people read it, once GitHub made it
 * @param requestedAt when it was queued: the earliest an attempt to create it can have begun
 * @param publishedAt when specbot learnt GitHub had made it
 */
public record SpecIssue(
    String interviewId,
    String repository,
    String title,
    List<String> labels,
    List<String> assignees,
    State state,
    Optional<Integer> number,
    Optional<String> url,
    Instant requestedAt,
    Optional<Instant> publishedAt) {

  /** Where a publish stands. */
  public enum State {
    /** Queued; GitHub has not (as far as specbot knows) made the issue yet. */
    PUBLISHING,
    /** GitHub made the issue: its number and address are known. */
    PUBLISHED,
    /** GitHub refused it for good; the drafter may ask again once that is fixed. */
    REFUSED
  }

  public SpecIssue {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(repository, "null repository");
    Objects.requireNonNull(title, "null title");
    labels = List.copyOf(labels);
    assignees = List.copyOf(assignees);
    Objects.requireNonNull(state, "null state");
    Objects.requireNonNull(number, "null number");
    Objects.requireNonNull(url, "null url");
    Objects.requireNonNull(requestedAt, "null requestedAt");
    Objects.requireNonNull(publishedAt, "null publishedAt");
  }

  /** The issue's address, once it is published. */
  public Optional<String> link() {
    return state == State.PUBLISHED ? url : Optional.empty();
  }
}
