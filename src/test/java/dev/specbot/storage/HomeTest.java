package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.meeting.Meeting;
import dev.specbot.review.Concern;
import dev.specbot.review.Review;
import dev.specbot.review.Reviewer;
import dev.specbot.review.Rule;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Home tab's reads, on SQLite and (in the second run) PostgreSQL. */
class HomeTest {
  private static final String ALICE = "U-ALICE";
  private static final String BOB = "U-BOB";
  private static final String CAROL = "U-CAROL";
  private static final Instant NOW = at(3600);

  @TempDir Path folder;
  private Path file;
  private Database database;

  @BeforeEach
  void open() {
    file = folder.resolve("specbot.db");
    database = Fixtures.open(file);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_drafter_sees_their_open_specs_newest_first_with_their_answers_counted_and_how_many_more() {
    for (int i = 0; i < 5; i++) {
      insert(drafting("d" + i, at(i), Map.of("q1", "yes", "q2", "no"), Set.of("q3")), "C1");
    }
    insert(
        new Interview(
            "done",
            "feature-plan",
            "Finished",
            ALICE,
            "Alice",
            Status.FINISHED,
            0,
            Map.of(),
            Set.of(),
            T0,
            T0),
        "C1");

    HomeRows.Page<HomeRows.Drafting> page = home(ALICE, 3).drafting();

    assertEquals(List.of("d4", "d3", "d2"), ids(page.shown().stream().map(d -> d.spec())));
    assertEquals(5, page.total());
    assertEquals(2, page.more());
    HomeRows.Drafting first = page.shown().get(0);
    assertEquals(2, first.answered());
    assertEquals(1, first.skipped());
    assertEquals(Status.ASKING, first.status());
    assertEquals(Optional.of("https://slack/d4"), first.spec().permalink());
    assertTrue(home(BOB, 3).isEmpty());
  }

  @Test
  void a_co_author_sees_a_section_handed_to_them_until_it_is_answered() throws SQLException {
    insert(drafting("i1", T0, Map.of("q1", "yes"), Set.of()), "C1");
    assign("i1", "q2", BOB, at(10));
    assign("i1", "q1", BOB, at(11)); // answered already: waits on nobody

    HomeRows.Page<HomeRows.Assigned> page = home(BOB, 10).assigned();

    assertEquals(1, page.total());
    assertEquals("q2", page.shown().get(0).questionId());
    assertEquals(Set.of(ALICE, BOB), concerned("i1"));

    inTransaction(
        database,
        tx ->
            tx.interviews()
                .update(drafting("i1", T0, Map.of("q1", "yes", "q2", "Bob's"), Set.of())));
    assertEquals(0, home(BOB, 10).assigned().total());
  }

  @Test
  void a_reviewer_sees_a_review_asked_of_them_and_the_concerns_they_must_resolve() {
    insert(finished("i1"), "C1");
    insert(finished("i2"), "C1");
    Concern open = new Concern("perf", BOB, "Too slow?", T0, Optional.empty());
    Concern resolved = new Concern("old", BOB, "Old", T0, Optional.of(at(5)));
    save(review("i1", Stage.IN_REVIEW, Verdict.PENDING, List.of(open, resolved)), at(20));
    save(review("i2", Stage.APPROVED, Verdict.APPROVED, List.of()), at(30));

    HomeRows bob = home(BOB, 10);
    assertEquals(List.of("i1"), ids(bob.reviews().shown().stream().map(r -> r.spec())));
    assertEquals(Verdict.PENDING, bob.reviews().shown().get(0).verdict());
    assertEquals(1, bob.concerns().total());
    assertEquals("perf", bob.concerns().shown().get(0).name());
    assertTrue(bob.concerns().shown().get(0).raisedByYou());

    HomeRows alice = home(ALICE, 10);
    assertEquals(0, alice.reviews().total());
    assertEquals(1, alice.concerns().total(), "the open concern on her own spec");
    assertTrue(!alice.concerns().shown().get(0).raisedByYou());
    assertEquals(0, home(CAROL, 10).concerns().total());
  }

  @Test
  void upcoming_discussions_are_the_scheduled_ones_not_yet_ended_soonest_first() {
    insert(finished("soon"), "C1");
    insert(finished("later"), "C1");
    insert(finished("ended"), "C1");
    insert(finished("off"), "C1");
    meet("later", NOW.plus(Duration.ofDays(2)), Meeting.Status.SCHEDULED);
    meet("soon", NOW.minus(Duration.ofMinutes(10)), Meeting.Status.SCHEDULED); // still running
    meet("ended", NOW.minus(Duration.ofHours(2)), Meeting.Status.SCHEDULED);
    meet("off", NOW.plus(Duration.ofDays(1)), Meeting.Status.CANCELLED);

    HomeRows.Page<HomeRows.Discussion> carol = home(CAROL, 10).discussions();

    assertEquals(List.of("soon", "later"), ids(carol.shown().stream().map(d -> d.spec())));
    assertEquals(0, home("U-CARO", 10).discussions().total(), "an id that only starts the same");
    assertTrue(concerned("soon").contains(CAROL));
    assertTrue(concerned("off").contains(CAROL), "told of the cancellation too");
  }

  @Test
  void recently_approved_specs_are_those_in_the_channels_a_person_has_specs_in() {
    insert(finished("mine"), "C-MINE");
    insert(finished("near"), "C-MINE");
    insert(finished("far", "U-DAVE"), "C-ELSEWHERE");
    insert(finished("long-ago"), "C-MINE");
    save(review("near", Stage.APPROVED, Verdict.APPROVED, List.of()), NOW);
    save(review("far", Stage.APPROVED, Verdict.APPROVED, List.of()), NOW);
    save(
        review("long-ago", Stage.COMPLETED, Verdict.APPROVED, List.of()),
        NOW.minus(Home.RECENT).minusSeconds(1));

    HomeRows.Page<HomeRows.Approved> alice = home(ALICE, 10).approved();

    assertEquals(List.of("near"), ids(alice.shown().stream().map(a -> a.spec())));
    assertEquals(Stage.APPROVED, alice.shown().get(0).stage());
    assertEquals(
        List.of("near", "far"),
        ids(home(BOB, 10).approved().shown().stream().map(a -> a.spec())),
        "Bob reviews both, so both channels are his");
  }

  @Test
  void a_change_concerns_only_those_who_opened_their_tab() {
    insert(finished("daves", "U-DAVE"), "C1");

    assertEquals(Set.of(), concerned("daves"));
    inTransaction(database, tx -> tx.home().opened("T9", "U-DAVE", T0));
    assertEquals(
        Map.of("U-DAVE", "T9"), database.transaction(tx -> tx.home().openedConcernedWith("daves")));
  }

  @Test
  void who_opened_the_tab_is_remembered_with_their_team() {
    inTransaction(database, tx -> tx.home().opened("T1", BOB, T0));
    inTransaction(database, tx -> tx.home().opened("T2", BOB, at(1)));

    assertEquals(
        Map.of(BOB, "T2"), database.transaction(tx -> tx.home().openedAmong(List.of(ALICE, BOB))));
    assertEquals(Map.of(), database.transaction(tx -> tx.home().openedAmong(List.of())));
  }

  private HomeRows home(String user, int pageSize) {
    return database.transaction(tx -> tx.home().of(user, NOW, pageSize));
  }

  /** Who the interview concerns, of those who opened their tab: here everyone, but Dave. */
  private Set<String> concerned(String interviewId) {
    for (String person : List.of(ALICE, BOB, CAROL)) {
      inTransaction(database, tx -> tx.home().opened("T1", person, T0));
    }
    return database.transaction(tx -> tx.home().openedConcernedWith(interviewId)).keySet();
  }

  private static List<String> ids(java.util.stream.Stream<HomeRows.Spec> specs) {
    return specs.map(HomeRows.Spec::interviewId).toList();
  }

  private static Interview drafting(
      String id, Instant createdAt, Map<String, String> answers, Set<String> skipped) {
    return new Interview(
        id,
        "feature-plan",
        "Title of " + id,
        ALICE,
        "Alice",
        Status.ASKING,
        0,
        answers,
        skipped,
        createdAt,
        createdAt);
  }

  private static Interview finished(String id) {
    return finished(id, ALICE);
  }

  private static Interview finished(String id, String drafter) {
    return new Interview(
        id,
        "feature-plan",
        "Title of " + id,
        drafter,
        "Someone",
        Status.FINISHED,
        0,
        Map.of(),
        Set.of(),
        T0,
        T0);
  }

  private void insert(Interview interview, String channel) {
    inTransaction(
        database,
        tx ->
            tx.interviews()
                .insert(
                    interview,
                    new SlackPlace(
                        "T1",
                        channel,
                        Optional.of("1." + interview.id()),
                        Optional.of("https://slack/" + interview.id()))));
  }

  private static Review review(
      String interviewId, Stage stage, Verdict bobSaid, List<Concern> concerns) {
    Optional<Instant> at = bobSaid == Verdict.PENDING ? Optional.empty() : Optional.of(T0);
    return new Review(
        interviewId,
        ALICE,
        stage,
        List.of(new Reviewer(BOB, bobSaid, at)),
        concerns,
        List.of(),
        Rule.all(),
        List.of());
  }

  private void save(Review review, Instant at) {
    inTransaction(database, tx -> tx.reviews().save(review, at));
  }

  private void meet(String interviewId, Instant start, Meeting.Status status) {
    inTransaction(
        database,
        tx ->
            tx.meetings()
                .save(
                    new Meeting(
                        "m-" + interviewId,
                        interviewId,
                        start,
                        Duration.ofMinutes(30),
                        ZoneId.of("Europe/Paris"),
                        List.of(BOB, CAROL),
                        0,
                        status),
                    T0));
  }

  /** As the co-authors' feature will: a row of V15's table, written here directly. */
  private void assign(String interviewId, String questionId, String assignee, Instant at)
      throws SQLException {
    try (Connection connection = TestDatabases.connect(TestDatabases.urlFor(file));
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO assignments (interview_id, question_id, assignee_id, assignee_name,"
                    + " assigned_at) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, interviewId);
      insert.setString(2, questionId);
      insert.setString(3, assignee);
      insert.setString(4, "Bob");
      insert.setLong(5, at.toEpochMilli());
      insert.executeUpdate();
    }
  }
}
