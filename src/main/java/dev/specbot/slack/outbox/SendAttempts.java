package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.metrics.OutboxMetrics;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.SlackRetries;
import dev.specbot.storage.Database;
import dev.specbot.storage.OutboxMessage;
import dev.specbot.storage.SendHistory;
import dev.specbot.storage.SlackPlace;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a sender does with one claimed outbox message: sends it through {@link SlackSender}, then
 * hands Slack's answer back to be recorded, or records that the message waits to be tried again or
 * is set aside for good.
 */
final class SendAttempts {
  private static final Logger log = LoggerFactory.getLogger(SendAttempts.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final OutboxMetrics metrics;
  private final Supplier<Optional<String>> workspaceUrl;
  private final Optional<GitHubSender> gitHub;
  private final Optional<HomeSender> home;

  SendAttempts(
      Database database,
      MethodsClient slack,
      Clock clock,
      OutboxMetrics metrics,
      Supplier<Optional<String>> workspaceUrl,
      Optional<GitHubOutbox> gitHub,
      Optional<HomeSender> home) {
    this.database = database;
    this.home = home;
    this.slack = slack;
    this.clock = clock;
    this.metrics = metrics;
    this.workspaceUrl = workspaceUrl;
    this.gitHub = gitHub.map(outbox -> new GitHubSender(database, outbox, clock));
  }

  /** A message taken for sending: what its earlier senders left, and where it goes. */
  record Claimed(
      OutboxMessage message, Delivery delivery, SendHistory history, Optional<SlackPlace> place) {}

  /** What a sender took out of Slack's answer, for the record. */
  record Sent(String messageId, String result) {}

  /**
   * Sends the message; returns Slack's answer for the dispatcher to record, or nothing when the
   * message waits to be tried again, is set aside, or is left for its claim to run out.
   */
  Optional<Sent> send(Claimed claimed) {
    OutboxMessage message = claimed.message();
    Delivery delivery = claimed.delivery();
    if (delivery.isGitHub()) {
      return toGitHub(claimed);
    }
    if (delivery.kind() == Delivery.Kind.PUBLISH_HOME && home.isEmpty()) {
      giveUp(message, delivery, "this bot renders no Home tab");
      return Optional.empty();
    }
    if (isAtMostOnce(delivery) && claimed.history().outcomeUnknown()) {
      notSentAgain(message, "an earlier sender stopped mid-call");
      return Optional.empty();
    }
    SlackSender sender = new SlackSender(database, slack, clock, workspaceUrl);
    try {
      String result =
          delivery.kind() == Delivery.Kind.PUBLISH_HOME
              ? home.orElseThrow().publish(delivery)
              : sender.send(delivery, message.id(), claimed.history(), claimed.place());
      delivery.turnStart().ifPresent(input -> metrics.questionSent(input, clock.instant()));
      return Optional.of(new Sent(message.id(), result));
    } catch (LookAgainLater notYet) {
      lookAgain(message, notYet);
    } catch (SlackApiException | IOException | SlackCallFailed e) {
      failed(message, delivery, e, sender.changedSlack());
    } catch (RuntimeException e) {
      // A bug or a database hiccup while settling: the claim runs out and the message is tried
      // again; Slack's record (the message's metadata, the upload's file) keeps it from appearing
      // twice.
      log.error("Sending outbox message {} (lane {}) failed", message.id(), message.lane(), e);
    }
    return Optional.empty();
  }

  private Optional<Sent> toGitHub(Claimed claimed) {
    if (gitHub.isPresent()) {
      return gitHub.get().send(claimed);
    }
    giveUp(
        claimed.message(),
        claimed.delivery(),
        "SPECBOT_GITHUB_TOKEN is no longer set: nothing goes to GitHub");
    return Optional.empty();
  }

  /**
   * Ephemeral notes are sent at most once. Slack keeps no record of them that specbot could look
   * up, so one whose call may have reached Slack (its sender died mid-call, the call timed out, or
   * Slack answered with an error that allows it was done) is not sent again, while one Slack
   * certainly did not take (unreachable, rate-limited, refused) is retried as any message is.
   *
   * <p>Why not at least once: these notes answer a button someone just pressed ("this is Alice's
   * spec", "the interview was cancelled"). Seen twice, the second copy arrives late, out of
   * context, and reads as a bug; missed, the person presses again and is told again, or sees the
   * state the note describes in the thread itself. A lost note is logged with its ids.
   */
  private static boolean isAtMostOnce(Delivery delivery) {
    return delivery.kind() == Delivery.Kind.POST_EPHEMERAL;
  }

  /** Slack may have shown the message: it is set aside, not sent again (see isAtMostOnce). */
  private void notSentAgain(OutboxMessage message, String why) {
    String reason = "not sent again: Slack may have shown it (" + why + ")";
    log.warn("Ephemeral outbox message {} (lane {}) {}", message.id(), message.lane(), reason);
    database.transaction(
        tx -> {
          tx.outbox().markFailed(message.id(), clock.instant(), reason);
          return null;
        });
  }

  private void lookAgain(OutboxMessage message, LookAgainLater notYet) {
    log.info(
        "Outbox message {} (lane {}): {}; looking again at {}",
        message.id(),
        message.lane(),
        notYet.getMessage(),
        notYet.at());
    database.transaction(
        tx -> {
          tx.outbox().retryLater(message.id(), notYet.at(), notYet.getMessage());
          return null;
        });
  }

  /** Slack did not take the message: it waits and is sent again, or is set aside for good. */
  private void failed(OutboxMessage message, Delivery delivery, Exception e, boolean partlyTaken) {
    if (isAtMostOnce(delivery) && !DefiniteRefusal.is(e)) {
      notSentAgain(message, SlackRetries.describe(e));
      return;
    }
    Optional<Duration> delay = SlackRetries.delay(e, backoff(message));
    if (delay.isPresent()) {
      retry(message, delay.get(), SlackRetries.describe(e), !partlyTaken && DefiniteRefusal.is(e));
      return;
    }
    giveUp(message, delivery, SlackRetries.describe(e));
    if (e instanceof SlackCallFailed refused) {
      tellTheDrafter(delivery, refused.error());
    }
  }

  /** 1, 2, 4... seconds, at most a minute: Slack outages are usually short. */
  private static Duration backoff(OutboxMessage message) {
    int exponent = Math.min(message.attempts(), 6);
    Duration delay = Duration.ofSeconds(1L << exponent);
    return delay.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : delay;
  }

  /**
   * {@code refused}: Slack certainly did not do it (a 429 among others), so the next sender need
   * not look for it in Slack first.
   */
  private void retry(OutboxMessage message, Duration delay, String why, boolean refused) {
    log.warn(
        "Slack call for outbox message {} (lane {}, {}) failed: {}; retrying in {}s",
        message.id(),
        message.lane(),
        message.kind(),
        why,
        delay.toSeconds());
    Instant next = clock.instant().plus(delay);
    database.transaction(
        tx -> {
          if (refused) {
            tx.outbox().retryNotTaken(message.id(), next, why);
          } else {
            tx.outbox().retryLater(message.id(), next, why);
          }
          return null;
        });
  }

  private void giveUp(OutboxMessage message, Delivery delivery, String why) {
    log.error(
        "Slack call for outbox message {} (lane {}, {}, interview {}, channel {}) cannot succeed: {}",
        message.id(),
        message.lane(),
        message.kind(),
        delivery.interviewId(),
        delivery.channel(),
        why);
    database.transaction(
        tx -> {
          tx.outbox().markFailed(message.id(), clock.instant(), why);
          return null;
        });
  }

  /**
   * A message in an interview's thread that Slack refuses for good: the drafter hears of it, in the
   * thread when only that message was wrong, or in private when the thread itself is gone.
   */
  private void tellTheDrafter(Delivery delivery, String error) {
    boolean inThread =
        delivery.kind() == Delivery.Kind.POST_IN_THREAD
            || delivery.kind() == Delivery.Kind.UPLOAD_IN_THREAD;
    if (!inThread || delivery.interviewId() == null) {
      return; // Private notes and DMs that fail are only logged: telling would fail the same way.
    }
    database.transaction(
        tx -> {
          // Once per interview and error: a gone channel fails every later message the same way.
          if (!tx.events()
              .firstTimeFor(
                  delivery.interviewId(),
                  "refused:" + delivery.interviewId() + ":" + error,
                  clock.instant())) {
            return null;
          }
          tx.interviews()
              .find(delivery.interviewId())
              .ifPresent(
                  stored ->
                      RefusedBySlack.notice(delivery, stored, error).enqueue(tx, clock.instant()));
          return null;
        });
  }
}
