package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.review.Concern;
import dev.specbot.review.Remark;
import dev.specbot.review.Review;
import dev.specbot.review.ReviewEvent;
import dev.specbot.review.Reviewer;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewsTest {
  private static final String ALICE = "U-ALICE";
  private static final String BOB = "U-BOB";
  private static final String CAROL = "U-CAROL";

  @TempDir Path folder;
  private Path file;
  private Database database;

  @BeforeEach
  void open() {
    file = folder.resolve("specbot.db");
    database = Fixtures.open(file);
    inTransaction(
        database,
        tx -> {
          for (String id : List.of("i1", "i2", "i3")) {
            tx.interviews()
                .insert(
                    Fixtures.interview(id, ALICE, T0),
                    new SlackPlace("T1", "C1", Optional.of("1." + id), Optional.empty()));
          }
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_spec_nobody_was_asked_to_review_has_no_review() {
    assertEquals(Optional.empty(), find("i1"));
  }

  @Test
  void every_field_of_a_review_round_trips() {
    Review review =
        new Review(
            "i1",
            ALICE,
            Stage.CHANGES_REQUESTED,
            List.of(
                new Reviewer(CAROL, Verdict.CHANGES_REQUESTED, Optional.of(at(30))),
                new Reviewer(BOB, Verdict.APPROVED, Optional.of(at(20))),
                new Reviewer("U-DAN", Verdict.STALE, Optional.of(at(10))),
                new Reviewer("U-ERIN", Verdict.PENDING, Optional.empty())),
            List.of(
                new Concern("perf", BOB, "Too slow?", at(5), Optional.of(at(6))),
                new Concern(
                    "naming", CAROL, "\"Quotes\", \\ and\nnewlines 😀", at(7), Optional.empty())),
            List.of(
                new Remark(CAROL, Optional.of("Goals"), "Say what done means.", at(30)),
                new Remark("U-STRANGER", Optional.empty(), "Nice.", at(31))),
            Rule.majority(2),
            List.of(
                new ReviewEvent(at(1), ALICE, "asked for review"),
                new ReviewEvent(at(30), CAROL, "requested changes to Goals")));

    inTransaction(database, tx -> tx.reviews().save(review, at(40)));

    assertEquals(Optional.of(review), find("i1"));
  }

  @Test
  void a_reviewer_who_has_not_responded_before_one_who_has_round_trips() {
    Review review =
        review(
            "i1",
            Stage.IN_REVIEW,
            asked(BOB),
            new Reviewer(CAROL, Verdict.APPROVED, Optional.of(at(5))));

    inTransaction(database, tx -> tx.reviews().save(review, T0));

    assertEquals(Optional.of(review), find("i1"));
  }

  @Test
  void a_review_with_nobody_asked_and_the_all_rule_round_trips() {
    Review none = Review.none("i1", ALICE, Rule.all());

    inTransaction(database, tx -> tx.reviews().save(none, T0));

    assertEquals(Optional.of(none), find("i1"));
  }

  @Test
  void saving_again_replaces_the_review_and_its_reviewers() {
    Review first =
        new Review(
            "i1",
            ALICE,
            Stage.IN_REVIEW,
            List.of(asked(BOB), asked(CAROL)),
            List.of(),
            List.of(),
            Rule.all(),
            List.of());
    inTransaction(database, tx -> tx.reviews().save(first, at(1)));
    Review second =
        new Review(
            "i1",
            ALICE,
            Stage.APPROVED,
            List.of(new Reviewer(CAROL, Verdict.APPROVED, Optional.of(at(2)))),
            List.of(),
            List.of(),
            Rule.majority(0),
            List.of(new ReviewEvent(at(2), CAROL, "approved")));

    inTransaction(database, tx -> tx.reviews().save(second, at(2)));

    assertEquals(Optional.of(second), find("i1"));
    assertEquals(1, Fixtures.count(file, "reviews"));
    assertEquals(1, Fixtures.count(file, "review_reviewers"));
  }

  @Test
  void awaiting_lists_the_open_reviews_where_the_person_owes_a_verdict() {
    Review pending = review("i1", Stage.IN_REVIEW, asked(BOB));
    Review stale =
        review("i2", Stage.IN_REVIEW, new Reviewer(BOB, Verdict.STALE, Optional.of(at(1))));
    Review answered =
        review("i3", Stage.IN_REVIEW, new Reviewer(BOB, Verdict.APPROVED, Optional.of(at(1))));
    inTransaction(
        database,
        tx -> {
          tx.reviews().save(stale, at(1));
          tx.reviews().save(pending, at(2));
          tx.reviews().save(answered, at(3));
        });

    assertEquals(List.of(stale, pending), database.transaction(tx -> tx.reviews().awaiting(BOB)));
    assertEquals(List.of(), database.transaction(tx -> tx.reviews().awaiting(CAROL)));
  }

  @Test
  void a_review_approved_or_moved_on_awaits_nobody() {
    inTransaction(
        database,
        tx -> {
          tx.reviews().save(review("i1", Stage.APPROVED, asked(BOB)), at(1));
          tx.reviews().save(review("i2", Stage.IN_PROGRESS, asked(BOB)), at(1));
          tx.reviews().save(review("i3", Stage.COMPLETED, asked(BOB)), at(1));
        });

    assertEquals(List.of(), database.transaction(tx -> tx.reviews().awaiting(BOB)));
  }

  @Test
  void changes_requested_still_awaits_the_others() {
    Review review =
        review(
            "i1",
            Stage.CHANGES_REQUESTED,
            new Reviewer(CAROL, Verdict.CHANGES_REQUESTED, Optional.of(at(1))),
            asked(BOB));
    inTransaction(database, tx -> tx.reviews().save(review, at(1)));

    assertEquals(List.of(review), database.transaction(tx -> tx.reviews().awaiting(BOB)));
    assertEquals(List.of(), database.transaction(tx -> tx.reviews().awaiting(CAROL)));
  }

  private Optional<Review> find(String interviewId) {
    return database.transaction(tx -> tx.reviews().find(interviewId));
  }

  private static Review review(String interviewId, Stage stage, Reviewer... reviewers) {
    return new Review(
        interviewId, ALICE, stage, List.of(reviewers), List.of(), List.of(), Rule.all(), List.of());
  }

  private static Reviewer asked(String userId) {
    return new Reviewer(userId, Verdict.PENDING, Optional.empty());
  }
}
