package dev.specbot.storage;

import org.jdbi.v3.core.Handle;

/** The stores, bound to one transaction: what they write is committed or rolled back together. */
public final class Tx {
  private final Interviews interviews;
  private final Outbox outbox;
  private final ProcessedEvents events;

  Tx(Handle handle) {
    this.interviews = new Interviews(handle);
    this.outbox = new Outbox(handle);
    this.events = new ProcessedEvents(handle);
  }

  public Interviews interviews() {
    return interviews;
  }

  public Outbox outbox() {
    return outbox;
  }

  public ProcessedEvents events() {
    return events;
  }
}
