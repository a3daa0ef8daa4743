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
  // Waiting for one call each: woken only by the call they wait for, not by every call.
  private final List<Waiter> waiters = new ArrayList<>();

  /** A thread waiting in {@link #awaitCall} for a call that matches. */
  private final class Waiter {
    final Predicate<RecordedCall> match;
    final Condition arrived = lock.newCondition();
    RecordedCall call;
    // A predicate that throws fails its own test, not the fake's handler that recorded the call.
    RuntimeException failure;

    Waiter(Predicate<RecordedCall> match) {
      this.match = match;
    }
  }

  CallLog(ReentrantLock lock) {
    this.lock = lock;
    this.changed = lock.newCondition();
  }

  /** Records a call and wakes the waiters; the caller holds the lock. */
  void record(RecordedCall call, Answer answer) {
    calls.add(call);
    answers.put(call, answer);
    for (Waiter waiter : waiters) {
      if (waiter.call == null && waiter.failure == null) {
        offer(waiter, call);
      }
    }
    changed.signalAll();
  }

  private static void offer(Waiter waiter, RecordedCall call) {
    try {
      if (waiter.match.test(call)) {
        waiter.call = call;
        waiter.arrived.signal();
      }
    } catch (RuntimeException e) {
      waiter.failure = e;
      waiter.arrived.signal();
    }
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
    Predicate<RecordedCall> matching = call -> call.method().equals(method) && match.test(call);
    lock.lock();
    try {
      Optional<RecordedCall> earlier = calls.stream().filter(matching).findFirst();
      if (earlier.isPresent()) {
        return earlier.get();
      }
      // Many threads wait at once in the load benchmark: each is woken only by its own call, so
      // that a call does not wake them all to look at it.
      Waiter waiter = new Waiter(matching);
      waiters.add(waiter);
      try {
        long nanosLeft = timeout.toNanos();
        while (waiter.call == null) {
          if (waiter.failure != null) {
            throw waiter.failure;
          }
          if (nanosLeft <= 0) {
            throw new AssertionError(timedOut(timeout, "a " + method + " call that matches"));
          }
          nanosLeft = waiter.arrived.awaitNanos(nanosLeft);
        }
        return waiter.call;
      } finally {
        waiters.remove(waiter);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a " + method + " call", e);
    } finally {
      lock.unlock();
    }
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
