package dev.specbot.slack.interviews;

import dev.specbot.background.DaemonThreads;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import dev.specbot.storage.Inbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thread replies, recorded before Slack hears back and taken in after. Slack's acknowledgement
 * waits for one small insert, which SQLite's writer runs ahead of the writes queued, instead of for
 * the interview's write behind every other reply of a wave: when fifty people answer at once, the
 * last of them no longer waits for the forty-nine writes before theirs.
 *
 * <p>Nothing is lost for it: a reply is stored before the acknowledgement, as before; what is
 * stored is the event rather than its effect. A reply recorded but not taken in (its bot stopped in
 * between, or taking it in failed) is taken again once its lease runs out, by this bot or any other
 * on the database; one taken in twice is taken once, by its keys ({@link Keys}).
 *
 * <p>Replies are taken in on a pool of threads, each thread's replies one after another in the
 * order they came (a person's quick second reply no longer races their first for the interview's
 * version). When the pool and its queue are full, the request thread takes its thread's replies in
 * itself before acknowledging, so that memory stays bounded and a flood slows Slack's deliveries
 * instead of piling up.
 */
public final class ReplyInbox implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReplyInbox.class);

  /** How long a bot holds a reply it recorded or took: far longer than taking one in takes. */
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** How often replies whose lease ran out are looked for. */
  private static final Duration SWEEP = Duration.ofSeconds(5);

  /** A reply whose taking in failed this often is given up: logged, and its writer told. */
  private static final int ATTEMPTS = 5;

  /**
   * Many, as the request threads that took replies in before were: each taker waits for its commit,
   * and the writer fills a commit from the transactions waiting. With Jetty's request threads
   * capped at 12, the bot took in 53% of bare Bolt's answers a second (measured while looking for
   * this change).
   */
  private static final int TAKERS = 64;

  /** Bounds the replies recorded and waiting for a taker; past it, the request takes its own in. */
  private static final int QUEUED = 1024;

  private static final int SWEPT_AT_ONCE = 100;

  /** Told privately to whoever wrote a reply given up (plain text: nothing of theirs in it). */
  private static final String NOT_TAKEN_IN =
      "specbot could not take in your last reply in a spec's thread, after several tries. Please"
          + " send it again in the thread.";

  private final Database database;
  private final Clock clock;
  private final Interviewer interviewer;
  private final CatchUp catchUp;
  private final Runnable wakeSender;

  /** The replies this bot is taking in now: a sweep leaves them alone. */
  private final Set<String> inHand = ConcurrentHashMap.newKeySet();

  /** The replies waiting, by thread, for the thread's taker; a thread is here while it has one. */
  private final Map<String, Deque<ThreadReply>> lanes = new HashMap<>();

  private final ThreadPoolExecutor takers =
      new ThreadPoolExecutor(
          TAKERS,
          TAKERS,
          30,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(QUEUED),
          DaemonThreads.numbered("specbot-reply"),
          new ThreadPoolExecutor.CallerRunsPolicy());

  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-inbox-sweep"));

  public ReplyInbox(
      Database database,
      Clock clock,
      Interviewer interviewer,
      CatchUp catchUp,
      Runnable wakeSender) {
    this.database = database;
    this.wakeSender = wakeSender;
    this.clock = clock;
    this.interviewer = interviewer;
    this.catchUp = catchUp;
    takers.allowCoreThreadTimeOut(true);
  }

  /**
   * Records the reply and returns, leaving it to be taken in (after its thread's catch-up, if the
   * bot has not read that thread yet). Slack delivering it again while it waits does nothing.
   *
   * <p>A reply in a thread that is no interview's is not recorded: most messages in the threads of
   * a channel the bot is in are people talking among themselves, and each cost an insert and its
   * removal on SQLite's one writer, beside every answer. Whether the thread is an interview's is
   * read in the record's own transaction, which then writes nothing: read on a reader instead, the
   * ack would queue behind the reads of the replies being taken in. A thread is an interview's
   * before its first question is asked, so no answer is turned away; a reply to the parent in the
   * moment before is no answer, as it was not when taken in.
   */
  public void receive(ThreadReply reply) {
    Instant now = clock.instant();
    String event = reply.json();
    boolean first =
        database.ahead(
            tx ->
                tx.interviews().hasThread(reply.channel(), reply.threadTs())
                    && tx.inbox().record(reply.key(), event, now, now.plus(LEASE)));
    if (first) {
      takeIn(reply);
    }
  }

  /** Looks for replies whose lease ran out now, then every few seconds. */
  public void start() {
    var unused =
        sweeper.scheduleWithFixedDelay(
            this::sweepLogged, 0, SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Queues the reply in its thread's lane, and gives the lane a taker if it has none. */
  private void takeIn(ThreadReply reply) {
    if (!inHand.add(reply.key())) {
      return;
    }
    synchronized (lanes) {
      Deque<ThreadReply> lane = lanes.get(reply.thread());
      if (lane != null) {
        lane.add(reply); // The lane's taker takes it after those before it.
        return;
      }
      lanes.put(reply.thread(), new ArrayDeque<>(List.of(reply)));
    }
    takers.execute(() -> takeLane(reply.thread()));
  }

  /** Takes the thread's replies in, in order, until none is left. */
  private void takeLane(String thread) {
    for (ThreadReply next = peek(thread); next != null; next = nextAfter(thread)) {
      ThreadReply reply = next;
      try {
        catchUp.afterCatchUp(reply.channel(), reply.threadTs(), () -> taken(reply));
      } catch (RuntimeException e) {
        // Catch-up is closing: the reply stays recorded, for a sweep or the next bot.
        inHand.remove(reply.key());
        log.warn("Reply {} not taken in; taken again once its lease runs out", reply.key(), e);
      }
    }
  }

  private ThreadReply peek(String thread) {
    synchronized (lanes) {
      return lanes.get(thread).peek();
    }
  }

  /** The lane's next reply after the one just taken; the lane goes when none is left. */
  private ThreadReply nextAfter(String thread) {
    synchronized (lanes) {
      Deque<ThreadReply> lane = lanes.get(thread);
      lane.poll();
      if (lane.isEmpty()) {
        lanes.remove(thread);
        return null;
      }
      return lane.peek();
    }
  }

  /**
   * Takes the reply in; the write that does forgets it in the inbox (its key is the reply's key
   * there), and a reply that wrote nothing is forgotten here. On failure it stays, to be taken
   * again.
   */
  private void taken(ThreadReply reply) {
    try {
      Interviewer.Outcome outcome =
          interviewer.reply(
              reply.eventId(),
              reply.channel(),
              reply.threadTs(),
              reply.ts(),
              reply.user(),
              reply.text(),
              false,
              Optional.ofNullable(reply.botUserId()));
      if (outcome != Interviewer.Outcome.HANDLED) {
        forget(reply.key());
      }
    } catch (RuntimeException e) {
      log.warn("Taking in reply {} failed; taken again once its lease runs out", reply.key(), e);
    } finally {
      inHand.remove(reply.key());
    }
  }

  private void sweepLogged() {
    try {
      sweep();
    } catch (RuntimeException e) {
      // The database may be away for a moment: the next sweep looks again.
      log.warn("Looking for replies to take in again failed", e);
    }
  }

  /** Takes again the replies whose lease ran out, unless this bot has them in hand. */
  void sweep() {
    Instant now = clock.instant();
    List<Inbox.Recorded> due = database.read(tx -> tx.inbox().due(now, SWEPT_AT_ONCE));
    for (Inbox.Recorded recorded : due) {
      if (inHand.contains(recorded.key())
          || !database.claiming(tx -> tx.inbox().take(recorded, now.plus(LEASE)))) {
        continue;
      }
      Optional<ThreadReply> reply = ThreadReply.fromJson(recorded.event());
      if (reply.isEmpty()) {
        // Nobody to tell: a record this bot did not write. Its reply is still in Slack's thread.
        log.error("Reply {} given up: its record cannot be read", recorded.key());
        forget(recorded.key());
      } else if (recorded.attempts() >= ATTEMPTS) {
        giveUp(reply.get(), now);
      } else {
        takeIn(reply.get());
      }
    }
  }

  /**
   * Sets aside a reply that failed every attempt, and tells its writer privately to send it again:
   * it is not lost silently, and the interview is not stuck on it.
   */
  private void giveUp(ThreadReply reply, Instant now) {
    log.error(
        "Reply {} given up after {} failed attempts; its writer is told", reply.key(), ATTEMPTS);
    database.transaction(
        tx -> {
          tx.inbox().remove(reply.key());
          Delivery.ephemeral(reply.channel(), reply.user(), NOT_TAKEN_IN).enqueue(tx, now);
          return null;
        });
    wakeSender.run();
  }

  private void forget(String key) {
    database.transaction(
        tx -> {
          tx.inbox().remove(key);
          return null;
        });
  }

  /**
   * Stops looking, and lets the replies in hand be taken in for a few seconds; those left are taken
   * again, by the next bot, once their lease runs out.
   */
  @Override
  public void close() {
    sweeper.shutdownNow();
    takers.shutdown();
    try {
      if (!takers.awaitTermination(5, TimeUnit.SECONDS)) {
        takers.shutdownNow();
      }
    } catch (InterruptedException e) {
      takers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
