package dev.specbot.slack.outbox;

import dev.specbot.github.GitHubFailure;
import dev.specbot.github.GitHubIssues;
import dev.specbot.github.Issue;
import dev.specbot.github.Lookup;
import dev.specbot.github.Marker;
import dev.specbot.github.NewIssue;
import dev.specbot.github.Repository;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.outbox.SendAttempts.Claimed;
import dev.specbot.slack.outbox.SendAttempts.Sent;
import dev.specbot.storage.Database;
import dev.specbot.storage.OutboxMessage;
import dev.specbot.storage.SpecIssue;
import dev.specbot.storage.SpecTicket;
import dev.specbot.storage.Tx;
import dev.specbot.tickets.Ticket;
import dev.specbot.tickets.TicketIssue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one delivery to GitHub, once: the spec's issue (looked for by its marker before it is
 * made again, when an earlier attempt may have made it), an edit of its body, a comment, or a
 * ticket's issue linking back to it (each looked for by its marker likewise). GitHub's failures are
 * handled as Slack's are: retried after the wait GitHub asked for ({@code Retry-After}, {@code
 * x-ratelimit-reset}) or a backoff; refused for good, set aside with the drafter told once, in the
 * thread, in plain words.
 */
final class GitHubSender {
  private static final Logger log = LoggerFactory.getLogger(GitHubSender.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

  /** How soon an edit or comment looks again for an issue still being made. */
  static final Duration ISSUE_PENDING_WAIT = Duration.ofSeconds(2);

  private final Database database;
  private final GitHubIssues issues;
  private final GitHubOutbox.Published published;
  private final GitHubOutbox.TicketsMade ticketsMade;
  private final Clock clock;

  GitHubSender(Database database, GitHubOutbox gitHub, Clock clock) {
    this.database = database;
    this.issues = gitHub.issues();
    this.published = gitHub.published();
    this.ticketsMade = gitHub.ticketsMade();
    this.clock = clock;
  }

  /** Sends; returns what to record, or nothing when the message waits or is set aside. */
  Optional<Sent> send(Claimed claimed) {
    OutboxMessage message = claimed.message();
    Delivery delivery = claimed.delivery();
    String interviewId = delivery.interviewId();
    Optional<SpecIssue> row = database.transaction(tx -> tx.specIssues().find(interviewId));
    if (row.isEmpty() || row.get().state() == SpecIssue.State.REFUSED) {
      // Nothing to publish, edit or comment on: GitHub refused the issue, and the drafter knows.
      if (delivery.kind() == Delivery.Kind.GITHUB_TICKET) {
        // With no spec's issue to link back to, the ticket is not made: it may be proposed again.
        notMade(interviewId, delivery.text());
      }
      return Optional.of(new Sent(message.id(), ""));
    }
    SpecIssue issue = row.get();
    try {
      return switch (delivery.kind()) {
        case GITHUB_PUBLISH -> Optional.of(new Sent(message.id(), publish(claimed, issue)));
        case GITHUB_TICKET -> {
          if (issue.state() != SpecIssue.State.PUBLISHED) {
            waitForIssue(message);
            yield Optional.empty();
          }
          yield Optional.of(new Sent(message.id(), ticket(claimed, issue)));
        }
        case GITHUB_EDIT, GITHUB_COMMENT -> {
          if (issue.state() != SpecIssue.State.PUBLISHED) {
            waitForIssue(message);
            yield Optional.empty();
          }
          yield Optional.of(new Sent(message.id(), change(claimed, issue)));
        }
        default -> throw new IllegalStateException("not for GitHub: " + delivery.kind());
      };
    } catch (GitHubFailure failure) {
      if (failure instanceof GitHubFailure.RetryLater later) {
        retry(message, later);
      } else if (failure instanceof GitHubFailure.Refused refused) {
        refused(message, delivery, issue, refused);
      }
    } catch (RuntimeException e) {
      // A bug or a database hiccup: the claim runs out and the message is tried again; the marker
      // keeps GitHub from getting it twice.
      log.error("Sending outbox message {} (lane {}) failed", message.id(), message.lane(), e);
    }
    return Optional.empty();
  }

  private String publish(Claimed claimed, SpecIssue issue) throws GitHubFailure {
    if (issue.state() == SpecIssue.State.PUBLISHED) {
      return "#" + issue.number().orElseThrow(); // Made and recorded before a crash: not again.
    }
    Delivery delivery = claimed.delivery();
    String interviewId = delivery.interviewId();
    Optional<Lookup> earlier =
        claimed.history().takenBefore()
            ? Optional.of(Lookup.since(issue.requestedAt()))
            : Optional.empty();
    Issue made =
        issues.createOnce(
            Repository.parse(issue.repository()),
            Marker.spec(interviewId),
            new NewIssue(issue.title(), delivery.text(), issue.labels(), issue.assignees()),
            earlier);
    Instant now = clock.instant();
    database.transaction(
        tx -> {
          tx.specIssues().published(interviewId, made.number(), made.htmlUrl(), now);
          published.published(tx, tx.specIssues().find(interviewId).orElseThrow(), now);
          GitHubLanes.canvasAgain(tx, interviewId, now);
          return null;
        });
    log.info(
        "Spec {} published as {}#{} ({})",
        interviewId,
        issue.repository(),
        made.number(),
        made.htmlUrl());
    return "#" + made.number();
  }

  /**
   * A ticket's issue, in the spec's repository, linking back to the spec's issue; made once across
   * a crash or a lost answer, looked for by its marker. The last of the spec's tickets settled
   * posts the document again with them (see {@link GitHubOutbox.TicketsMade}).
   */
  private String ticket(Claimed claimed, SpecIssue issue) throws GitHubFailure {
    String interviewId = claimed.delivery().interviewId();
    String key = claimed.delivery().text();
    Optional<SpecTicket> stored =
        database.transaction(tx -> tx.specTickets().find(interviewId, key));
    if (stored.isEmpty() || stored.get().state() != SpecTicket.State.CREATING) {
      // Made before a crash, or before what follows failed: that follows now (once, as it keeps).
      if (database.transaction(tx -> isSettled(tx, interviewId))) {
        ticketsMade.made(interviewId);
      }
      return stored.flatMap(SpecTicket::number).map(number -> "#" + number).orElse("");
    }
    SpecTicket ticket = stored.get();
    Optional<Lookup> earlier =
        claimed.history().takenBefore()
            ? Optional.of(Lookup.since(ticket.requestedAt()))
            : Optional.empty();
    String body =
        TicketIssue.body(
            new Ticket(ticket.key(), ticket.title(), ticket.section(), ticket.body()),
            "#" + issue.number().orElseThrow());
    Issue made =
        issues.createOnce(
            Repository.parse(issue.repository()),
            ticketMarker(interviewId, key),
            new NewIssue(ticket.title(), body, List.of(), List.of()),
            earlier);
    Instant now = clock.instant();
    boolean settled =
        database.transaction(
            tx -> {
              tx.specTickets().created(interviewId, key, made.number(), made.htmlUrl(), now);
              return isSettled(tx, interviewId);
            });
    log.info(
        "Ticket {} of spec {} made as {}#{}", key, interviewId, issue.repository(), made.number());
    if (settled) {
      ticketsMade.made(interviewId);
    }
    return "#" + made.number();
  }

  /** A ticket that cannot be made, its spec's issue refused: it may be proposed again. */
  private void notMade(String interviewId, String key) {
    boolean settled =
        database.transaction(
            tx -> {
              tx.specTickets().refused(interviewId, key);
              return isSettled(tx, interviewId);
            });
    if (settled) {
      ticketsMade.made(interviewId);
    }
  }

  static Marker ticketMarker(String interviewId, String key) {
    return new Marker("ticket", interviewId + "/" + key);
  }

  /** Whether none of the spec's tickets is still being made. */
  private static boolean isSettled(Tx tx, String interviewId) {
    return tx.specTickets().of(interviewId).stream()
        .noneMatch(t -> t.state() == SpecTicket.State.CREATING);
  }

  private String change(Claimed claimed, SpecIssue issue) throws GitHubFailure {
    Delivery delivery = claimed.delivery();
    Repository repository = Repository.parse(issue.repository());
    int number = issue.number().orElseThrow();
    if (delivery.kind() == Delivery.Kind.GITHUB_EDIT) {
      issues.editBody(repository, number, Marker.spec(delivery.interviewId()), delivery.text());
      return "#" + number;
    }
    // No comment of this message's can predate the issue: look from when it was made.
    Optional<Instant> earlier =
        claimed.history().takenBefore()
            ? Optional.of(issue.publishedAt().orElse(issue.requestedAt()))
            : Optional.empty();
    return String.valueOf(
        issues
            .commentOnce(
                repository, number, Marker.event(claimed.message().id()), delivery.text(), earlier)
            .id());
  }

  /** The issue is still being made, in the other lane: look again shortly, as not taken. */
  private void waitForIssue(OutboxMessage message) {
    Instant next = clock.instant().plus(ISSUE_PENDING_WAIT);
    database.transaction(
        tx -> {
          tx.outbox().retryNotTaken(message.id(), next, "waiting for the issue to be made");
          return null;
        });
  }

  private void retry(OutboxMessage message, GitHubFailure.RetryLater later) {
    Duration delay = later.after(backoff(message));
    log.warn(
        "GitHub call for outbox message {} (lane {}, {}) failed: {}; retrying in {}s",
        message.id(),
        message.lane(),
        message.kind(),
        later.getMessage(),
        delay.toSeconds());
    Instant next = clock.instant().plus(delay);
    database.transaction(
        tx -> {
          if (later.certainlyNotDone()) {
            tx.outbox().retryNotTaken(message.id(), next, later.getMessage());
          } else {
            // It may have been carried out: the next attempt looks for it by its marker first.
            tx.outbox().retryLater(message.id(), next, later.getMessage());
          }
          return null;
        });
  }

  /** 1, 2, 4... seconds, at most a minute, when GitHub named no wait. */
  private static Duration backoff(OutboxMessage message) {
    int exponent = Math.min(message.attempts(), 6);
    Duration delay = Duration.ofSeconds(1L << exponent);
    return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
  }

  /**
   * Set aside for good; a refused issue may be asked for again; the drafter is told once per spec
   * and refusal, since a bad token refuses every later edit the same way.
   */
  private void refused(
      OutboxMessage message, Delivery delivery, SpecIssue issue, GitHubFailure.Refused refused) {
    log.error(
        "GitHub refused outbox message {} (lane {}, {}, interview {}, {}): {}",
        message.id(),
        message.lane(),
        message.kind(),
        delivery.interviewId(),
        issue.repository(),
        refused.getMessage());
    Instant now = clock.instant();
    String interviewId = delivery.interviewId();
    boolean ticketsSettled =
        database.transaction(
            tx -> {
              tx.outbox().markFailed(message.id(), now, refused.getMessage());
              if (delivery.kind() == Delivery.Kind.GITHUB_PUBLISH) {
                tx.specIssues().refused(interviewId);
              }
              if (delivery.kind() == Delivery.Kind.GITHUB_TICKET) {
                tx.specTickets().refused(interviewId, delivery.text());
              }
              // Each publish the drafter asks for hears its answer; edits and comments, once.
              String key =
                  delivery.kind() == Delivery.Kind.GITHUB_PUBLISH
                      ? "github-refused:" + message.id()
                      : "github-refused:"
                          + delivery.kind()
                          + ":"
                          + refused.status()
                          + ":"
                          + interviewId;
              if (tx.events().firstTimeFor(interviewId, key, now)) {
                String text =
                    SlackText.escape(refused.plainWords())
                        + switch (delivery.kind()) {
                          case GITHUB_PUBLISH ->
                              " Once that is fixed, write `publish` here to try again.";
                          case GITHUB_TICKET ->
                              " Once that is fixed, write `tickets` here to propose the tickets"
                                  + " not made again.";
                          default -> "";
                        };
                Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, interviewId, text, null)
                    .enqueue(tx, now);
              }
              return delivery.kind() == Delivery.Kind.GITHUB_TICKET && isSettled(tx, interviewId);
            });
    if (ticketsSettled) {
      // The tickets made before this refusal are listed, and the document shows them.
      ticketsMade.made(interviewId);
    }
  }
}
