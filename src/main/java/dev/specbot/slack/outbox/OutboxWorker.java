package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import dev.specbot.background.DaemonThreads;
import dev.specbot.background.WorkSignal;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.SlackRetries;
import dev.specbot.storage.Database;
import dev.specbot.storage.OutboxMessage;
import dev.specbot.storage.SendHistory;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.Tx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to Slack, one message at a time in the order each interview queued them. When
 * Slack is unavailable (429, 5xx, network) a message waits and is retried, honouring {@code
 * Retry-After}; a call that can never succeed is logged with its ids and set aside so the
 * interview's later messages still go out. A message that may be in Slack already (its sender died,
 * or its call timed out) is looked for there before it is sent again (see {@link SlackSender}); an
 * ephemeral note, which cannot be looked for, is sent at most once (see {@link #isAtMostOnce}).
 *
 * <p>One dispatcher claims what is due, in one transaction, and hands each message to a pool of
 * senders: many interviews' messages are in flight at once (a Slack call spends most of its time
 * waiting on the network), while each interview's lane still has at most one.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(1);
  private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

  /** Longer than any one Slack call with its timeouts, so a live sender never loses its claim. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  /**
   * Slack calls in flight at once, each for a different lane. Slack answers in a few hundred
   * milliseconds from most places, so a busy workspace needs many at once; Slack's own rate limits
   * are honoured per call through {@code Retry-After}.
   */
  private static final int SENDERS = 16;

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final WorkSignal signal = new WorkSignal();
  // Sent, not yet recorded: the dispatcher records them with its next claim.
  private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
  private final Semaphore idleSenders = new Semaphore(SENDERS);
  private final ExecutorService senders;
  private final Thread dispatcher;
  private volatile boolean running = true;
  private volatile String owner = "unstarted";

  public OutboxWorker(Database database, MethodsClient slack, Clock clock) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
    this.senders = Executors.newFixedThreadPool(SENDERS, DaemonThreads.numbered("specbot-outbox"));
    this.dispatcher = DaemonThreads.of("specbot-outbox", this::dispatch);
  }

  /**
   * Starts sending as {@code owner} (this bot's host and port): messages it claimed before a crash
   * are sent again at once.
   */
  public void start(String owner) {
    this.owner = owner;
    int released = database.transaction(tx -> tx.outbox().releaseClaims(owner, clock.instant()));
    if (released > 0) {
      log.info("Taking back {} outbox messages claimed before a restart", released);
    }
    dispatcher.start();
  }

  /** Something was queued: send it now rather than at the next check. */
  public void wake() {
    signal.wake();
  }

  @Override
  public void close() {
    running = false;
    wake();
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
      senders.shutdown();
      senders.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recordLastSent();
  }

  /**
   * Records what was sent since the dispatcher's last round. Were it lost, each of those messages
   * would be found in Slack by its metadata after the restart, not posted again; this saves the
   * look.
   */
  private void recordLastSent() {
    List<Sent> last = drain(sent);
    if (last.isEmpty()) {
      return;
    }
    try {
      database.transaction(
          tx -> {
            recordSent(tx, last, clock.instant());
            return null;
          });
    } catch (RuntimeException e) {
      log.warn("Could not record {} sent outbox messages while stopping", last.size(), e);
    }
  }

  private void dispatch() {
    while (running) {
      List<Sent> sent = drain(this.sent);
      int idle = idleSenders.availablePermits();
      Round round;
      try {
        round = idle == 0 && sent.isEmpty() ? Round.BUSY : settleAndClaim(sent, idle);
      } catch (RuntimeException e) {
        // The database may be locked or full for a moment: wait and try again, never die.
        log.error("Outbox dispatcher failed; trying again shortly", e);
        this.sent.addAll(sent);
        awaitWork(IDLE_CHECK);
        continue;
      }
      round.claimed().forEach(this::handOver);
      if (round.claimed().isEmpty()) {
        awaitWork(round.untilNextDue());
      }
    }
  }

  /** What a sender took out of Slack's answer, for the record. */
  private record Sent(String messageId, String result) {}

  /** What one round of the dispatcher took, or how long it may wait for more. */
  private record Round(List<Claimed> claimed, Duration untilNextDue) {
    static final Round BUSY = new Round(List.of(), IDLE_CHECK);
  }

  private static <T> List<T> drain(Queue<T> queue) {
    List<T> drained = new ArrayList<>();
    for (T item = queue.poll(); item != null; item = queue.poll()) {
      drained.add(item);
    }
    return drained;
  }

  /**
   * Records what the senders sent and claims what is due, in one transaction: the database has one
   * writer, and a transaction per sent message would keep every sender and every request waiting
   * for it. A lane's next message is due once the one before it is recorded.
   */
  private Round settleAndClaim(List<Sent> sent, int limit) {
    Instant now = clock.instant();
    return database.transaction(
        tx -> {
          recordSent(tx, sent, now);
          if (limit == 0) {
            return Round.BUSY;
          }
          List<Claimed> claimed = claimDue(tx, now, limit);
          if (!claimed.isEmpty()) {
            return new Round(claimed, Duration.ZERO);
          }
          // Nothing due: wait until the first lane can send, at most IDLE_CHECK.
          Duration untilDue =
              tx.outbox()
                  .nextDueAt()
                  .map(due -> Duration.between(now, due))
                  .filter(wait -> wait.compareTo(IDLE_CHECK) < 0)
                  .orElse(IDLE_CHECK);
          return new Round(List.of(), untilDue);
        });
  }

  private static void recordSent(Tx tx, List<Sent> sent, Instant now) {
    for (Sent one : sent) {
      try {
        tx.outbox().markSent(one.messageId(), now, one.result());
      } catch (IllegalStateException settledElsewhere) {
        // Its claim ran out during a stall and another sender took it; Slack's record (the
        // message's metadata) kept it from appearing twice.
        log.warn("Outbox message {} was settled by another sender", one.messageId());
      }
    }
  }

  /** A message taken for sending: what its earlier senders left, and where it goes. */
  private record Claimed(
      OutboxMessage message, Delivery delivery, SendHistory history, Optional<SlackPlace> place) {}

  /**
   * Takes up to {@code limit} due messages, each the first of its lane, and reads what sending them
   * needs, in one transaction. A message another bot took first is left to it.
   */
  private List<Claimed> claimDue(Tx tx, Instant now, int limit) {
    List<Claimed> claimed = new ArrayList<>();
    for (OutboxMessage message : tx.outbox().due(now, limit)) {
      if (tx.outbox().claim(message.id(), now, now.plus(LEASE), owner)) {
        Delivery delivery = Delivery.fromJson(message.payload());
        Optional<SlackPlace> place =
            delivery.interviewId() == null
                ? Optional.empty()
                : tx.interviews().placeOf(delivery.interviewId());
        SendHistory history = tx.outbox().history(message.id()).orElseThrow();
        claimed.add(new Claimed(message, delivery, history, place));
      }
    }
    return claimed;
  }

  private void handOver(Claimed claimed) {
    idleSenders.acquireUninterruptibly();
    try {
      senders.execute(
          () -> {
            try {
              send(claimed).ifPresent(sent::add);
            } finally {
              idleSenders.release();
              // The lane's next message may go now.
              wake();
            }
          });
    } catch (RejectedExecutionException closing) {
      // Shutting down: the claim runs out, or the next start takes it back, and it is sent then.
      idleSenders.release();
    }
  }

  /**
   * Sends the message; returns Slack's answer for the dispatcher to record, or nothing when the
   * message waits to be tried again, is set aside, or is left for its claim to run out.
   */
  private Optional<Sent> send(Claimed claimed) {
    OutboxMessage message = claimed.message();
    Delivery delivery = claimed.delivery();
    if (isAtMostOnce(delivery) && claimed.history().outcomeUnknown()) {
      notSentAgain(message, "an earlier sender stopped mid-call");
      return Optional.empty();
    }
    try {
      String result =
          new SlackSender(database, slack, clock)
              .send(delivery, message.id(), claimed.history(), claimed.place());
      return Optional.of(new Sent(message.id(), result));
    } catch (LookAgainLater notYet) {
      lookAgain(message, notYet);
    } catch (SlackApiException | IOException | SlackCallFailed e) {
      failed(message, delivery, e);
    } catch (RuntimeException e) {
      // A bug or a database hiccup while settling: the claim runs out and the message is tried
      // again; Slack's record (the message's metadata, the upload's file) keeps it from appearing
      // twice.
      log.error("Sending outbox message {} (lane {}) failed", message.id(), message.lane(), e);
    }
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
  private void failed(OutboxMessage message, Delivery delivery, Exception e) {
    if (isAtMostOnce(delivery) && !DefiniteRefusal.is(e)) {
      notSentAgain(message, SlackRetries.describe(e));
      return;
    }
    Optional<Duration> delay = SlackRetries.delay(e, backoff(message));
    if (delay.isPresent()) {
      retry(message, delay.get(), SlackRetries.describe(e));
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

  private void retry(OutboxMessage message, Duration delay, String why) {
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
          tx.outbox().retryLater(message.id(), next, why);
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

  private void awaitWork(Duration wait) {
    try {
      signal.await(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
