package dev.specbot.slack.metrics;

import com.slack.api.bolt.middleware.Middleware;
import dev.specbot.storage.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;
import okhttp3.OkHttpClient;

/**
 * One bot's metrics: its Prometheus registry, with the JVM's and the process's own, and the
 * recorders the rooms that measure are given. Names get Prometheus' form on the way out ({@code
 * specbot.slack.requests} is {@code specbot_slack_requests_seconds}).
 */
public final class Metrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final OutboxMetrics outbox = new OutboxMetrics(registry);
  private final ReminderMetrics reminders = new ReminderMetrics(registry);
  // Bound at the first scrape: see bindJvmMeters.
  private JvmGcMetrics gc;
  private DatabaseGauges stored;

  /**
   * Adds what needs the running bot: counts from {@code database}, read at each scrape (the
   * outbox's by kind, {@code outboxKinds} shown from the start), and {@code specbot_ready} (1 once
   * {@code ready}, as {@code /healthz} answers 200).
   */
  public synchronized void watch(
      Database database, Clock clock, List<String> outboxKinds, BooleanSupplier ready) {
    stored = new DatabaseGauges(registry, database, clock, outboxKinds);
    Gauge.builder("specbot.ready", ready, up -> up.getAsBoolean() ? 1 : 0)
        .description("1 once the database is migrated and Slack accepted the token")
        .strongReference(true)
        .register(registry);
  }

  /** Times each request Bolt runs: to go first in the app's middleware. */
  public Middleware requests() {
    return new RequestTimer(registry);
  }

  /** {@code client}, timing each Web API call (methods at {@code methodsUrlPrefix}). */
  public OkHttpClient measuring(OkHttpClient client, String methodsUrlPrefix) {
    return client.newBuilder().addInterceptor(new SlackCalls(registry, methodsUrlPrefix)).build();
  }

  public OutboxMetrics outbox() {
    return outbox;
  }

  public ReminderMetrics reminders() {
    return reminders;
  }

  /**
   * Everything, in Prometheus' text format 0.0.4 ({@code text/plain; version=0.0.4}). One scrape at
   * a time: the stored counts are read for it and must not change halfway through.
   */
  public synchronized String scrape() {
    bindJvmMeters();
    if (stored != null) {
      stored.refresh();
    }
    return registry.scrape();
  }

  /**
   * The JVM's and the process's meters, added by the first scrape rather than at start-up: they
   * read JMX beans that a cold JVM takes about a fifth of a second of CPU to load, which nothing
   * needs before Prometheus asks (GC pauses are counted from then on).
   */
  private void bindJvmMeters() {
    if (gc != null) {
      return;
    }
    new JvmMemoryMetrics().bindTo(registry);
    gc = new JvmGcMetrics();
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
  }

  @Override
  public synchronized void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
