package dev.specbot.slack.interviews;

import dev.specbot.interview.Effect;
import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import dev.specbot.review.ReviewInput;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.meetings.DiscussionDesk;
import dev.specbot.slack.meetings.MeetingDesk;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.reviews.ReviewDesk;
import dev.specbot.slack.tickets.TicketActions;
import dev.specbot.storage.Optimistic;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A reply in a posted spec's thread, where the interview is over and the team's part begins: a
 * review command (anyone's), a teammate's comment, {@code goto N} and the answer after it, or the
 * drafter's meeting time or command, {@code publish} (to GitHub), or {@code tickets} (the
 * drafter's; anyone else hears privately that only the drafter can). After the meeting, until the
 * drafter says that is all, the drafter's other replies are the discussion's decisions (meeting
 * commands and the commands above still work). The drafter's other talk is left alone.
 */
final class AfterPosting {
  private final Interviewer interviewer;
  private final MeetingDesk desk;
  private final ReviewDesk reviews;
  private final GitHubActions gitHub;

  AfterPosting(
      Interviewer interviewer, MeetingDesk desk, ReviewDesk reviews, GitHubActions gitHub) {
    this.interviewer = interviewer;
    this.desk = desk;
    this.reviews = reviews;
    this.gitHub = gitHub;
  }

  /**
   * A reply in a posted spec's thread: a review command (anyone's), a teammate's comment on the
   * spec, or the drafter's meeting time or command; the drafter's other talk is left alone.
   */
  Optimistic.Read<Interviewer.Outcome> read(
      Tx tx,
      StoredInterview stored,
      Keys keys,
      long version,
      String userId,
      Interviewer.Reply reply,
      Interviewer.Said said,
      Instant now) {
    Interview interview = stored.interview();
    String text = reply.text();
    Optional<ReviewInput> command = said.review();
    if (command.isEmpty()
        && interview.status() == Status.FINISHED
        && TicketActions.isTicketsCommand(text)) {
      return Optimistic.compute(
          interview.id(),
          version,
          () -> keys.once(now, Interviewer.handled(TicketActions.written(stored, userId, now))));
    }
    if (command.isEmpty()
        && interview.drafterId().equals(userId)
        && interview.status() == Status.FINISHED
        && gitHub.isPublishCommand(text)) {
      GitHubActions.Found found = GitHubActions.read(tx, stored);
      return Optimistic.compute(
          interview.id(),
          version,
          () -> keys.once(now, Interviewer.handled(gitHub.publish(found, userId, now))));
    }
    if (command.isPresent() || !interview.drafterId().equals(userId)) {
      ReviewInput input =
          command.orElseGet(() -> new ReviewInput.Comment(userId, Optional.empty(), text));
      ReviewDesk.Posted posted = reviews.readPosted(tx, stored);
      return Optimistic.compute(
          interview.id(),
          version,
          () -> keys.once(now, Interviewer.handled(reviews.written(posted, input, now))));
    }
    Input input = said.input();
    if (interview.status() == Status.REVISING || input instanceof Input.Goto) {
      InterviewMachine machine =
          Interviewer.machineFor(tx, interviewer.templateOf(interview), interview);
      ReviewDesk.Posted posted = reviews.readPosted(tx, stored);
      return Optimistic.compute(
          interview.id(),
          version,
          () -> keys.once(now, revising(machine, posted, input, reply, now)));
    }
    if (isHandOver(input)) {
      // Read as a meeting time, "assign 4 @bob" would be asked "What time on the 4th?".
      return Optimistic.compute(
          interview.id(),
          version,
          () -> keys.once(now, Interviewer.handled(tooLate(interview, now))));
    }
    Optional<DiscussionDesk.Collecting> collecting =
        MeetingDesk.isCommand(text)
            ? Optional.empty()
            : desk.discussion().readCollecting(tx, desk, stored);
    if (collecting.isPresent()) {
      DiscussionDesk discussion = desk.discussion();
      return Optimistic.compute(
          interview.id(),
          version,
          () ->
              keys.once(
                  now,
                  Interviewer.handled(
                      discussion.written(collecting.get(), reply.ts(), text, now))));
    }
    MeetingDesk.Posted posted = desk.readPosted(tx, stored);
    return Optimistic.compute(
        interview.id(),
        version,
        () -> keys.once(now, Interviewer.handled(desk.written(posted, text, now))));
  }

  /** A hand-over written the interview's way: {@code assign 4 @bob}, {@code unassign 4}. */
  private static boolean isHandOver(Input input) {
    return input instanceof Input.Assign
        || input instanceof Input.Unassign
        || input instanceof Input.Unclear;
  }

  /** Questions are handed over while they are asked; a posted spec's are changed with goto. */
  private static Consumer<Tx> tooLate(Interview interview, Instant now) {
    String text =
        "This spec is already posted, so its questions can no longer be handed to a teammate."
            + " To change an answer, reply `goto` and its number; teammates can add to the spec"
            + " by replying in this thread.";
    return tx ->
        Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, interview.id(), text, null)
            .enqueue(tx, now);
  }

  /**
   * {@code goto N} on a posted spec, and the answer that follows: a new answer is posted again with
   * the document's meeting and review, and reaches the review as an edit does.
   */
  private Optimistic.Write<Interviewer.Outcome> revising(
      InterviewMachine machine,
      ReviewDesk.Posted posted,
      Input input,
      Interviewer.Reply reply,
      Instant now) {
    Interview interview = posted.stored().interview();
    Transition transition = machine.apply(interview, input, now);
    boolean republishes =
        transition.effects().stream().anyMatch(Effect.Republish.class::isInstance);
    if (!republishes) {
      return interviewer.step(machine, interview, input, Optional.of(reply), now);
    }
    String questionId = machine.template().questions().get(interview.current()).id();
    ReviewDesk.Edit edit =
        reviews.answerChanged(
            posted,
            machine.template().questions().get(interview.current()).title(),
            interview.answers().getOrDefault(questionId, ""),
            transition.interview().answers().getOrDefault(questionId, ""),
            now);
    // Written now, not by the writer: the spec again, its file and its messages.
    Outgoing.Written outgoing =
        Outgoing.of(
                Revisions.republished(transition, machine, posted, edit, now),
                machine.template(),
                true,
                edit.parentLine())
            .written(now);
    return tx -> {
      tx.interviews().update(transition.interview());
      var unused = outgoing.enqueue(tx);
      tx.answerMessages().forget(interview.id(), questionId);
      tx.answerMessages()
          .record(interview.id(), reply.channelId(), reply.ts(), questionId, reply.text(), now);
      edit.change().accept(tx);
      return Interviewer.Outcome.HANDLED;
    };
  }
}
