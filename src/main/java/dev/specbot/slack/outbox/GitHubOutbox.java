package dev.specbot.slack.outbox;

import dev.specbot.github.GitHubIssues;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.Tx;
import java.time.Instant;
import java.util.Objects;

/**
 * What the outbox needs to send to GitHub: the client, and what to do once a spec's issue is made
 * (say so in the thread, link it from the parent), which the stage that publishes knows.
 */
public record GitHubOutbox(GitHubIssues issues, Published published) {
  public GitHubOutbox {
    Objects.requireNonNull(issues, "null issues");
    Objects.requireNonNull(published, "null published");
  }

  /** Queues what follows a spec's issue being made, in the transaction that records it. */
  @FunctionalInterface
  public interface Published {
    void published(Tx tx, SpecIssue issue, Instant now);
  }
}
