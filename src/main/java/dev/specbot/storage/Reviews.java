package dev.specbot.storage;

import dev.specbot.review.Review;
import dev.specbot.review.Reviewer;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The specs' reviews, one per spec; instants are kept to the millisecond.
 *
 * <p>No version column: a review is written by work on its interview, which runs under {@code
 * Optimistic} and so writes only while the interview's version is the one it read.
 */
public final class Reviews {
  private final Handle handle;

  Reviews(Handle handle) {
    this.handle = handle;
  }

  /** A reviews row: the review but for its reviewers, which are rows of their own. */
  private record Row(
      String interviewId, String drafterId, Stage stage, Rule rule, ReviewDetails details) {

    Review with(List<Reviewer> reviewers) {
      return new Review(
          interviewId,
          drafterId,
          stage,
          reviewers,
          details.concerns(),
          details.remarks(),
          rule,
          details.history());
    }
  }

  private static final String SAVE =
      """
      INSERT INTO reviews (interview_id, drafter_id, stage, rule, max_outstanding, details,
                           updated_at)
      VALUES (:interviewId, :drafterId, :stage, :rule, :maxOutstanding, :details, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        drafter_id = excluded.drafter_id, stage = excluded.stage, rule = excluded.rule,
        max_outstanding = excluded.max_outstanding, details = excluded.details,
        updated_at = excluded.updated_at
      """;

  private static final String FORGET_REVIEWERS =
      """
      DELETE FROM review_reviewers WHERE interview_id = :interviewId
      """;

  private static final String ADD_REVIEWER =
      """
      INSERT INTO review_reviewers (interview_id, position, user_id, verdict, verdict_at)
      VALUES (:interviewId, :position, :userId, :verdict, :verdictAt)
      """;

  /** Stores a spec's review, replacing the one it had. */
  public void save(Review review, Instant now) {
    Objects.requireNonNull(review, "null review");
    Objects.requireNonNull(now, "null now");
    int maxOutstanding = review.rule() instanceof Rule.Majority m ? m.maxOutstanding() : 0;
    handle
        .createUpdate(SAVE)
        .bind("interviewId", review.interviewId())
        .bind("drafterId", review.drafterId())
        .bind("stage", review.stage().name())
        .bind("rule", review.rule() instanceof Rule.Majority ? "MAJORITY" : "ALL")
        .bind("maxOutstanding", maxOutstanding)
        .bind(
            "details",
            new ReviewDetails(review.concerns(), review.remarks(), review.history()).toJson())
        .bind("now", now.toEpochMilli())
        .execute();
    handle.createUpdate(FORGET_REVIEWERS).bind("interviewId", review.interviewId()).execute();
    if (review.reviewers().isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(ADD_REVIEWER);
    for (int position = 0; position < review.reviewers().size(); position++) {
      Reviewer reviewer = review.reviewers().get(position);
      batch
          .bind("interviewId", review.interviewId())
          .bind("position", position)
          .bind("userId", reviewer.userId())
          .bind("verdict", reviewer.verdict().name())
          // One type for every row of the batch, null or not: Jdbi binds a batch by its first row.
          .bindByType(
              "verdictAt", reviewer.at().map(Instant::toEpochMilli).orElse(null), Long.class);
      batch.add();
    }
    batch.execute();
  }

  private static final String FIND =
      """
      SELECT interview_id, drafter_id, stage, rule, max_outstanding, details
      FROM reviews
      WHERE interview_id = :interviewId
      """;

  /** The spec's review, if anyone has been asked to review it. */
  public Optional<Review> find(String interviewId) {
    Objects.requireNonNull(interviewId, "null interviewId");
    return handle
        .createQuery(FIND)
        .bind("interviewId", interviewId)
        .map(Reviews::row)
        .findOne()
        .map(row -> row.with(reviewers(interviewId)));
  }

  private static final String AWAITING =
      """
      SELECT reviews.interview_id
      FROM review_reviewers
      JOIN reviews ON reviews.interview_id = review_reviewers.interview_id
      WHERE review_reviewers.user_id = :userId
        AND review_reviewers.verdict IN ('PENDING', 'STALE')
        AND reviews.stage IN ('IN_REVIEW', 'CHANGES_REQUESTED')
      ORDER BY reviews.updated_at, reviews.interview_id
      """;

  /**
   * The reviews waiting for this person's verdict: asked and not answered, or approved before a
   * change. A review already approved (by a majority), in progress or completed waits for nobody.
   * Longest unchanged first.
   */
  public List<Review> awaiting(String userId) {
    Objects.requireNonNull(userId, "null userId");
    return handle.createQuery(AWAITING).bind("userId", userId).mapTo(String.class).list().stream()
        .map(interviewId -> find(interviewId).orElseThrow())
        .toList();
  }

  private static final String REVIEWERS =
      """
      SELECT user_id, verdict, verdict_at
      FROM review_reviewers
      WHERE interview_id = :interviewId
      ORDER BY position
      """;

  private List<Reviewer> reviewers(String interviewId) {
    return handle
        .createQuery(REVIEWERS)
        .bind("interviewId", interviewId)
        .map(Reviews::reviewer)
        .list();
  }

  private static Row row(ResultSet row, StatementContext context) throws SQLException {
    Rule rule =
        switch (row.getString("rule")) {
          case "MAJORITY" -> Rule.majority(row.getInt("max_outstanding"));
          case "ALL" -> Rule.all();
          default -> throw new IllegalStateException("unknown rule " + row.getString("rule"));
        };
    return new Row(
        row.getString("interview_id"),
        row.getString("drafter_id"),
        Stage.valueOf(row.getString("stage")),
        rule,
        ReviewDetails.fromJson(row.getString("details")));
  }

  private static Reviewer reviewer(ResultSet row, StatementContext context) throws SQLException {
    long at = row.getLong("verdict_at");
    Optional<Instant> verdictAt =
        row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    return new Reviewer(
        row.getString("user_id"), Verdict.valueOf(row.getString("verdict")), verdictAt);
  }
}
