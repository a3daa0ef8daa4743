package dev.specbot.slack.outbox;

import dev.specbot.slack.outbox.SendAttempts.Sent;
import dev.specbot.storage.Outbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What this instance's senders have had from Slack and the outbox has not recorded yet: the
 * dispatcher records it with its next claim, a turn of the database's writer later. A reply that
 * waits for its question's ts (see {@code Bursts}) finds it here as soon as Slack has answered,
 * rather than after that turn. Only a hint: when another instance sent the question, the reply
 * reads the outbox's record instead.
 */
public final class Unrecorded {
  private final Queue<Sent> toRecord = new ConcurrentLinkedQueue<>();
  private final Map<String, String> results = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();

  /** Slack took message {@code messageId}, answering {@code result} (a post's ts). */
  public void add(String messageId, String result) {
    add(new Sent(messageId, result));
  }

  /** Slack took a message: it is recorded with the dispatcher's next round. */
  void add(Sent sent) {
    results.put(sent.messageId(), Objects.requireNonNullElse(sent.result(), ""));
    toRecord.add(sent);
    lock.lock();
    try {
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** What is to be recorded now, taken out of the queue (but still known until recorded). */
  List<Sent> take() {
    List<Sent> taken = new ArrayList<>();
    for (Sent one = toRecord.poll(); one != null; one = toRecord.poll()) {
      taken.add(one);
    }
    return taken;
  }

  /** The round that took them failed: they are recorded with the next. */
  void putBack(List<Sent> sent) {
    toRecord.addAll(sent);
  }

  /** They are in the outbox's record now, which is where a reply finds them from here on. */
  void recorded(List<Sent> sent) {
    sent.forEach(one -> results.remove(one.messageId()));
  }

  /**
   * Where message {@code messageId} stands if this instance sent it and has not recorded it: waits
   * up to {@code upTo} for Slack's answer to it, and is empty if none came.
   */
  public Optional<Outbox.Standing> awaitSent(String messageId, Duration upTo)
      throws InterruptedException {
    long nanos = upTo.toNanos();
    lock.lock();
    try {
      String result = results.get(messageId);
      while (result == null && nanos > 0) {
        nanos = arrived.awaitNanos(nanos);
        result = results.get(messageId);
      }
      return Optional.ofNullable(result).map(Unrecorded::standing);
    } finally {
      lock.unlock();
    }
  }

  /** As the outbox's record would give it: a post's result is its ts. */
  private static Outbox.Standing standing(String result) {
    return new Outbox.Standing(
        Outbox.Standing.State.SENT, Optional.of(result).filter(r -> !r.isBlank()));
  }
}
