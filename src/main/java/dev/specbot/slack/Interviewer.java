package dev.specbot.slack;

import dev.specbot.interview.Commands;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import dev.specbot.storage.Database;
import dev.specbot.storage.Interviews;
import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs interviews for the Slack front end: each input is one transaction that records the event (so
 * a retry is a no-op), moves the interview on and queues what the bot will say. Nothing is sent
 * from here.
 */
final class Interviewer {
  /** What became of an input. */
  enum Outcome {
    /** Taken in: the interview moved on. */
    HANDLED,
    /** Seen before (a Slack retry): nothing done. */
    DUPLICATE,
    /** Not in an interview's thread. */
    NOT_AN_INTERVIEW,
    /** From someone other than the drafter: not an answer. */
    NOT_THE_DRAFTER,
    /** The interview is finished or cancelled: the user was told. */
    CLOSED
  }

  private final Database database;
  private final TemplateCatalog catalog;
  private final Clock clock;
  private final Runnable wakeSender;
  private final MeetingDesk desk;

  Interviewer(
      Database database,
      TemplateCatalog catalog,
      MeetingDesk desk,
      Clock clock,
      Runnable wakeSender) {
    this.database = database;
    this.catalog = catalog;
    this.desk = desk;
    this.clock = clock;
    this.wakeSender = wakeSender;
  }

  /**
   * Starts an interview in a channel: its parent message, then its first question in the thread.
   */
  String start(
      Template template, String title, String drafterId, String drafterName, SlackPlace place) {
    Instant now = clock.instant();
    Interview interview =
        Interview.start(
            UUID.randomUUID().toString(), template.id(), title, drafterId, drafterName, now);
    InterviewMachine machine = machine(template);
    Transition begun = machine.begin(interview);
    database.transaction(
        tx -> {
          tx.interviews().insert(begun.interview(), place);
          Messages.Message parent =
              Messages.parent(begun.interview(), template, machine.progressOf(begun.interview()));
          enqueue(
              tx,
              Delivery.forInterview(
                  Delivery.Kind.POST_PARENT, interview.id(), parent.text(), parent.blocks()),
              now);
          enqueueEffects(tx, begun, template, now, false);
          desk.interviewMoved(tx, begun.interview(), now);
          return null;
        });
    wakeSender.run();
    return interview.id();
  }

  /**
   * A message in a thread: an answer or a command when it is the drafter's, in an interview's
   * thread.
   */
  Outcome reply(
      String eventId, String channelId, String threadTs, String ts, String userId, String text) {
    return reply(eventId, channelId, threadTs, ts, userId, text, false);
  }

  /**
   * A reply, which {@code continuesPrevious} marks as written before the bot could ask anything
   * after the drafter's previous reply (as when catching up after downtime).
   */
  Outcome reply(
      String eventId,
      String channelId,
      String threadTs,
      String ts,
      String userId,
      String text,
      boolean continuesPrevious) {
    Outcome outcome =
        database.transaction(
            tx -> {
              // Looked up before anything is recorded: a reply outside an interview's thread, or
              // not the drafter's, changes nothing however often it comes, and leaves no key.
              Optional<StoredInterview> stored = tx.interviews().findByThread(channelId, threadTs);
              if (stored.isEmpty()) {
                return Outcome.NOT_AN_INTERVIEW;
              }
              Interview interview = stored.get().interview();
              if (!interview.drafterId().equals(userId)) {
                return Outcome.NOT_THE_DRAFTER;
              }
              boolean firstEvent = tx.events().firstTime("event:" + eventId, clock.instant());
              boolean firstMessage =
                  tx.events()
                      .firstTimeFor(
                          interview.id(), "message:" + channelId + ":" + ts, clock.instant());
              if (!firstEvent || !firstMessage) {
                return Outcome.DUPLICATE;
              }
              if (interview.status() == Status.FINISHED) {
                desk.written(tx, stored.get(), text, clock.instant());
                return Outcome.HANDLED;
              }
              Input input = Commands.parse(text);
              Optional<String> continued = burstOf(tx, interview, input, continuesPrevious);
              if (continued.isPresent()) {
                return extend(tx, interview, continued.get(), channelId, ts, text);
              }
              return step(tx, interview, input, Optional.of(new Reply(channelId, ts, text)));
            });
    // Only a reply taken in queues anything: chatter elsewhere must not send the workers to the
    // database.
    if (outcome == Outcome.HANDLED) {
      wakeSender.run();
    }
    return outcome;
  }

