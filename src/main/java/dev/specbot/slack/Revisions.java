package dev.specbot.slack;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Transition;
import dev.specbot.storage.AnswerMessages;
import dev.specbot.storage.Database;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import dev.specbot.template.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Edits and deletions of the drafter's replies in Slack, carried to the answers they gave: an
 * edited reply changes its answer, a deleted one leaves its question unanswered, and a posted spec
 * is posted again. Each event is one transaction, recorded so that a retry does nothing.
 */
final class Revisions {
  private final Database database;
  private final Interviewer interviewer;
  private final Clock clock;
  private final Runnable wake;

  Revisions(Database database, Interviewer interviewer, Clock clock, Runnable wake) {
    this.database = database;
    this.interviewer = interviewer;
    this.clock = clock;
    this.wake = wake;
  }

  /** The message {@code channelId}/{@code ts} now reads {@code text}. */
  void edited(String eventId, String channelId, String ts, String userId, String text) {
    revise(
        eventId,
        channelId,
        ts,
        userId,
        (tx, part) -> {
          if (part.text().equals(text)) {
            return false; // Slack also reports unfurls and the like as edits.
          }
          tx.answerMessages().updateText(channelId, ts, text);
          return true;
        });
  }

  /** The message {@code channelId}/{@code ts} was deleted. */
  void deleted(String eventId, String channelId, String ts) {
    revise(
        eventId,
        channelId,
        ts,
        null,
        (tx, part) -> {
          tx.answerMessages().delete(channelId, ts);
          return true;
        });
  }

  /** Changes a stored part of an answer; false when nothing changed. */
  private interface Change {
    boolean apply(Tx tx, AnswerMessages.Part part);
  }

  private void revise(String eventId, String channelId, String ts, String userId, Change change) {
    boolean revised =
        database.transaction(
            tx -> {
              Instant now = clock.instant();
              Optional<AnswerMessages.Part> part = tx.answerMessages().find(channelId, ts);
              Optional<StoredInterview> stored =
                  part.flatMap(p -> tx.interviews().find(p.interviewId()));
              // Recorded only for an answer's message: other edits and deletions leave no key.
              if (stored.isEmpty()
                  || (userId != null && !userId.equals(stored.get().interview().drafterId()))
                  || !tx.events().firstTime("event:" + eventId, now)
                  || !change.apply(tx, part.get())) {
                return false;
              }
              reviseAnswer(tx, stored.get().interview(), part.get().questionId(), now);
              return true;
            });
    // Edits elsewhere (Slack reports every link's unfurl as one) must not send the workers to the
    // database.
    if (revised) {
      wake.run();
    }
  }

  private void reviseAnswer(Tx tx, Interview interview, String questionId, Instant now) {
    List<String> texts = tx.answerMessages().texts(interview.id(), questionId);
    Optional<String> answer =
        texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
    Template template = interviewer.templateOf(interview);
    Transition revised =
        Interviewer.machineFor(tx, template, interview).revise(interview, questionId, answer, now);
    tx.interviews().update(revised.interview());
    tx.interviews().setBurst(interview.id(), Optional.empty());
    var unused = Interviewer.enqueueEffects(tx, revised, template, now, true);
  }
}
