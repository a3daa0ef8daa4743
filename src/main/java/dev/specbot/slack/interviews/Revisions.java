package dev.specbot.slack.interviews;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Effect;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import dev.specbot.meeting.MeetingText;
import dev.specbot.slack.reviews.ReviewDesk;
import dev.specbot.storage.AnswerMessages;
import dev.specbot.storage.Database;
import dev.specbot.storage.Optimistic;
import dev.specbot.storage.StoredInterview;
import dev.specbot.template.Question;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Edits and deletions of the drafter's (and co-authors') replies in Slack, carried to the answers
 * they gave: an edited reply changes its answer, a deleted one leaves its question unanswered, and
 * a posted spec is posted again. Each event is read, computed with no transaction open and written
 * in one transaction (see {@link Optimistic}), recorded so that a retry does nothing.
 */
public final class Revisions {
  private final Database database;
  private final Interviewer interviewer;
  private final ReviewDesk reviews;
  private final Clock clock;
  private final Runnable wake;

  public Revisions(
      Database database, Interviewer interviewer, ReviewDesk reviews, Clock clock, Runnable wake) {
    this.database = database;
    this.interviewer = interviewer;
    this.reviews = reviews;
    this.clock = clock;
    this.wake = wake;
  }

  /** The message {@code channelId}/{@code ts} now reads {@code text}. */
  public void edited(String eventId, String channelId, String ts, String userId, String text) {
    revise(eventId, channelId, ts, Optional.of(userId), Optional.of(text));
  }

  /** The message {@code channelId}/{@code ts} was deleted. */
  public void deleted(String eventId, String channelId, String ts) {
    revise(eventId, channelId, ts, Optional.empty(), Optional.empty());
  }

  /**
   * Carries an edit ({@code text} present) or a deletion to the answer the message is part of. Only
   * an event about an answer is remembered; the answer is revised (and a posted document rendered)
   * with no transaction open.
   */
  private void revise(
      String eventId, String channelId, String ts, Optional<String> editor, Optional<String> text) {
    String key = "event:" + eventId;
    Instant now = clock.instant();
    boolean changed =
        Optimistic.run(
            database,
            tx -> {
              Optional<AnswerMessages.Part> part = tx.answerMessages().find(channelId, ts);
              Optional<StoredInterview> stored =
                  part.flatMap(p -> tx.interviews().find(p.interviewId()));
              if (stored.isEmpty()
                  || editor.filter(id -> !mayRevise(stored.get(), part.get(), id)).isPresent()
                  || text.filter(part.get().text()::equals).isPresent() // An unfurl, not an edit.
                  || tx.events().seen(key)) {
                return Optimistic.done(false);
              }
              Interview interview = stored.get().interview();
              String questionId = part.get().questionId();
              List<AnswerMessages.Part> parts =
                  tx.answerMessages().parts(interview.id(), questionId);
              InterviewMachine machine =
                  Interviewer.machineFor(tx, interviewer.templateOf(interview), interview);
              Optional<ReviewDesk.Posted> posted =
                  interview.status() == Status.FINISHED
                      ? Optional.of(reviews.readPosted(tx, stored.get()))
                      : Optional.empty();
              return Optimistic.compute(
                  interview.id(),
                  tx.interviews().version(interview.id()),
                  () -> {
                    Optional<String> answer = answerAfter(parts, ts, text);
                    Transition revised = machine.revise(interview, questionId, answer, now);
                    Optional<ReviewDesk.Edit> edit =
                        posted.map(
                            p ->
                                reviews.answerChanged(
                                    p,
                                    titleOf(machine, questionId),
                                    interview.answers().getOrDefault(questionId, ""),
                                    answer.orElse(""),
                                    now));
                    // Written now, not by the writer: a posted spec's file and messages again.
                    Outgoing.Written outgoing =
                        (edit.isPresent()
                                ? Outgoing.of(
                                    republished(revised, machine, posted.get(), edit.get(), now),
                                    machine.template(),
                                    true,
                                    edit.get().parentLine())
                                : Outgoing.of(revised, machine.template(), true))
                            .written(now);
                    return write -> {
                      if (!write.events().firstTime(key, now)) {
                        return false;
                      }
                      text.ifPresentOrElse(
                          edited -> write.answerMessages().updateText(channelId, ts, edited),
                          () -> write.answerMessages().delete(channelId, ts));
                      write.interviews().update(revised.interview());
                      write.interviews().setBurst(interview.id(), Optional.empty());
                      var unused = outgoing.enqueue(write);
                      edit.ifPresent(e -> e.change().accept(write));
                      return true;
                    };
                  });
            });
    if (changed) { // Slack reports every link's unfurl as an edit: those queue nothing.
      wake.run();
    }
  }

  /**
   * A posted spec's document posted again as it now stands: with its meeting, and its review's
   * status, which the edit may have moved.
   */
  static Transition republished(
      Transition revised,
      InterviewMachine machine,
      ReviewDesk.Posted posted,
      ReviewDesk.Edit edit,
      Instant now) {
    List<Effect> effects =
        revised.effects().stream()
            .map(
                effect ->
                    effect instanceof Effect.Republish republish
                        ? new Effect.Republish(
                            machine.render(
                                revised.interview(),
                                now,
                                posted.meeting().map(MeetingText::of),
                                edit.status(),
                                edit.record()),
                            republish.why())
                        : effect)
            .toList();
    return new Transition(revised.interview(), effects);
  }

  /** The drafter may change any answer; a co-author the answers of the questions handed to them. */
  private static boolean mayRevise(
      StoredInterview stored, AnswerMessages.Part part, String userId) {
    Interview interview = stored.interview();
    Assignee coAuthor = interview.assignments().get(part.questionId());
    return userId.equals(interview.drafterId())
        || (coAuthor != null && coAuthor.id().equals(userId));
  }

  private static String titleOf(InterviewMachine machine, String questionId) {
    return machine.template().questions().stream()
        .filter(question -> question.id().equals(questionId))
        .map(Question::title)
        .findFirst()
        .orElse(questionId);
  }

  /** The answer's parts joined, with the one at {@code ts} edited to {@code text} or deleted. */
  private static Optional<String> answerAfter(
      List<AnswerMessages.Part> parts, String ts, Optional<String> text) {
    List<String> texts = new ArrayList<>();
    for (AnswerMessages.Part part : parts) {
      if (!part.ts().equals(ts)) {
        texts.add(part.text());
      } else {
        text.ifPresent(texts::add);
      }
    }
    return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
  }
}
