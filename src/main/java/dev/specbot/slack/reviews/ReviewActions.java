package dev.specbot.slack.reviews;

import com.slack.api.model.view.View;
import dev.specbot.review.ReviewInput;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import dev.specbot.storage.Optimistic;
import dev.specbot.storage.Tx;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A reviewer's buttons, in their DM or the thread: Approve, and Request changes, which asks them to
 * say what in the spec's thread. Each press is read, computed with no transaction open and written
 * in one (see {@link Optimistic}), recorded so that a retried request does nothing twice.
 */
public final class ReviewActions {
  /** A button press: its key for retries, which button, on which spec, by whom, where. */
  public record Press(
      String actionKey,
      String actionId,
      String interviewId,
      String userId,
      String channelId,
      List<String> reviewers) {}

  private final Database database;
  private final ReviewDesk desk;
  private final Clock clock;
  private final Runnable wake;

  public ReviewActions(Database database, ReviewDesk desk, Clock clock, Runnable wake) {
    this.database = database;
    this.desk = desk;
    this.clock = clock;
    this.wake = wake;
  }

  /** The short form the Request changes or Comment button opens, for a spec that exists. */
  public Optional<View> form(ReviewForm.Kind kind, String interviewId) {
    return database
        .transaction(tx -> tx.interviews().find(interviewId))
        .flatMap(stored -> desk.form(kind, stored.interview()));
  }

  /** A submitted form: a request for changes or a comment, as if written in the thread. */
  public void submitted(String formKey, String userId, ReviewForm.Submitted form) {
    ReviewInput input =
        form.kind() == ReviewForm.Kind.CHANGES
            ? new ReviewInput.RequestChanges(userId, form.section(), form.text())
            : new ReviewInput.Comment(userId, form.section(), form.text());
    run("view:" + formKey, form.interviewId(), (posted, now) -> desk.written(posted, input, now));
  }

  public void press(Press press) {
    run(
        "action:" + press.actionKey(),
        press.interviewId(),
        (posted, now) -> handle(press, posted, now));
  }

  /** Reads the spec's review, computes with no transaction open, writes once per key. */
  private void run(
      String key,
      String interviewId,
      java.util.function.BiFunction<ReviewDesk.Posted, Instant, Consumer<Tx>> work) {
    Instant now = clock.instant();
    var unused =
        Optimistic.once(
            database, key, interviewId, now, desk::readPosted, posted -> work.apply(posted, now));
    wake.run();
  }

  private Consumer<Tx> handle(Press press, ReviewDesk.Posted posted, Instant now) {
    if (press.actionId().equals(ActionIds.APPROVE)) {
      return desk.written(posted, new ReviewInput.Approve(press.userId()), now);
    }
    if (press.actionId().equals(ActionIds.REQUEST_REVIEW)) {
      return desk.written(posted, new ReviewInput.Request(press.userId(), press.reviewers()), now);
    }
    Delivery how =
        Delivery.ephemeral(
            press.channelId(),
            press.userId(),
            "Say it in the spec's thread"
                + posted
                    .stored()
                    .place()
                    .permalink()
                    .map(url -> " (<" + url + "|open it>)")
                    .orElse("")
                + ": `request changes: WHAT` or `request changes SECTION: WHAT`; any other reply"
                + " there is a comment.");
    return tx -> how.enqueue(tx, now);
  }
}
