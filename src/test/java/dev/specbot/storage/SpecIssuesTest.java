package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecIssuesTest {
  @TempDir Path folder;
  private Database database;

  @BeforeEach
  void open() {
    database = Fixtures.open(folder.resolve("specbot.db"));
    inTransaction(
        database,
        tx ->
            tx.interviews()
                .insert(
                    Fixtures.interview("i1", "U-ALICE", T0),
                    new SlackPlace("T1", "C1", Optional.of("1.1"), Optional.empty())));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_spec_is_asked_for_once_and_round_trips_once_published() {
    assertTrue(request("o/r", "Title"));
    assertFalse(request("o/r", "Title again"), "a second press asks for nothing");
    inTransaction(database, tx -> tx.specIssues().published("i1", 12, "https://x/12", T0));
    assertFalse(request("o/r", "Title again"));

    SpecIssue issue = find();
    assertEquals(SpecIssue.State.PUBLISHED, issue.state());
    assertEquals("Title", issue.title());
    assertEquals(List.of("spec", "needs review"), issue.labels());
    assertEquals(List.of("octocat"), issue.assignees());
    assertEquals(Optional.of(12), issue.number());
    assertEquals(Optional.of("https://x/12"), issue.link());
    assertEquals(T0, issue.requestedAt());
    assertEquals(Optional.of(T0), issue.publishedAt());
  }

  @Test
  void a_refused_spec_may_be_asked_for_again_as_it_is_now() {
    assertTrue(request("o/gone", "Title"));
    inTransaction(database, tx -> tx.specIssues().refused("i1"));
    assertEquals(SpecIssue.State.REFUSED, find().state());
    assertEquals(Optional.empty(), find().link());

    assertTrue(request("o/r", "New title"));
    SpecIssue again = find();
    assertEquals(SpecIssue.State.PUBLISHING, again.state());
    assertEquals("o/r", again.repository());
    assertEquals("New title", again.title());
  }

  private boolean request(String repository, String title) {
    return database.transaction(
        tx ->
            tx.specIssues()
                .request(
                    "i1",
                    repository,
                    title,
                    List.of("spec", "needs review"),
                    List.of("octocat"),
                    T0));
  }

  private SpecIssue find() {
    return database.transaction(tx -> tx.specIssues().find("i1")).orElseThrow();
  }
}
