package dev.specbot.slack.interviews;

import dev.specbot.interview.Commands;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import dev.specbot.review.ReviewCommands;
import dev.specbot.review.ReviewInput;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.meetings.MeetingDesk;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.messages.ParentMessage;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.outbox.PostedMessages;
import dev.specbot.slack.outbox.Unrecorded;
import dev.specbot.slack.reviews.ReviewDesk;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Database;
import dev.specbot.storage.Interviews;
import dev.specbot.storage.Optimistic;
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
import java.util.function.Consumer;

/**
 * Runs interviews for the Slack front end. Each input reads the interview, computes its step (the
 * document rendered, Block Kit built) with no transaction open, then in one transaction records the
 * event (so a retry is a no-op), moves the interview on and queues what the bot will say, if the
 * interview did not change meanwhile (see {@link Optimistic}). Nothing is sent from here.
 */
public final class Interviewer {
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
  private final ReviewDesk reviews;
  private final AfterPosting afterPosting;
  private final Bursts bursts;
  private final GitHubActions gitHub;

  public Interviewer(
      Database database,
      TemplateCatalog catalog,
      MeetingDesk desk,
      ReviewDesk reviews,
      Clock clock,
      Runnable wakeSender,
      Duration readingDelay,
      PostedMessages posted,
      Unrecorded unrecorded,
      GitHubActions gitHub) {
    this.database = database;
    this.catalog = catalog;
    this.desk = desk;
    this.reviews = reviews;
    this.gitHub = gitHub;
    this.afterPosting = new AfterPosting(this, desk, reviews, gitHub);
    this.clock = clock;
    this.wakeSender = wakeSender;
    this.bursts = new Bursts(readingDelay, posted, unrecorded);
  }

