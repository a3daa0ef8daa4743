package dev.specbot.slack.fake;

import dev.specbot.slack.fake.FakeSlackWebApi.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The calls the fake received and what it answered, and waiting for them; guarded by the fake's
 * lock, so that a call is recorded in the same step as the state change it made.
 */
final class CallLog {
  private final ReentrantLock lock;
  private final Condition changed;
  private final List<RecordedCall> calls = new ArrayList<>();
  // By identity: two identical calls (a retry of the same post) got different answers.
  private final IdentityHashMap<RecordedCall, Answer> answers = new IdentityHashMap<>();

  CallLog(ReentrantLock lock) {
    this.lock = lock;
    this.changed = lock.newCondition();
  }

  /** Records a call and wakes the waiters; the caller holds the lock. */
  void record(RecordedCall call, Answer answer) {
    calls.add(call);
    answers.put(call, answer);
    changed.signalAll();
  }

  /** Forgets every call; the caller holds the lock. */
  void clear() {
    calls.clear();
    answers.clear();
    changed.signalAll();
  }

  List<RecordedCall> all() {
    lock.lock();
    try {
      return List.copyOf(calls);
    } finally {
      lock.unlock();
    }
  }

  List<RecordedCall> of(String method) {
    lock.lock();
    try {
      return calls.stream().filter(call -> call.method().equals(method)).toList();
    } finally {
      lock.unlock();
    }
  }

  Answer answerTo(RecordedCall call) {
    lock.lock();
    try {
      Answer answer = answers.get(call);
      if (answer == null) {
        throw new IllegalArgumentException("not a call this fake received: " + call.summary());
      }
      return answer;
    } finally {
      lock.unlock();
    }
  }

  RecordedCall awaitCall(String method, Predicate<RecordedCall> match, Duration timeout) {
    // Each wake-up looks only at the calls that came since the last: many waiters on a long log
    // (the load benchmark) would otherwise hold the lock the fake's handlers need.
    int[] scanned = {0};
    return await(
        timeout,
        "a " + method + " call that matches",
        () -> {
          if (scanned[0] > calls.size()) {
            scanned[0] = 0; // The log was reset.
          }
          for (int i = scanned[0]; i < calls.size(); i++) {
            RecordedCall call = calls.get(i);
            if (call.method().equals(method) && match.test(call)) {
              return Optional.of(call);
            }
          }
          scanned[0] = calls.size();
          return Optional.empty();
        });
  }

  List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
    return await(
        timeout,
        count + " " + method + " calls",
        () -> {
          List<RecordedCall> found =
              calls.stream().filter(call -> call.method().equals(method)).limit(count).toList();
          return found.size() == count ? Optional.of(found) : Optional.empty();
        });
  }

  private <T> T await(Duration timeout, String what, Supplier<Optional<T>> probe) {
    long nanosLeft = timeout.toNanos();
    lock.lock();
    try {
      while (true) {
        Optional<T> found = probe.get();
        if (found.isPresent()) {
          return found.get();
        }
        if (nanosLeft <= 0) {
          throw new AssertionError(timedOut(timeout, what));
        }
        nanosLeft = changed.awaitNanos(nanosLeft);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + what, e);
    } finally {
      lock.unlock();
    }
  }

  private String timedOut(Duration timeout, String what) {
    StringBuilder message =
        new StringBuilder("Timed out after ")
            .append(timeout.toMillis())
            .append(" ms waiting for ")
            .append(what)
            .append("; ");
    if (calls.isEmpty()) {
      return message.append("no calls so far").toString();
    }
    message.append(calls.size()).append(calls.size() == 1 ? " call" : " calls").append(" so far:");
    for (int i = 0; i < calls.size(); i++) {
      message.append("\n  ").append(i + 1).append(". ").append(calls.get(i).summary());
    }
    return message.toString();
  }
}
