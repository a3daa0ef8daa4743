package dev.specbot.slack.metrics;

import dev.specbot.interview.Status;
import dev.specbot.review.Stage;
import dev.specbot.storage.Database;
import dev.specbot.storage.Tallies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of what is stored: the outbox's pending messages and the age of the oldest, by kind;
 * interviews by status; reviews by stage; reminders due and not fired; replies waiting in the
 * inbox. Read from the database once per scrape ({@link #refresh()}), in one short transaction, not
 * once per gauge.
 */
final class DatabaseGauges {
  private static final Logger log = LoggerFactory.getLogger(DatabaseGauges.class);

  private final MeterRegistry registry;
  private final Database database;
  private final Clock clock;
  private final BoundedValues kinds = new BoundedValues(30);
  private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oldestMillis = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> interviews = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> reviews = new ConcurrentHashMap<>();
  private final AtomicLong remindersDue = new AtomicLong();
  private final AtomicLong repliesWaiting = new AtomicLong();

  /** {@code outboxKinds}: the kinds the outbox may hold, shown from the start. */
  DatabaseGauges(MeterRegistry registry, Database database, Clock clock, List<String> outboxKinds) {
    this.registry = registry;
    this.database = database;
    this.clock = clock;
    // Every kind, status and stage from the start, so a dashboard shows 0 rather than nothing.
    for (String kind : outboxKinds) {
      pending.computeIfAbsent(kinds.of(kind), this::pendingGauge);
      oldestMillis.computeIfAbsent(kinds.of(kind), this::oldestGauge);
    }
    for (Status status : Status.values()) {
      interviews.computeIfAbsent(status.name(), this::interviewGauge);
    }
    for (Stage stage : Stage.values()) {
      reviews.computeIfAbsent(stage.name(), this::reviewGauge);
    }
    Gauge.builder("specbot.reminders.due", remindersDue, AtomicLong::get)
        .description("Reminders due and not fired yet")
        .strongReference(true)
        .register(registry);
    Gauge.builder("specbot.replies.waiting", repliesWaiting, AtomicLong::get)
        .description("Thread replies acknowledged and not yet taken in")
        .strongReference(true)
        .register(registry);
  }

  /** Reads the counts; on a database failure the gauges keep their last values. */
  synchronized void refresh() {
    Instant now = clock.instant();
    Snapshot snapshot;
    try {
      snapshot =
          database.transaction(
              tx ->
                  new Snapshot(
                      tx.tallies().pendingOutbox(),
                      tx.tallies().interviewsByStatus(),
                      tx.tallies().reviewsByStage(),
                      tx.tallies().remindersDue(now),
                      tx.tallies().repliesWaiting()));
    } catch (RuntimeException e) {
      log.warn("Could not read the database's counts for /metrics: {}", e.toString());
      return;
    }
    outbox(snapshot.pending(), now);
    counts(interviews, snapshot.interviews(), this::interviewGauge);
    counts(reviews, snapshot.reviews(), this::reviewGauge);
    remindersDue.set(snapshot.remindersDue());
    repliesWaiting.set(snapshot.repliesWaiting());
  }

  private record Snapshot(
      List<Tallies.Pending> pending,
      Map<String, Long> interviews,
      Map<String, Long> reviews,
      long remindersDue,
      long repliesWaiting) {}

  private void outbox(List<Tallies.Pending> rows, Instant now) {
    pending.values().forEach(count -> count.set(0));
    oldestMillis.values().forEach(age -> age.set(0));
    for (Tallies.Pending row : rows) {
      String kind = kinds.of(row.kind());
      long age = Math.max(0, Duration.between(row.oldestCreatedAt(), now).toMillis());
      pending.computeIfAbsent(kind, this::pendingGauge).addAndGet(row.count());
      oldestMillis.computeIfAbsent(kind, this::oldestGauge).accumulateAndGet(age, Math::max);
    }
  }

  private static void counts(
      Map<String, AtomicLong> gauges,
      Map<String, Long> counts,
      java.util.function.Function<String, AtomicLong> register) {
    gauges.values().forEach(count -> count.set(0));
    counts.forEach((name, count) -> gauges.computeIfAbsent(name, register).set(count));
  }

  private AtomicLong pendingGauge(String kind) {
    return gauge("specbot.outbox.pending", "kind", kind, "Outbox messages not sent yet");
  }

  private AtomicLong oldestGauge(String kind) {
    AtomicLong millis = new AtomicLong();
    Gauge.builder("specbot.outbox.oldest.pending", millis, m -> m.get() / 1000.0)
        .description("Age of the oldest outbox message not sent yet")
        .baseUnit("seconds")
        .tag("kind", kind)
        .strongReference(true)
        .register(registry);
    return millis;
  }

  private AtomicLong interviewGauge(String status) {
    return gauge("specbot.interviews", "status", status, "Interviews by status");
  }

  private AtomicLong reviewGauge(String stage) {
    return gauge("specbot.reviews", "stage", stage, "Posted specs' reviews by stage");
  }

  private AtomicLong gauge(String name, String tag, String value, String description) {
    AtomicLong count = new AtomicLong();
    Gauge.builder(name, count, AtomicLong::get)
        .description(description)
        .tag(tag, value)
        .strongReference(true)
        .register(registry);
    return count;
  }
}