  /** A button pressed on one of the interview's messages. */
  Outcome press(
      String actionKey, String interviewId, String userId, String channelId, Input input) {
    Outcome outcome =
        database.transaction(
            tx -> {
              Optional<StoredInterview> stored = tx.interviews().find(interviewId);
              if (stored.isEmpty()) {
                return Outcome.NOT_AN_INTERVIEW;
              }
              if (!tx.events().firstTime("action:" + actionKey, clock.instant())) {
                return Outcome.DUPLICATE;
              }
              Interview interview = stored.get().interview();
              if (!interview.drafterId().equals(userId)) {
                enqueue(
                    tx,
                    Delivery.ephemeral(channelId, userId, notYours(interview)),
                    clock.instant());
                return Outcome.NOT_THE_DRAFTER;
              }
              if (!interview.status().isOpen()) {
                enqueue(
                    tx,
                    Delivery.ephemeral(channelId, userId, closedNote(interview)),
                    clock.instant());
                return Outcome.CLOSED;
              }
              return step(tx, interview, input, Optional.empty());
            });
    wakeSender.run();
    return outcome;
  }

  List<StoredInterview> interviewsOf(String userId) {
    return database.transaction(tx -> tx.interviews().listByDrafter(userId));
  }

  /** Each interview's meeting line, for those that have had a meeting. */
  Map<String, String> meetingLines(List<StoredInterview> interviews) {
    return database.transaction(
        tx -> {
          Map<String, String> lines = new HashMap<>();
          for (StoredInterview stored : interviews) {
            String id = stored.interview().id();
            MeetingDesk.meetingLine(tx, id).ifPresent(line -> lines.put(id, line));
          }
          return lines;
        });
  }

  /** A reply in Slack: where it is, so that editing or deleting it later reaches its answer. */
  private record Reply(String channelId, String ts, String text) {}

  /**
   * The question a reply continues: the drafter's previous reply answered it and the next question
   * cannot have appeared in Slack yet, so this reply was written before it.
   */
  private static Optional<String> burstOf(
      Tx tx, Interview interview, Input input, boolean continuesPrevious) {
    if (!(input instanceof Input.Answer) || interview.status() != Status.ASKING) {
      return Optional.empty();
    }
    return tx.interviews()
        .burst(interview.id())
        .filter(burst -> continuesPrevious || tx.outbox().cannotHaveAppeared(burst.nextAskId()))
        .map(Interviews.Burst::questionId);
  }

  private Outcome extend(
      Tx tx, Interview interview, String questionId, String channelId, String ts, String text) {
    Instant now = clock.instant();
    Template template = templateOf(interview);
    Transition extended =
        machineFor(tx, template, interview).extend(interview, questionId, text, now);
    tx.interviews().update(extended.interview());
    tx.answerMessages().record(interview.id(), channelId, ts, questionId, text, now);
    return Outcome.HANDLED;
  }

  private Outcome step(Tx tx, Interview interview, Input input, Optional<Reply> reply) {
    Template template = templateOf(interview);
    Instant now = clock.instant();
    Transition transition = machineFor(tx, template, interview).apply(interview, input, now);
    tx.interviews().update(transition.interview());
    Optional<String> nextAsk = enqueueEffects(tx, transition, template, now, true);
    rememberAnswer(tx, interview, transition.interview(), input, reply, nextAsk, now);
    desk.interviewMoved(tx, transition.interview(), now);
    if (transition.effects().stream().anyMatch(Effect.Publish.class::isInstance)) {
      desk.offer(tx, transition.interview(), now);
    }
    return Outcome.HANDLED;
  }

