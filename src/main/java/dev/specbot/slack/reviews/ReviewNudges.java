package dev.specbot.slack.reviews;

import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Reminder;
import dev.specbot.review.Review;
import dev.specbot.review.Stage;
import dev.specbot.slack.meetings.ReminderWorker;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.StoredInterview;
import dev.specbot.storage.Tx;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A reviewer's nudges: set when they are asked, in their own working hours, and fired by the {@link
 * ReminderWorker} while they have not responded; after the last one the drafter is told the review
 * has stalled on them.
 */
public final class ReviewNudges implements ReminderWorker.Stage {
  private final NudgePolicy policy;

  public ReviewNudges(NudgePolicy policy) {
    this.policy = policy;
  }

  /** Reviewers were asked (again): each who has not responded gets a first nudge, afresh. */
  void asked(Tx tx, Review review, Instant now) {
    tx.reminders().cancel(review.interviewId(), now, Reminder.Kind.REVIEW_NUDGE);
    for (String reviewer : review.notYetResponded()) {
      schedule(tx, review.interviewId(), reviewer, 1, now);
    }
  }

  @Override
  public void send(Tx tx, Reminder reminder, StoredInterview stored, Instant now) {
    String interviewId = stored.interview().id();
    Optional<String> reviewer = reminder.recipientId();
    Optional<Review> review = tx.reviews().find(interviewId);
    if (reviewer.isEmpty()
        || review.isEmpty()
        || review.get().stage() != Stage.IN_REVIEW
        || !review.get().notYetResponded().contains(reviewer.get())) {
      return; // They responded, or the review moved on: the nudge has nothing to say.
    }
    Message nudge =
        ReviewMessages.nudge(
            interviewId,
            stored.interview().title(),
            stored.interview().drafterId(),
            stored.place().permalink(),
            reminder.number(),
            policy.maxNudges());
    Delivery.direct(interviewId, reviewer.get(), nudge).enqueue(tx, now);
    if (policy.mayNudge(reminder.number() + 1)) {
      schedule(tx, interviewId, reviewer.get(), reminder.number() + 1, now);
    } else {
      Message stalled = ReviewMessages.stalled(reviewer.get(), reminder.number());
      Delivery.inThread(interviewId, stalled).asNotice().enqueue(tx, now);
    }
  }

  private void schedule(Tx tx, String interviewId, String reviewer, int number, Instant now) {
    if (!policy.mayNudge(number)) {
      return;
    }
    Instant due = policy.reviewNudgeAt(now, Directory.stored(tx, reviewer).zone());
    tx.reminders()
        .schedule(
            new Reminder(
                UUID.randomUUID().toString(),
                Reminder.Kind.REVIEW_NUDGE,
                interviewId,
                Optional.of(reviewer),
                number,
                due),
            now);
  }
}
