package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The questions handed to co-authors are stored with their interview and read back with it. */
class AssignmentsTest {
  private static final SlackPlace THREAD =
      new SlackPlace("T1", "C1", Optional.of("1.1"), Optional.empty());
  private static final Assignee BOB = new Assignee("U-BOB", "Bob Example", at(60));
  private static final Assignee CAROL = new Assignee("U-CAROL", "Carol Example", at(120));

  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void hand_overs_round_trip_with_their_interview_by_every_way_it_is_read() {
    Interview handed = interview(Map.of(), Map.of("q1", BOB, "q2", CAROL));
    inTransaction(database, tx -> tx.interviews().insert(handed, THREAD));

    Map<String, Assignee> expected = Map.of("q1", BOB, "q2", CAROL);
    assertEquals(expected, read(tx -> tx.interviews().find("i1").orElseThrow()));
    assertEquals(expected, read(tx -> tx.interviews().findByThread("C1", "1.1").orElseThrow()));
    assertEquals(expected, read(tx -> tx.interviews().listOpen().get(0)));
    assertEquals(expected, read(tx -> tx.interviews().listByDrafter("U-ALICE").get(0)));
  }

  @Test
  void an_update_writes_new_hand_overs_keeps_answered_ones_and_deletes_those_taken_back() {
    inTransaction(
        database,
        tx -> tx.interviews().insert(interview(Map.of(), Map.of("q1", BOB, "q2", BOB)), THREAD));

    Assignee carolLater = new Assignee("U-CAROL", "Carol Example", at(300));
    Interview moved = interview(Map.of("q1", "Bob's answer"), Map.of("q1", BOB, "q3", carolLater));
    inTransaction(database, tx -> tx.interviews().update(moved));

    StoredInterview stored = database.transaction(tx -> tx.interviews().find("i1")).orElseThrow();
    assertEquals(Map.of("q1", BOB, "q3", carolLater), stored.interview().assignments());
    assertEquals(Optional.empty(), stored.interview().waitingOn("q1"));
    assertEquals(Optional.of(carolLater), stored.interview().waitingOn("q3"));
    assertEquals(2, Fixtures.count(folder.resolve("specbot.db"), "assignments"));
  }

  @Test
  void a_question_handed_to_someone_else_is_theirs_alone() {
    inTransaction(
        database, tx -> tx.interviews().insert(interview(Map.of(), Map.of("q1", BOB)), THREAD));

    inTransaction(database, tx -> tx.interviews().update(interview(Map.of(), Map.of("q1", CAROL))));

    assertEquals(Map.of("q1", CAROL), read(tx -> tx.interviews().find("i1").orElseThrow()));
  }

  private Map<String, Assignee> read(java.util.function.Function<Tx, StoredInterview> reading) {
    return database.transaction(reading::apply).interview().assignments();
  }

  private static Interview interview(Map<String, String> answers, Map<String, Assignee> handed) {
    return new Interview(
        "i1",
        "feature-plan",
        "Title",
        "U-ALICE",
        "Alice",
        Status.ASKING,
        0,
        answers,
        Set.of(),
        handed,
        T0,
        at(600));
  }
}
