package dev.specbot.slack.interviews;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.Message;
import dev.specbot.background.DaemonThreads;
import dev.specbot.interview.Interview;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.slack.webapi.SlackRetries;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart, reads each open interview's thread and takes in the replies of its drafter and
 * co-authors that arrived while the bot was down, in order, before anything new. Replies already
 * handled are recognised by their ts and skipped; one that arrives both here and as a late event is
 * handled once.
 *
 * <p>The threads are read one at a time in the background, so that the bot answers Slack at once
 * however many interviews are open (Slack allows about 50 {@code conversations.replies} a minute).
 * A live reply in a thread not read yet waits for it: that thread is read next, then the reply is
 * taken, so replies are never taken out of order.
 */
public final class CatchUp implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CatchUp.class);
  private static final int PAGE = 200;

  /** Reading a thread is tried this many times while Slack is busy or unreachable. */
  private static final int ATTEMPTS = 5;

  private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

  private final Database database;
  private final MethodsClient slack;
  private final Interviewer interviewer;
  private final ScheduledExecutorService reader =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-catch-up"));

  /** The threads not read yet, by channel and thread ts. */
  private final Map<String, Behind> behind = new ConcurrentHashMap<>();

  private final Deque<Behind> sweep = new ArrayDeque<>();

  private final Presence presence;

  public CatchUp(
      Database database, MethodsClient slack, Interviewer interviewer, Presence presence) {
    this.database = database;
    this.slack = slack;
    this.interviewer = interviewer;
    this.presence = presence;
  }

  /**
   * Notes every open interview's thread as not read yet. Called before the bot takes any event, so
   * that none slips in ahead of the replies missed before it.
   */
  public void load() {
    List<StoredInterview> open = database.transaction(tx -> tx.interviews().listOpen());
    synchronized (sweep) {
      for (StoredInterview stored : open) {
        stored
            .place()
            .threadTs()
            .ifPresent(
                threadTs -> {
                  Behind thread = new Behind(stored, threadTs);
                  behind.put(key(stored.place().channelId(), threadTs), thread);
                  sweep.add(thread);
                });
      }
    }
  }

  /**
   * Reads the threads in the background, one after another, unless another bot on the database has
   * been up all along: then it heard everything, and the threads are taken as read.
   */
  public void start() {
    reader.execute(
        () -> {
          if (presence.anotherWasUpAllAlong()) {
            log.info("Another instance was up all along: no thread to catch up with");
            takeSweepAsRead();
            return;
          }
          int threads;
          synchronized (sweep) {
            threads = sweep.size();
          }
          log.info("Catching up with {} open interviews' threads", threads);
          readNextOfSweep();
        });
  }

  /** Lets the live events that waited for their threads go, in order, with no read. */
  private void takeSweepAsRead() {
    for (Behind next = pollSweep(); next != null; next = pollSweep()) {
      release(next);
    }
  }

  private Behind pollSweep() {
    synchronized (sweep) {
      return sweep.poll();
    }
  }

  /**
   * Runs {@code handle}, a live event in a thread, now when the thread is read (or is no
   * interview's), else as soon as it is: returns at once either way.
   */
  public void afterCatchUp(String channel, String threadTs, Runnable handle) {
    Behind thread = behind.get(key(channel, threadTs));
    if (thread == null || !thread.defer(handle)) {
      handle.run();
      return;
    }
    reader.execute(() -> read(thread));
  }

  @Override
  public void close() {
    reader.shutdownNow();
  }

  private void readNextOfSweep() {
    Behind next = pollSweep();
    if (next == null) {
      log.info("Caught up with every open interview's thread");
      return;
    }
    read(next);
    reader.execute(this::readNextOfSweep);
  }

  /** Reads one thread, unless done already; then takes the live events that waited for it. */
  private void read(Behind thread) {
    if (thread.isRead()) {
      return;
    }
    try {
      int taken = takeMissedReplies(thread.stored);
      if (taken > 0) {
        log.info("Interview {}: {} replies taken in from its thread", thread.id(), taken);
      }
    } catch (SlackApiException | IOException | SlackCallFailed e) {
      Optional<Duration> retry = thread.retryAfter(e);
      if (retry.isPresent()) {
        log.warn("Reading interview {}'s thread failed ({}); retrying", thread.id(), e.toString());
        var unused =
            reader.schedule(() -> read(thread), retry.get().toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      log.warn(
          "Could not read interview {}'s thread (channel {}) to catch up: {}",
          thread.id(),
          thread.stored.place().channelId(),
          e.toString());
    } catch (RuntimeException e) {
      log.error("Catching up interview {} failed", thread.id(), e);
    }
    release(thread);
  }

  /** Runs the live events that waited for the thread, and lets later ones run at once. */
  private void release(Behind thread) {
    for (List<Runnable> waited = thread.takeWaiting();
        !waited.isEmpty();
        waited = thread.takeWaiting()) {
      waited.forEach(CatchUp::runLogged);
    }
    behind.remove(key(thread.stored.place().channelId(), thread.threadTs));
  }

  private static void runLogged(Runnable deferred) {
    try {
      deferred.run();
    } catch (RuntimeException e) {
      // Acknowledged already; the reply is still in its thread, for the next start's catch-up.
      log.error("A reply that waited for its thread's catch-up failed", e);
    }
  }

  private int takeMissedReplies(StoredInterview stored)
      throws IOException, SlackApiException, SlackCallFailed {
    String channel = stored.place().channelId();
    String thread = stored.place().threadTs().orElseThrow();
    Interview interview = stored.interview();
    boolean continuesPrevious = false;
    int taken = 0;
    Set<String> writers = new HashSet<>();
    writers.add(interview.drafterId());
    interview.assignments().values().forEach(coAuthor -> writers.add(coAuthor.id()));
    for (Message reply : writersReplies(channel, thread, writers)) {
      boolean drafter = interview.drafterId().equals(reply.getUser());
      Interviewer.Outcome outcome =
          interviewer.reply(
              "catch-up:" + channel + ":" + reply.getTs(),
              channel,
              thread,
              reply.getTs(),
              reply.getUser(),
              ReplyText.of(reply.getText(), reply.getFiles()),
              drafter && continuesPrevious);
      taken += outcome == Interviewer.Outcome.HANDLED ? 1 : 0;
      if (drafter) {
        // The drafter's replies written while the bot was down were all written before its next
        // question; a co-author's answer between them belongs to no burst of the drafter's.
        continuesPrevious = outcome == Interviewer.Outcome.HANDLED;
      }
    }
    return taken;
  }

  /** The replies of the drafter and the co-authors in the thread, oldest first, every page. */
  private List<Message> writersReplies(String channel, String thread, Set<String> writers)
      throws IOException, SlackApiException, SlackCallFailed {
    List<Message> replies = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    do {
      String page = cursor.orElse(null);
      var response =
          slack.conversationsReplies(r -> r.channel(channel).ts(thread).limit(PAGE).cursor(page));
      if (!response.isOk()) {
        throw new SlackCallFailed("conversations.replies", response.getError());
      }
      for (Message message : Optional.ofNullable(response.getMessages()).orElse(List.of())) {
        if (writers.contains(message.getUser())
            && message.getBotId() == null
            && !thread.equals(message.getTs())
            && (message.getSubtype() == null || "file_share".equals(message.getSubtype()))) {
          replies.add(message);
        }
      }
      cursor =
          Optional.ofNullable(response.getResponseMetadata())
              .map(metadata -> metadata.getNextCursor())
              .filter(next -> !next.isBlank());
    } while (cursor.isPresent());
    replies.sort(Comparator.comparing(message -> new java.math.BigDecimal(message.getTs())));
    return replies;
  }

  private static String key(String channel, String threadTs) {
    return channel + ":" + threadTs;
  }

  /** An open interview's thread not read yet, and the live events waiting for it. */
  private static final class Behind {
    private final StoredInterview stored;
    private final String threadTs;
    private final List<Runnable> waiting = new ArrayList<>();
    private boolean read;
    private int failures;

    Behind(StoredInterview stored, String threadTs) {
      this.stored = stored;
      this.threadTs = threadTs;
    }

    String id() {
      return stored.interview().id();
    }

    /** Queues a live event behind the reading; false when the thread has been read since. */
    synchronized boolean defer(Runnable handle) {
      if (read) {
        return false;
      }
      waiting.add(handle);
      return true;
    }

    synchronized boolean isRead() {
      return read;
    }

    /**
     * The events that waited, to run in order; when none did, marks the thread read, so that a
     * later event runs at once, after all of them.
     */
    synchronized List<Runnable> takeWaiting() {
      List<Runnable> deferred = List.copyOf(waiting);
      waiting.clear();
      read = deferred.isEmpty();
      return deferred;
    }

    /** When to read again after this failure, if it is worth it: Slack busy or unreachable. */
    synchronized Optional<Duration> retryAfter(Exception failure) {
      failures++;
      if (failures >= ATTEMPTS) {
        return Optional.empty();
      }
      return SlackRetries.delay(failure, FIRST_RETRY.multipliedBy(1L << (failures - 1)));
    }
  }
}
