package dev.specbot.storage;

import org.jdbi.v3.core.Handle;

/** The stores, bound to one transaction: what they write is committed or rolled back together. */
public final class Tx {
  private final Interviews interviews;
  private final Outbox outbox;
  private final ProcessedEvents events;
  private final Meetings meetings;
  private final Reminders reminders;
  private final People people;
  private final SpecReads reads;
  private final AnswerMessages answerMessages;
  private final Reviews reviews;
  private final Instances instances;
  private final Tallies tallies;
  private final SpecCanvases canvases;
  private final SpecIssues specIssues;
  private final SpecTickets specTickets;
  private final Home home;
  private final Discussions discussions;
  private final Inbox inbox;

  Tx(Handle handle, Dialect dialect) {
    this.interviews = new Interviews(handle);
    this.outbox = new Outbox(handle, dialect);
    this.events = new ProcessedEvents(handle);
    this.meetings = new Meetings(handle);
    this.reminders = new Reminders(handle);
    this.people = new People(handle);
    this.reads = new SpecReads(handle);
    this.answerMessages = new AnswerMessages(handle);
    this.reviews = new Reviews(handle);
    this.instances = new Instances(handle);
    this.tallies = new Tallies(handle);
    this.canvases = new SpecCanvases(handle);
    this.specIssues = new SpecIssues(handle);
    this.specTickets = new SpecTickets(handle);
    this.home = new Home(handle);
    this.discussions = new Discussions(handle);
    this.inbox = new Inbox(handle);
  }

  public AnswerMessages answerMessages() {
    return answerMessages;
  }

  public Instances instances() {
    return instances;
  }

  public Reviews reviews() {
    return reviews;
  }

  public Meetings meetings() {
    return meetings;
  }

  public Reminders reminders() {
    return reminders;
  }

  public People people() {
    return people;
  }

  public SpecReads reads() {
    return reads;
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

  public SpecCanvases canvases() {
    return canvases;
  }

  /** Specs published as GitHub issues. */
  public SpecIssues specIssues() {
    return specIssues;
  }

  /** Tickets made from specs' action items. */
  public SpecTickets specTickets() {
    return specTickets;
  }

  /** The Home tab's reads, and who has opened it. */
  public Home home() {
    return home;
  }

  /** Discussion meetings' decisions and follow-ups. */
  public Discussions discussions() {
    return discussions;
  }

  /** Thread replies recorded and not yet taken in. */
  public Inbox inbox() {
    return inbox;
  }

  public Tallies tallies() {
    return tallies;
  }
}
