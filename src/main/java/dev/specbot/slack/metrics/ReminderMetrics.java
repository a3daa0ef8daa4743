package dev.specbot.slack.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;

/** Reminders fired, by kind, and how late each was against its due time. */
public final class ReminderMetrics {
  static final String FIRED = "specbot.reminders.fired";
  static final String LATENESS = "specbot.reminders.lateness";

  private final MeterRegistry registry;

  ReminderMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A reminder of {@code kind} (an enum's name) due at {@code dueAt} fired at {@code firedAt}. */
  public void fired(String kind, Instant dueAt, Instant firedAt) {
    Counter.builder(FIRED)
        .description("Reminders and nudges fired")
        .tag("kind", kind)
        .register(registry)
        .increment();
    Duration late = Duration.between(dueAt, firedAt);
    Timer.builder(LATENESS)
        .description("How long after its due time a reminder fired")
        .tag("kind", kind)
        .serviceLevelObjectives(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(5))
        .register(registry)
        .record(late.isNegative() ? Duration.ZERO : late);
  }
}
