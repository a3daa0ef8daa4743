package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.view.View;
import dev.specbot.background.DaemonThreads;
import dev.specbot.background.WorkSignal;
import dev.specbot.slack.metrics.OutboxMetrics;
import dev.specbot.slack.outbox.SendAttempts.Claimed;
import dev.specbot.slack.outbox.SendAttempts.Sent;
import dev.specbot.slack.webapi.Budgets;
import dev.specbot.slack.webapi.Urgency;
import dev.specbot.storage.Database;
import dev.specbot.storage.HomeRows;
import dev.specbot.storage.Instances;
import dev.specbot.storage.OutboxMessage;
import dev.specbot.storage.SendHistory;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.Tx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to Slack, one message at a time in the order each interview queued them. When
 * Slack is unavailable (429, 5xx, network) a message waits and is retried, honouring {@code
 * Retry-After}; a call that can never succeed is logged with its ids and set aside so the
 * interview's later messages still go out. A message that may be in Slack already (its sender died,
 * or its call timed out) is looked for there before it is sent again (see {@link SlackSender}); an
 * ephemeral note, which cannot be looked for, is sent at most once (see {@link SendAttempts}).
 *
 * <p>One dispatcher claims what is due, in one transaction, and hands each message to a sender:
 * many interviews' messages are in flight at once (a Slack call spends most of its time waiting on
 * the network), while each interview's lane still has at most one.
 *
 * <p>Slack's rate limits are kept, not discovered: the dispatcher takes a message only once its
 * first call is reserved in {@link Budgets}, the most urgent first (the next question, then
 * replies, then notices, then edits of the cards), so that what cannot go yet waits in the outbox,
 * where a newer edit of a card replaces an older one, rather than in a retry after a 429.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

  /** Longer than any one Slack call with its timeouts, so a live sender never loses its claim. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  /**
   * Slack calls in flight at most, each for a different lane. Slack's rate limits bound how many
   * calls a second the bot makes (a few dozen at most), so how many are in flight is that rate
   * times Slack's latency: a sender thread is started when a message is ready and no sender is
   * free, and ends after a while idle. This caps memory and threads when Slack is very slow.
   */
  static final int MOST_IN_FLIGHT = 64;

  /**
   * Due messages read per round. More than can be sent at once: the most urgent may be waiting on
   * their channel's limit while a less urgent one elsewhere can go.
   */
  private static final int CANDIDATES = 256;

  /** Due messages read while they wait for a Slack limit, kept to save reading them each round. */
  private static final int PREPARED_KEPT = 4_096;

  /** Interviews whose thread is kept known: more than are ever in flight at once. */
  private static final int PLACES_KEPT = 4_096;

  private final Database database;
  private final Clock clock;
  // One for every sender thread: it keeps nothing of a message between calls.
  private final SendAttempts attempts;
  private final WorkSignal signal = new WorkSignal();
  // Sent, not yet recorded: the dispatcher records them with its next claim.
  private final Unrecorded unrecorded = new Unrecorded();
  private final Semaphore idleSenders = new Semaphore(MOST_IN_FLIGHT);
  private final Budgets budgets;
  private final OutboxMetrics metrics;
  private final ExecutorService senders;
  private final Thread dispatcher;
  private volatile boolean running = true;
  private volatile String owner = "unstarted";

  // Read and written by the dispatcher thread only.
  private Instant nextLookForSilent = Instant.EPOCH;

  private final Map<String, Prepared> prepared = new RecentlyUsed<>(PREPARED_KEPT);

  /**
   * Where interviews' threads are, once posted: a thread is posted once and never moves, and each
   * message claimed for an interview would otherwise read it twice (when first seen and when
   * taken).
   */
  private final Map<String, SlackPlace> places = new RecentlyUsed<>(PLACES_KEPT);

  /**
   * {@code metrics} times the interview's turn as each question is sent and counts the dispatcher's
   * looks; {@code budgets} is what is left of Slack's rate limits; {@code workspaceUrl} is the
   * workspace's address, once known, for permalinks.
   */
  public OutboxWorker(
      Database database,
      MethodsClient slack,
      Clock clock,
      OutboxMetrics metrics,
      Budgets budgets,
      Supplier<Optional<String>> workspaceUrl) {
    this(database, slack, clock, metrics, budgets, workspaceUrl, Optional.empty());
  }

  /** The same, sending what is queued for GitHub through {@code gitHub}, if set. */
  public OutboxWorker(
      Database database,
      MethodsClient slack,
      Clock clock,
      OutboxMetrics metrics,
      Budgets budgets,
      Supplier<Optional<String>> workspaceUrl,
      Optional<GitHubOutbox> gitHub) {
    this(database, slack, clock, metrics, budgets, workspaceUrl, gitHub, Optional.empty());
  }

  /**
   * The same, publishing people's Home tabs as {@code homes} renders them (without it, a home
   * queued is set aside).
   */
  public OutboxWorker(
      Database database,
      MethodsClient slack,
      Clock clock,
      OutboxMetrics metrics,
      Budgets budgets,
      Supplier<Optional<String>> workspaceUrl,
      Optional<GitHubOutbox> gitHub,
      Optional<Function<HomeRows, View>> homes) {
    this.database = database;
    this.clock = clock;
    this.budgets = budgets;
    this.metrics = metrics;
    this.attempts =
        new SendAttempts(
            database,
            slack,
            clock,
            metrics,
            workspaceUrl,
            gitHub,
            homes.map(view -> new HomeSender(database, slack, clock, view)));
    this.senders = senders();
    this.dispatcher = DaemonThreads.of("specbot-outbox", this::dispatch);
  }

  /**
   * The sender threads: one started when a message is handed over and none is waiting for work,
   * each ending after a while idle. {@link #idleSenders} bounds how many calls are in flight, not
   * this pool: a sender gives its place back as its call ends, a moment before its thread is ready
   * for the next, so a pool bounded at the same count would refuse a message handed over in that
   * moment, and its claim would hold it unsent until the lease ran out (two minutes). Unbounded
   * here, the pool starts a thread then, and the spare one ends once idle.
   */
  static ExecutorService senders() {
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        30,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        DaemonThreads.numbered("specbot-outbox"));
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

  /**
   * What this instance's senders have had from Slack and not yet recorded, for a reply waiting on
   * its question's ts.
   */
  public Unrecorded unrecorded() {
    return unrecorded;
  }

  /** Something was queued: send it now rather than at the next check. */
  public void wake() {
    signal.wake();
  }

  /**
   * Stops as a rolling deploy wants: the messages being sent are finished and recorded, and those
   * claimed but not begun are handed back at once, so another instance sends them now rather than
   * when the lease runs out.
   */
  @Override
  public void close() {
    running = false;
    wake();
    boolean finished = false;
    try {
      dispatcher.join(TimeUnit.SECONDS.toMillis(10));
      senders.shutdown();
      finished = senders.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    recordLastSent();
    if (finished) {
      handBackClaims();
    }
  }

  /** Only once no sender of ours is running: a message still being sent keeps its lease. */
  private void handBackClaims() {
    try {
      int handedBack = database.claiming(tx -> tx.outbox().releaseClaims(owner, clock.instant()));
      if (handedBack > 0) {
        log.info("Handed back {} claimed outbox messages for another instance", handedBack);
      }
    } catch (RuntimeException e) {
      log.warn("Could not hand back claimed outbox messages; their leases will run out", e);
    }
  }

  /**
   * Records what was sent since the dispatcher's last round. Were it lost, each of those messages
   * would be found in Slack by its metadata after the restart, not posted again; this saves the
   * look.
   */
  private void recordLastSent() {
    List<Sent> last = unrecorded.take();
    if (last.isEmpty()) {
      return;
    }
    try {
      database.transaction(
          tx -> {
            recordSent(tx, last, clock.instant());
            return null;
          });
      unrecorded.recorded(last);
    } catch (RuntimeException e) {
      log.warn("Could not record {} sent outbox messages while stopping", last.size(), e);
    }
  }

  private void dispatch() {
    while (running) {
      List<Sent> sent = unrecorded.take();
      int idle = idleSenders.availablePermits();
      Round round;
      try {
        round = idle == 0 && sent.isEmpty() ? Round.BUSY : settleAndClaim(sent, idle);
        unrecorded.recorded(sent);
      } catch (RuntimeException e) {
        // The database may be locked or full for a moment: wait and try again, never die.
        log.error("Outbox dispatcher failed; trying again shortly", e);
        unrecorded.putBack(sent);
        awaitWork(IDLE_CHECK);
        continue;
      }
      round.claimed().forEach(this::handOver);
      if (round.claimed().isEmpty()) {
        awaitWork(round.untilNextDue());
      }
    }
  }

  /** What one round of the dispatcher took, or how long it may wait for more. */
  private record Round(List<Taken> claimed, Duration untilNextDue) {
    static final Round BUSY = new Round(List.of(), IDLE_CHECK);
  }

  /**
   * Records what the senders sent and claims what is due, in one transaction: the database has one
   * writer, and a transaction per sent message would keep every sender and every request waiting
   * for it. A lane's next message is due once the one before it is recorded.
   */
  private Round settleAndClaim(List<Sent> sent, int limit) {
    metrics.looked();
    Instant now = clock.instant();
    boolean lookForSilent = isTimeToLookForSilent(now);
    return database.claiming(
        tx -> {
          recordSent(tx, sent, now);
          if (lookForSilent) {
            takeOverFromSilent(tx, now);
          }
          if (limit == 0) {
            return Round.BUSY;
          }
          Round round = claimDue(tx, now, limit);
          if (!round.claimed().isEmpty()) {
            return round;
          }
          // Nothing to send yet: wait until the first lane can send, or a Slack limit lets a due
          // message go, at most IDLE_CHECK.
          Duration untilDue =
              tx.outbox()
                  .nextDueAfter(now)
                  .map(due -> Duration.between(now, due))
                  .filter(wait -> wait.compareTo(round.untilNextDue()) < 0)
                  .orElse(round.untilNextDue());
          return new Round(List.of(), untilDue);
        });
  }

  /** Once a beat is enough: a crashed bot is known to be gone only after several. */
  private boolean isTimeToLookForSilent(Instant now) {
    if (now.isBefore(nextLookForSilent)) {
      return false;
    }
    nextLookForSilent = now.plus(Instances.BEAT);
    return true;
  }

  private void takeOverFromSilent(Tx tx, Instant now) {
    int taken = tx.outbox().releaseClaimsOfSilent(owner, now, now.minus(Instances.SILENT));
    if (taken > 0) {
      log.info("Taking over {} outbox messages from an instance gone silent", taken);
    }
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

  /**
   * Takes up to {@code limit} due messages, each the first of its lane, the most urgent first, and
   * reads what sending them needs, in one transaction. A message is taken only once its first Slack
   * call is reserved under Slack's limits; one whose method (or channel) has nothing left waits,
   * and the round says how long until it may. A message another bot took first is left to it.
   */
  private Round claimDue(Tx tx, Instant now, int limit) {
    List<Taken> claimed = new ArrayList<>();
    Duration untilBudget = IDLE_CHECK;
    for (OutboxMessage message : tx.outbox().due(now, CANDIDATES)) {
      if (claimed.size() == limit) {
        break;
      }
      Prepared look = prepared(tx, message);
      FirstCall call = look.call();
      Duration wait =
          budgets.reserve(call.method(), call.channel(), Urgency.ofRank(message.urgency()));
      if (!wait.isZero()) {
        untilBudget = wait.compareTo(untilBudget) < 0 ? wait : untilBudget;
        continue;
      }
      Optional<SendHistory> taken = tx.outbox().claim(message.id(), now, now.plus(LEASE), owner);
      if (taken.isPresent()) {
        // Its place read now, not when it was first seen: its thread may have been posted since.
        Optional<SlackPlace> place = placeOf(tx, look.interviewId());
        claimed.add(new Taken(message, taken.get(), place));
        this.prepared.remove(message.id());
      } else {
        budgets.release(call.method(), call.channel());
      }
    }
    return new Round(claimed, claimed.isEmpty() ? untilBudget : Duration.ZERO);
  }

  /**
   * Where a due message goes and what it calls first, kept while it waits for its budget so that it
   * is not read again each round. Only this: the delivery itself (a file's content among them) is
   * read by its sender once its message is taken, so that what waits costs little memory.
   */
  private record Prepared(
      Optional<String> interviewId, Optional<SlackPlace> place, FirstCall call) {}

  /**
   * A message taken, as its sender gets it: the delivery is read by the sender's own thread, out of
   * the claim's transaction (see {@link DeliveryRoute}).
   */
  private record Taken(OutboxMessage message, SendHistory history, Optional<SlackPlace> place) {
    Claimed claimed() {
      return new Claimed(message, Delivery.fromJson(message.payload()), history, place);
    }
  }

  private Prepared prepared(Tx tx, OutboxMessage message) {
    Prepared known = prepared.get(message.id());
    if (known != null) {
      return known;
    }
    DeliveryRoute route = DeliveryRoute.of(message.payload());
    Optional<String> interviewId = Optional.ofNullable(route.interviewId());
    Optional<SlackPlace> place = placeOf(tx, interviewId);
    FirstCall call =
        route.kind() == Delivery.Kind.SYNC_CANVAS
            ? FirstCall.ofCanvas(tx.canvases().find(route.interviewId()))
            : FirstCall.of(route, place);
    Prepared read = new Prepared(interviewId, place, call);
    prepared.put(message.id(), read);
    return read;
  }

  private Optional<SlackPlace> placeOf(Tx tx, Optional<String> interviewIdIfAny) {
    if (interviewIdIfAny.isEmpty()) {
      return Optional.empty();
    }
    String interviewId = interviewIdIfAny.get();
    SlackPlace known = places.get(interviewId);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<SlackPlace> read = tx.interviews().placeOf(interviewId);
    // Not yet posted: read again next time, as the parent may be posted meanwhile.
    read.filter(place -> place.threadTs().isPresent()).ifPresent(p -> places.put(interviewId, p));
    return read;
  }

  private void handOver(Taken taken) {
    idleSenders.acquireUninterruptibly();
    try {
      senders.execute(
          () -> {
            try {
              attempts.send(taken.claimed()).ifPresent(unrecorded::add);
            } catch (RuntimeException unreadable) {
              // A payload that cannot be read is a bug: said, and its claim runs out.
              log.error("Outbox message {} could not be read", taken.message().id(), unreadable);
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

  private void awaitWork(Duration wait) {
    try {
      signal.await(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
