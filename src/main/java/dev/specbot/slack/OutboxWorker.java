package dev.specbot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.specbot.storage.Database;
import dev.specbot.storage.OutboxMessage;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.Tx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * interview's later messages still go out.
 *
 * <p>One dispatcher claims what is due, in one transaction, and hands each message to a pool of
 * senders: many interviews' messages are in flight at once (a Slack call spends most of its time
 * waiting on the network), while each interview's lane still has at most one.
 */
final class OutboxWorker implements AutoCloseable {
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

  OutboxWorker(Database database, MethodsClient slack, Clock clock) {
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
  void start(String owner) {
    this.owner = owner;
    int released = database.transaction(tx -> tx.outbox().releaseClaims(owner, clock.instant()));
    if (released > 0) {
      log.info("Taking back {} outbox messages claimed before a restart", released);
    }
    dispatcher.start();
  }

  /** Something was queued: send it now rather than at the next check. */
  void wake() {
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

  /** A message taken for sending: whether it may be in Slack already, and where it goes. */
  private record Claimed(
      OutboxMessage message,
      Delivery delivery,
      boolean mayHaveBeenSent,
      Optional<SlackPlace> place) {}

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
        claimed.add(
            new Claimed(message, delivery, tx.outbox().mayHaveBeenSent(message.id()), place));
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
              send(claimed);
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

  private void send(Claimed claimed) {
    OutboxMessage message = claimed.message();
    Delivery delivery = claimed.delivery();
    try {
      String result =
          new SlackSender(database, slack)
              .send(delivery, message.id(), claimed.mayHaveBeenSent(), claimed.place());
      sent.add(new Sent(message.id(), result));
    } catch (SlackApiException | IOException | SlackCallFailed e) {
      failed(message, delivery, e);
    } catch (RuntimeException e) {
      // A bug or a database hiccup while settling: the claim runs out and the message is tried
      // again; Slack's record (the message's metadata) keeps it from appearing twice.
      log.error("Sending outbox message {} (lane {}) failed", message.id(), message.lane(), e);
    }
  }

  /** Slack did not take the message: it waits and is sent again, or is set aside for good. */
  private void failed(OutboxMessage message, Delivery delivery, Exception e) {
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
                      Interviewer.enqueue(
                          tx, RefusedBySlack.notice(delivery, stored, error), clock.instant()));
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

  /** Carries out one delivery with the Web API. */
  static final class SlackSender {
    /** Marks specbot's posts in Slack's message metadata, with the outbox id that sent them. */
    static final String METADATA_EVENT = "specbot_outbox";

    private final Database database;
    private final MethodsClient slack;
    private final PostedMessages posted;
    // The message being sent: a sender is made for each message.
    private String outboxId;
    private boolean mayHaveBeenSent;
    private SlackPlace place;

    SlackSender(Database database, MethodsClient slack) {
      this.database = database;
      this.slack = slack;
      this.posted = new PostedMessages(slack, METADATA_EVENT);
    }

    /**
     * Sends; returns the message's ts (or another id) for the record. A message that {@code
     * mayHaveBeenSent} by a sender that died is looked for in Slack first, by the outbox id it
     * carries in its metadata, and not posted again if it is there. {@code known} is the
     * interview's place, when the caller read it with the claim.
     */
    String send(
        Delivery delivery, String outboxId, boolean mayHaveBeenSent, Optional<SlackPlace> known)
        throws IOException, SlackApiException, SlackCallFailed {
      this.outboxId = outboxId;
      this.mayHaveBeenSent = mayHaveBeenSent;
      this.place = known.orElse(null);
      return switch (delivery.kind()) {
        case POST_PARENT -> postParent(delivery);
        case POST_IN_THREAD ->
            post(delivery, place(delivery).channelId(), Optional.of(threadOf(delivery)));
        case POST_IN_CHANNEL -> post(delivery, place(delivery).channelId(), Optional.empty());
        case UPDATE_PARENT -> updateParent(delivery);
        case POST_EPHEMERAL -> postEphemeral(delivery);
        case UPLOAD_DOCUMENT -> upload(delivery, Optional.empty());
        case UPLOAD_IN_THREAD -> upload(delivery, Optional.of(threadOf(delivery)));
        case POST_DM -> post(delivery, delivery.user(), Optional.empty());
      };
    }

    private String postParent(Delivery delivery)
        throws IOException, SlackApiException, SlackCallFailed {
      SlackPlace place = place(delivery);
      if (place.threadTs().isPresent()) {
        return place.threadTs().get(); // Sent before a crash, recorded, not marked sent: not again.
      }
      String channel = place.channelId();
      Optional<String> earlier = alreadyPosted(channel, Optional.empty());
      String ts;
      if (earlier.isPresent()) {
        ts = earlier.get();
      } else {
        ChatPostMessageResponse response = postMessage(channel, delivery, Optional.empty());
        if (!response.isOk() && ChannelAccess.isMissing(response.getError())) {
          channel =
              new ChannelAccess(database, slack)
                  .reachDrafter(delivery.interviewId(), channel, response.getError());
          response = postMessage(channel, delivery, Optional.empty());
        }
        ts = ok(response, "chat.postMessage").getTs();
      }
      String postedChannel = channel;
      Optional<String> permalink = permalink(postedChannel, ts);
      database.transaction(
          tx -> {
            tx.interviews().placeThread(delivery.interviewId(), ts, permalink);
            return null;
          });
      return ts;
    }

    private String post(Delivery delivery, String channel, Optional<String> threadTs)
        throws IOException, SlackApiException, SlackCallFailed {
      Optional<String> earlier = alreadyPosted(channel, threadTs);
      if (earlier.isPresent()) {
        return earlier.get();
      }
      return ok(postMessage(channel, delivery, threadTs), "chat.postMessage").getTs();
    }

    private Optional<String> alreadyPosted(String channel, Optional<String> threadTs)
        throws IOException, SlackApiException {
      return mayHaveBeenSent ? posted.find(channel, threadTs, outboxId) : Optional.empty();
    }

    private ChatPostMessageResponse postMessage(
        String channel, Delivery delivery, Optional<String> threadTs)
        throws IOException, SlackApiException {
      return slack.chatPostMessage(
          r ->
              r.channel(channel)
                  .text(delivery.text())
                  .blocksAsString(delivery.blocks())
                  .threadTs(threadTs.orElse(null))
                  .metadata(
                      new com.slack.api.model.Message.Metadata(
                          METADATA_EVENT, Map.of("outbox_id", outboxId)))
                  .unfurlLinks(false)
                  .unfurlMedia(false));
    }

    private String updateParent(Delivery delivery)
        throws IOException, SlackApiException, SlackCallFailed {
      SlackPlace place = place(delivery);
      String ts = threadOf(delivery);
      return ok(
              slack.chatUpdate(
                  r ->
                      r.channel(place.channelId())
                          .ts(ts)
                          .text(delivery.text())
                          .blocksAsString(delivery.blocks())),
              "chat.update")
          .getTs();
    }

    private String postEphemeral(Delivery delivery)
        throws IOException, SlackApiException, SlackCallFailed {
      return ok(
              slack.chatPostEphemeral(
                  r -> r.channel(delivery.channel()).user(delivery.user()).text(delivery.text())),
              "chat.postEphemeral")
          .getMessageTs();
    }

    // requestFileInfo is deprecated, but its default (true) adds a files.info call specbot does not
    // need.
    @SuppressWarnings("deprecation")
    private String upload(Delivery delivery, Optional<String> threadTs)
        throws IOException, SlackApiException, SlackCallFailed {
      SlackPlace place = place(delivery);
      String link = place.permalink().map(url -> "<" + url + "|thread>").orElse("thread");
      String comment = delivery.text().replace(EffectDeliveries.THREAD_LINK, link);
      try {
        var uploaded =
            slack.filesUploadV2(
                r ->
                    r.channel(place.channelId())
                        .threadTs(threadTs.orElse(null))
                        .initialComment(comment)
                        .filename(delivery.fileName())
                        .title(delivery.fileName())
                        .content(delivery.fileContent())
                        .requestFileInfo(false));
        return ok(uploaded, "files.uploadV2").getFiles().isEmpty()
            ? ""
            : uploaded.getFiles().get(0).getId();
      } catch (com.slack.api.methods.SlackFilesUploadV2Exception e) {
        throw new SlackCallFailed("files.uploadV2", String.valueOf(e.getMessage()));
      }
    }

    private Optional<String> permalink(String channel, String ts)
        throws IOException, SlackApiException {
      var response = slack.chatGetPermalink(r -> r.channel(channel).messageTs(ts));
      return response.isOk() ? Optional.ofNullable(response.getPermalink()) : Optional.empty();
    }

    /** The interview's place, read once per delivery (a delivery may ask for it twice). */
    private SlackPlace place(Delivery delivery) throws SlackCallFailed {
      if (place == null) {
        place =
            database
                .transaction(tx -> tx.interviews().placeOf(delivery.interviewId()))
                .orElseThrow(() -> new SlackCallFailed("outbox", "interview_not_found"));
      }
      return place;
    }

    private String threadOf(Delivery delivery) throws SlackCallFailed {
      return place(delivery)
          .threadTs()
          .orElseThrow(() -> new SlackCallFailed("chat.postMessage", "thread_not_posted"));
    }

    private static <T extends SlackApiTextResponse> T ok(T response, String method)
        throws SlackCallFailed {
      if (!response.isOk()) {
        throw new SlackCallFailed(method, response.getError());
      }
      return response;
    }
  }
}
