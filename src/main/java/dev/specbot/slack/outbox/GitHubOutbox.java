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
public record GitHubOutbox(GitHubIssues issues, Published published, TicketsMade ticketsMade) {
  public GitHubOutbox {
    Objects.requireNonNull(issues, "null issues");
    Objects.requireNonNull(published, "null published");
    Objects.requireNonNull(ticketsMade, "null ticketsMade");
  }

  /** Without tickets: nothing follows their issues being made. */
  public GitHubOutbox(GitHubIssues issues, Published published) {
    this(issues, published, interviewId -> {});
  }

  /**
   * What follows a spec's tickets all being made (or refused): the document posted again with them,
   * and the list in the thread. Called after the commit that recorded the last, on the sender's
   * thread, since the document is rendered again.
   */
  @FunctionalInterface
  public interface TicketsMade {
    void made(String interviewId);
  }

  /** Queues what follows a spec's issue being made, in the transaction that records it. */
  @FunctionalInterface
  public interface Published {
    void published(Tx tx, SpecIssue issue, Instant now);
  }
}