  /**
   * Starts an interview in a channel: its parent message, then its first question in the thread.
   * Everything said is built before the transaction, which only writes it.
   */
  public String start(
      Template template, String title, String drafterId, String drafterName, SlackPlace place) {
    Instant now = clock.instant();
    Interview interview =
        Interview.start(
            UUID.randomUUID().toString(), template.id(), title, drafterId, drafterName, now);
    InterviewMachine machine = machine(template);
    Transition begun = machine.begin(interview);
    Message parent =
        ParentMessage.of(begun.interview(), template, machine.progressOf(begun.interview()));
    Outgoing outgoing = Outgoing.of(begun, template, false);
    database.transaction(
        tx -> {
          tx.interviews().insert(begun.interview(), place);
          Delivery.forInterview(
                  Delivery.Kind.POST_PARENT, interview.id(), parent.text(), parent.blocks())
              .enqueue(tx, now);
          var unused = outgoing.enqueueOpening(tx, now);
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
  public Outcome reply(
      String eventId, String channelId, String threadTs, String ts, String userId, String text) {
    return reply(eventId, channelId, threadTs, ts, userId, text, false);
  }

  /**
   * A reply, which {@code continuesPrevious} marks as written before the bot could ask anything
   * after the drafter's previous reply (as when catching up after downtime). Only a reply that
   * touches an interview is remembered; others leave no trace.
   */
  public Outcome reply(
      String eventId,
      String channelId,
      String threadTs,
      String ts,
      String userId,
      String text,
      boolean continuesPrevious) {
    return reply(
        eventId, channelId, threadTs, ts, userId, text, continuesPrevious, Optional.empty());
  }

  /**
   * A reply, where {@code botUserId} (the bot's own user, when the listener knows it) is nobody to
   * hand a question to.
   */
  public Outcome reply(
      String eventId,
      String channelId,
      String threadTs,
      String ts,
      String userId,
      String text,
      boolean continuesPrevious,
      Optional<String> botUserId) {
    // Read once, before any transaction: a reply can be Slack's 40,000 characters.
    Said said =
        new Said(
            HandOvers.toTeammate(Commands.parse(text), botUserId),
            ReviewCommands.parse(text, userId));
    return bursts.waitingForQuestion(
        check ->
            reply(eventId, channelId, threadTs, ts, userId, text, said, continuesPrevious, check),
        messageId -> bursts.inSlack(channelId, threadTs, messageId));
  }

  private Outcome reply(
      String eventId,
      String channelId,
      String threadTs,
      String ts,
      String userId,
      String text,
      Said said,
      boolean continuesPrevious,
      Bursts.Check check) {
    Input input = said.input();
    Instant now = clock.instant();
    Outcome outcome =
        Optimistic.run(
            database,
            tx -> {
              Optional<StoredInterview> stored = tx.interviews().findByThread(channelId, threadTs);
              if (stored.isEmpty()) {
                return Optimistic.done(Outcome.NOT_AN_INTERVIEW);
              }
              Interview interview = stored.get().interview();
              boolean drafter = interview.drafterId().equals(userId);
              boolean posted =
                  interview.status() == Status.FINISHED || interview.status() == Status.REVISING;
              boolean coAuthor = !drafter && !posted && HandOvers.waitsOn(interview, userId);
              boolean handingOver = HandOvers.isHandOver(input);
              if (!drafter && !posted && !coAuthor && !handingOver) {
                return Optimistic.done(Outcome.NOT_THE_DRAFTER);
              }
              // The reply's key stays while its interview is open: catch-up reads the thread again.
              Keys keys =
                  new Keys(
                      List.of("event:" + eventId),
                      interview.id(),
                      List.of(ThreadReply.keyOf(channelId, ts)));
              if (keys.anySeen(tx)) {
                return Optimistic.done(Outcome.DUPLICATE);
              }
              long version = tx.interviews().version(interview.id());
              if (!drafter && !posted && !coAuthor) {
                // Someone else's "assign": told privately, once, that questions are the drafter's.
                Optimistic.Write<Outcome> note =
                    privately(channelId, userId, notYours(interview), Outcome.NOT_THE_DRAFTER, now);
                return Optimistic.compute(interview.id(), version, () -> keys.once(now, note));
              }
              if (posted) {
                return afterPosting.read(
                    tx,
                    stored.get(),
                    keys,
                    version,
                    userId,
                    new Reply(channelId, ts, text),
                    said,
                    now);
              }
              InterviewMachine machine = machineFor(tx, templateOf(interview), interview);
              Reply reply = new Reply(channelId, ts, text);
              Optional<String> permalink = stored.get().place().permalink();
              if (coAuthor) {
                Input answer = new Input.CoAuthorAnswer(userId, text);
                return Optimistic.compute(
                    interview.id(),
                    version,
                    () ->
                        keys.once(
                            now,
                            step(machine, interview, answer, Optional.of(reply), now, permalink)));
              }
              Input named = HandOvers.named(tx, input);
              Optional<String> continued =
                  bursts.continued(tx, interview, named, ts, continuesPrevious, check);
              return Optimistic.compute(
                  interview.id(),
                  version,
                  () ->
                      keys.once(
                          now,
                          continued.isPresent()
                              ? extend(machine, interview, continued.get(), reply, now)
                              : step(
                                  machine, interview, named, Optional.of(reply), now, permalink)));
            });
    wakeSender.run();
    return outcome;
  }

  /** A button pressed on one of the interview's messages. */
  public Outcome press(
      String actionKey, String interviewId, String userId, String channelId, Input input) {
    Instant now = clock.instant();
    Outcome outcome =
        Optimistic.run(
            database,
            tx -> {
              Optional<StoredInterview> stored = tx.interviews().find(interviewId);
              if (stored.isEmpty()) {
                return Optimistic.done(Outcome.NOT_AN_INTERVIEW);
              }
              Keys keys = new Keys(List.of("action:" + actionKey), interviewId, List.of());
              if (keys.anySeen(tx)) {
                return Optimistic.done(Outcome.DUPLICATE);
              }
              Interview interview = stored.get().interview();
              long version = tx.interviews().version(interview.id());
              Optional<Optimistic.Write<Outcome>> refusal =
                  refusal(interview, userId, channelId, now);
              if (refusal.isPresent()) {
                return Optimistic.compute(
                    interviewId, version, () -> keys.once(now, refusal.get()));
              }
              InterviewMachine machine = machineFor(tx, templateOf(interview), interview);
              Input named = HandOvers.named(tx, input);
              Optional<String> permalink = stored.get().place().permalink();
              return Optimistic.compute(
                  interviewId,
                  version,
                  () ->
                      keys.once(
                          now, step(machine, interview, named, Optional.empty(), now, permalink)));
            });
    wakeSender.run();
    return outcome;
  }

  static Optimistic.Write<Outcome> handled(Consumer<Tx> change) {
    return tx -> {
      change.accept(tx);
      return Outcome.HANDLED;
    };
  }

  /** A private note instead of the press's step: not the drafter's, or the interview closed. */
  private static Optional<Optimistic.Write<Outcome>> refusal(
      Interview interview, String userId, String channelId, Instant now) {
    if (!interview.drafterId().equals(userId)) {
      return Optional.of(
          privately(channelId, userId, notYours(interview), Outcome.NOT_THE_DRAFTER, now));
    }
    if (!interview.status().isOpen()) {
      return Optional.of(privately(channelId, userId, closedNote(interview), Outcome.CLOSED, now));
    }
    return Optional.empty();
  }

  private static Optimistic.Write<Outcome> privately(
      String channelId, String userId, String note, Outcome outcome, Instant now) {
    Delivery delivery = Delivery.ephemeral(channelId, userId, note);
    return tx -> {
      delivery.enqueue(tx, now);
      return outcome;
    };
  }

  /** Who drafts the interview; empty when there is no such interview. */
  public String drafterOf(String interviewId) {
    return database.transaction(
        tx -> tx.interviews().find(interviewId).map(s -> s.interview().drafterId()).orElse(""));
  }

  public List<StoredInterview> interviewsOf(String userId) {
    return database.transaction(tx -> tx.interviews().listByDrafter(userId));
  }

  /** Each posted spec's line: its meeting and where its review stands, for those that have one. */
  public Map<String, String> stageLines(List<StoredInterview> interviews) {
    return database.transaction(
        tx -> {
          Map<String, String> lines = new HashMap<>();
          for (StoredInterview stored : interviews) {
            String id = stored.interview().id();
            ParentMessage.lines(MeetingDesk.meetingLine(tx, id), tx.reviews().find(id))
                .ifPresent(line -> lines.put(id, line));
          }
          return lines;
        });
  }

  /** A reply in Slack: where it is, so that editing or deleting it later reaches its answer. */
  record Reply(String channelId, String ts, String text) {}

  /** What a reply says, read before any transaction: an interview input, and a review command. */
  record Said(Input input, Optional<ReviewInput> review) {}

  private static Optimistic.Write<Outcome> extend(
      InterviewMachine machine, Interview interview, String questionId, Reply reply, Instant now) {
    Transition extended = machine.extend(interview, questionId, reply.text(), now);
    return tx -> {
      tx.interviews().update(interview, extended.interview());
      tx.answerMessages()
          .record(interview.id(), reply.channelId(), reply.ts(), questionId, reply.text(), now);
      return Outcome.HANDLED;
    };
  }

  /** The step an input makes, computed and rendered here; the write only stores and queues it. */
  Optimistic.Write<Outcome> step(
      InterviewMachine machine,
      Interview interview,
      Input input,
      Optional<Reply> reply,
      Instant now) {
    return step(machine, interview, input, reply, now, Optional.empty());
  }

  /** The same, with the thread's link for a co-author told in private. */
  Optimistic.Write<Outcome> step(
      InterviewMachine machine,
      Interview interview,
      Input input,
      Optional<Reply> reply,
      Instant now,
      Optional<String> permalink) {
    Transition transition = machine.apply(interview, input, now);
    Outgoing outgoing =
        Outgoing.of(transition, machine.template(), true, Optional.empty(), permalink);
    boolean coAuthors = input instanceof Input.CoAuthorAnswer;
    Optional<String> answered = answered(interview, transition.interview(), input, reply);
    boolean publishes = transition.effects().stream().anyMatch(Effect.Publish.class::isInstance);
    Optional<Message> reviewOffer =
        publishes
            ? Optional.of(reviews.offer(transition.interview(), machine.template()))
            : Optional.empty();
    Optional<Delivery> gitHubOffer =
        publishes ? gitHub.offer(transition.interview(), machine.template()) : Optional.empty();
    // Written now, not by the writer; a finished spec's last message again in the transaction,
    // which adds the meeting's offer to it.
    Outgoing.Written written = outgoing.written(now);
    return tx -> {
      tx.interviews().update(interview, transition.interview());
      desk.interviewMoved(tx, interview, transition.interview(), machine.zone(), now);
      Outgoing.Written queued = written;
      if (publishes) {
        // What comes next, the meeting and the review, in one message, at the end of the spec's
        // last message where it fits: fewer posts of Slack's allowance of about one a second per
        // channel, and fewer messages in the thread.
        Message meeting = desk.offer(tx, transition.interview(), now);
        queued =
            written.followedBy(
                interview.id(), reviewOffer.map(meeting::followedBy).orElse(meeting));
      }
      Optional<String> nextAsk = queued.enqueue(tx);
      rememberAnswer(tx, interview.id(), answered, reply, now);
      if (!coAuthors) {
        // A co-author's answer is no burst of the drafter's: the drafter's next reply is theirs.
        tx.interviews()
            .setBurst(
                interview.id(),
                answered.flatMap(q -> nextAsk.map(ask -> new Interviews.Burst(q, ask))));
      }
      gitHubOffer.ifPresent(offer -> offer.enqueue(tx, now));
      return Outcome.HANDLED;
    };
  }

  /** The question this input answered, if it was an answer given in a reply. */
  private static Optional<String> answered(
      Interview before, Interview after, Input input, Optional<Reply> reply) {
    boolean answer = input instanceof Input.Answer || input instanceof Input.CoAuthorAnswer;
    if (!answer || reply.isEmpty() || !before.status().isOpen()) {
      return Optional.empty();
    }
    return after.answers().entrySet().stream()
        .filter(e -> !e.getValue().equals(before.answers().get(e.getKey())))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Records which message answered which question, for edits and deletions. */
  private static void rememberAnswer(
      Tx tx, String interviewId, Optional<String> answered, Optional<Reply> reply, Instant now) {
    answered.ifPresent(
        question -> {
          tx.answerMessages().forget(interviewId, question);
          tx.answerMessages()
              .record(
                  interviewId,
                  reply.get().channelId(),
                  reply.get().ts(),
                  question,
                  reply.get().text(),
                  now);
        });
  }

  /** The machine for an interview: the document's dates are days in the drafter's own zone. */
  static InterviewMachine machineFor(Tx tx, Template template, Interview interview) {
    return new InterviewMachine(template, Directory.stored(tx, interview.drafterId()).zone());
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
