package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.GENERAL;
import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static dev.specbot.storage.Fixtures.interview;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewsTest {
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
  void an_interview_round_trips_with_its_answers_and_skipped_questions() {
    Interview interview =
        interview(
            "i-1",
            Status.PAUSED,
            3,
            Map.of("goal", "Ship it", "scope", "Line one\nLine two, with *markdown*"),
            Set.of("risks"),
            at(60));
    SlackPlace place =
        new SlackPlace("T1", "C1", Optional.of("1700000000.000100"), Optional.of("https://x/p1"));

    inTransaction(database, tx -> tx.interviews().insert(interview, place));

    assertEquals(Optional.of(new StoredInterview(interview, place)), find("i-1"));
  }

  @Test
  void an_unknown_interview_is_not_found() {
    assertEquals(Optional.empty(), find("nobody"));
  }

  @Test
  void update_makes_the_stored_answers_equal_to_the_interview() {
    inTransaction(database, tx -> tx.interviews().insert(asking(), GENERAL));
    // The scope answer is taken back, the goal rewritten, the skipped risks answered after all.
    Interview updated = cancelling();

    inTransaction(database, tx -> tx.interviews().update(updated));

    assertEquals(Optional.of(new StoredInterview(updated, GENERAL)), find("i-1"));
    assertEquals(3, Fixtures.count(folder.resolve("specbot.db"), "answers"));
  }

  @Test
  void update_from_the_interview_as_read_stores_what_update_alone_would() {
    Interview read =
        handedOver(
            asking(),
            Map.of(
                "scope",
                new Assignee("U-BOB", "Bob", at(5)),
                "owner",
                new Assignee("U-C", "C", at(6))));
    inTransaction(database, tx -> tx.interviews().insert(read, GENERAL));
    // As in the test above, and "owner" taken back from C and handed to Bob, "goal" to Dan.
    Interview changed =
        handedOver(
            cancelling(),
            Map.of(
                "scope", new Assignee("U-BOB", "Bob", at(5)),
                "owner", new Assignee("U-BOB", "Bob", at(15)),
                "goal", new Assignee("U-DAN", "Dan", at(16))));

    inTransaction(database, tx -> tx.interviews().update(read, changed));

    assertEquals(Optional.of(new StoredInterview(changed, GENERAL)), find("i-1"));
    assertEquals(3, Fixtures.count(folder.resolve("specbot.db"), "answers"));
    assertEquals(3, Fixtures.count(folder.resolve("specbot.db"), "assignments"));
  }

  /** An interview at its second question, scope answered and risks skipped. */
  private static Interview asking() {
    return interview(
        "i-1",
        Status.ASKING,
        2,
        Map.of("goal", "Ship it", "scope", "Everything"),
        Set.of("risks"),
        at(10));
  }

  /** {@link #asking()} later: scope taken back, goal rewritten, risks answered after all. */
  private static Interview cancelling() {
    return interview(
        "i-1",
        Status.CONFIRMING_CANCEL,
        5,
        Map.of("goal", "Ship it soon", "risks", "None known"),
        Set.of("owner"),
        at(20));
  }

  private static Interview handedOver(Interview interview, Map<String, Assignee> assignments) {
    return new Interview(
        interview.id(),
        interview.templateId(),
        interview.title(),
        interview.drafterId(),
        interview.drafterName(),
        interview.status(),
        interview.current(),
        interview.answers(),
        interview.skipped(),
        assignments,
        interview.createdAt(),
        interview.updatedAt());
  }

  @Test
  void updating_an_interview_that_was_never_stored_fails() {
    Interview never = interview("i-404", "U1", T0);

    assertThrows(
        IllegalStateException.class,
        () -> inTransaction(database, tx -> tx.interviews().update(never)));
  }

  @Test
  void an_interview_is_found_by_its_thread_once_the_thread_is_placed() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("i-1", "U1", T0), GENERAL);
          tx.interviews().insert(interview("i-2", "U1", T0), GENERAL);
        });
    assertEquals(Optional.empty(), findByThread("C-GENERAL", "1700000000.000200"));
    assertFalse(hasThread("C-GENERAL", "1700000000.000200"));

    inTransaction(
        database,
        tx -> tx.interviews().placeThread("i-2", "1700000000.000200", Optional.of("https://x/p2")));
    assertTrue(hasThread("C-GENERAL", "1700000000.000200"));
    assertFalse(hasThread("C-OTHER", "1700000000.000200"));

    StoredInterview found = findByThread("C-GENERAL", "1700000000.000200").orElseThrow();
    assertEquals("i-2", found.interview().id());
    assertEquals(
        new SlackPlace(
            "T1", "C-GENERAL", Optional.of("1700000000.000200"), Optional.of("https://x/p2")),
        found.place());
    assertEquals(Optional.empty(), findByThread("C-OTHER", "1700000000.000200"));
  }

  @Test
  void two_interviews_cannot_share_a_thread() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("i-1", "U1", T0), GENERAL);
          tx.interviews().insert(interview("i-2", "U1", T0), GENERAL);
          tx.interviews().placeThread("i-1", "1700000000.000100", Optional.empty());
        });

    assertThrows(
        RuntimeException.class,
        () ->
            inTransaction(
                database,
                tx -> tx.interviews().placeThread("i-2", "1700000000.000100", Optional.empty())));
  }

  @Test
  void a_drafters_interviews_are_listed_newest_first() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("middle", "U1", at(20)), GENERAL);
          tx.interviews().insert(interview("oldest", "U1", at(10)), GENERAL);
          tx.interviews().insert(interview("someone-elses", "U2", at(25)), GENERAL);
          tx.interviews().insert(interview("newest", "U1", at(30)), GENERAL);
        });

    assertEquals(List.of("newest", "middle", "oldest"), ids(listByDrafter("U1")));
    assertEquals(List.of(), listByDrafter("U-NOBODY"));
  }

  @Test
  void a_listed_interview_carries_its_answers() {
    Interview answered =
        interview("i-1", Status.ASKING, 1, Map.of("goal", "Ship it"), Set.of("scope"), at(5));
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(answered, GENERAL);
          tx.interviews().insert(interview("i-2", "U-ALICE", at(10)), GENERAL);
        });

    List<StoredInterview> listed = listByDrafter("U-ALICE");

    assertEquals(
        List.of(
            new StoredInterview(interview("i-2", "U-ALICE", at(10)), GENERAL),
            new StoredInterview(answered, GENERAL)),
        listed);
  }

  @Test
  void finished_and_cancelled_interviews_are_not_open() {
    inTransaction(
        database,
        tx -> {
          for (Status status : Status.values()) {
            tx.interviews()
                .insert(
                    interview(status.name(), status, 0, Map.of("goal", "x"), Set.of(), T0),
                    GENERAL);
          }
        });

    List<StoredInterview> open = database.transaction(tx -> tx.interviews().listOpen());

    assertEquals(Set.of("ASKING", "WAITING", "PAUSED", "CONFIRMING_CANCEL"), Set.copyOf(ids(open)));
    open.forEach(stored -> assertEquals(Map.of("goal", "x"), stored.interview().answers()));
  }

  @Test
  void an_interview_moves_to_another_channel_before_its_thread_exists() {
    inTransaction(database, tx -> tx.interviews().insert(interview("i-1", "U1", T0), GENERAL));

    inTransaction(database, tx -> tx.interviews().moveTo("i-1", "D-ALICE"));

    assertEquals("D-ALICE", find("i-1").orElseThrow().place().channelId());
  }

  @Test
  void an_interview_whose_thread_exists_cannot_move() {
    inTransaction(
        database,
        tx -> {
          tx.interviews().insert(interview("i-1", "U1", T0), GENERAL);
          tx.interviews().placeThread("i-1", "1700000000.000100", Optional.empty());
        });

    assertThrows(
        IllegalStateException.class,
        () -> inTransaction(database, tx -> tx.interviews().moveTo("i-1", "D-ALICE")));
    assertEquals("C-GENERAL", find("i-1").orElseThrow().place().channelId());
  }

  private Optional<StoredInterview> find(String id) {
    return database.transaction(tx -> tx.interviews().find(id));
  }

  private boolean hasThread(String channelId, String threadTs) {
    return database.read(tx -> tx.interviews().hasThread(channelId, threadTs));
  }

  private Optional<StoredInterview> findByThread(String channelId, String threadTs) {
    return database.transaction(tx -> tx.interviews().findByThread(channelId, threadTs));
  }

  private List<StoredInterview> listByDrafter(String drafterId) {
    return database.transaction(tx -> tx.interviews().listByDrafter(drafterId));
  }

  private static List<String> ids(List<StoredInterview> interviews) {
    return interviews.stream().map(stored -> stored.interview().id()).toList();
  }
}