  /**
   * Records which message answered which question, for edits and deletions; and whether this input
   * was an answer, for the next reply's burst check.
   */
  private static void rememberAnswer(
      Tx tx,
      Interview before,
      Interview after,
      Input input,
      Optional<Reply> reply,
      Optional<String> nextAsk,
      Instant now) {
    Optional<String> answered = Optional.empty();
    if (input instanceof Input.Answer && reply.isPresent() && before.status().isOpen()) {
      answered =
          after.answers().entrySet().stream()
              .filter(e -> !e.getValue().equals(before.answers().get(e.getKey())))
              .map(Map.Entry::getKey)
              .findFirst();
    }
    answered.ifPresent(
        question -> {
          tx.answerMessages().forget(before.id(), question);
          tx.answerMessages()
              .record(
                  before.id(),
                  reply.get().channelId(),
                  reply.get().ts(),
                  question,
                  reply.get().text(),
                  now);
        });
    tx.interviews()
        .setBurst(
            before.id(), answered.flatMap(q -> nextAsk.map(ask -> new Interviews.Burst(q, ask))));
  }

  /** The machine for an interview: the document's dates are days in the drafter's own zone. */
  static InterviewMachine machineFor(Tx tx, Template template, Interview interview) {
    return new InterviewMachine(template, Directory.stored(tx, interview.drafterId()).zone());
  }

  /** Queues what the effects say; returns the outbox id of the question asked, if one is. */
  static Optional<String> enqueueEffects(
      Tx tx, Transition transition, Template template, Instant now, boolean updateParent) {
    Interview interview = transition.interview();
    Optional<Progress> progress = Optional.empty();
    Optional<String> ask = Optional.empty();
    for (Effect effect : transition.effects()) {
      if (effect instanceof Effect.ProgressChanged changed) {
        progress = Optional.of(changed.progress());
      } else {
        for (Delivery delivery : EffectDeliveries.of(effect, interview, template)) {
          String id = enqueue(tx, delivery, now);
          if (effect instanceof Effect.Ask) {
            ask = Optional.of(id);
          }
        }
      }
    }
    // The parent's progress line goes in a lane of its own (see enqueue): it never holds up the
    // next question.
    if (updateParent && progress.isPresent()) {
      Messages.Message parent = Messages.parent(interview, template, progress.get());
      enqueue(
          tx,
          Delivery.forInterview(
              Delivery.Kind.UPDATE_PARENT, interview.id(), parent.text(), parent.blocks()),
          now);
    }
    return ask;
  }

  /**
   * Slack edits an interview's parent message at most this often. Only its latest version matters,
   * so an interview answered quickly (or many at once) costs one {@code chat.update} per interval
   * rather than one per answer; chat.update is one of Slack's more tightly rate-limited methods.
   */
  private static final Duration PARENT_EDIT_INTERVAL = Duration.ofSeconds(1);

  /**
   * Queues a delivery in its interview's lane (or its user's); returns its outbox id. Edits of the
   * parent message have a lane of their own, so that they never hold up the thread, and a newer
   * edit replaces one still waiting.
   */
  static String enqueue(Tx tx, Delivery delivery, Instant now) {
    if (delivery.kind() == Delivery.Kind.UPDATE_PARENT) {
      return tx.outbox()
          .replaceWaiting(
              "parent:" + delivery.interviewId(),
              delivery.kind().name(),
              delivery.toJson(),
              now,
              now.plus(PARENT_EDIT_INTERVAL));
    }
    String lane =
        delivery.interviewId() != null ? delivery.interviewId() : "user:" + delivery.user();
    return tx.outbox().enqueue(lane, delivery.kind().name(), delivery.toJson(), now);
  }

  Template templateOf(Interview interview) {
    return catalog
        .find(interview.templateId())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "interview "
                        + interview.id()
                        + " uses template "
                        + interview.templateId()
                        + ", which is no longer installed"));
  }

  private static InterviewMachine machine(Template template) {
    // Used only to ask the first question: the drafter's time zone may not be looked up yet, and
    // no date is written until the document is assembled (in step, in the drafter's zone).
    return new InterviewMachine(template, ZoneOffset.UTC);
  }

  private static String notYours(Interview interview) {
    return "This is <@"
        + interview.drafterId()
        + ">'s interview: only they can answer it or use its buttons."
        + " Start your own with `/spec`.";
  }

  private static String closedNote(Interview interview) {
    return interview.status() == Status.FINISHED
        ? "This spec is already finished and posted, so that button does nothing now."
        : "This interview was cancelled, so that button does nothing now. Start a new one with `/spec`.";
  }
}
