package dev.specbot.storage;

import static dev.specbot.storage.Fixtures.T0;
import static dev.specbot.storage.Fixtures.at;
import static dev.specbot.storage.Fixtures.inTransaction;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {
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
  void a_new_message_is_due_at_once_and_numbered_after_the_last_of_its_lane() {
    String first = enqueue("lane-a", "one", T0);
    String second = enqueue("lane-a", "two", at(1));
    String other = enqueue("lane-b", "three", at(2));

    assertEquals(
        List.of(
            new OutboxMessage(first, "lane-a", 1, "POST", "one", 0, T0, 1),
            new OutboxMessage(second, "lane-a", 2, "POST", "two", 0, at(1), 1)),
        pending("lane-a"));
    assertEquals(
        List.of(new OutboxMessage(other, "lane-b", 1, "POST", "three", 0, at(2), 1)),
        pending("lane-b"));
  }

  @Test
  void message_ids_are_version_7_uuids_in_the_order_their_messages_were_queued() {
    List<String> ids = new ArrayList<>();
    for (int ms = 0; ms < 50; ms++) {
      ids.add(enqueue("lane-" + (ms % 3), "m", T0.plusMillis(ms)));
    }
    assertEquals(ids.stream().sorted().toList(), ids, "sorted as queued");
    assertEquals(50, new HashSet<>(ids).size());
    ids.forEach(id -> assertEquals(7, UUID.fromString(id).version(), id));
    assertEquals(T0.toEpochMilli(), UUID.fromString(ids.get(0)).getMostSignificantBits() >>> 16);
  }

  @Test
  void messages_of_one_lane_are_due_one_at_a_time_in_order() {
    String first = enqueue("lane-a", "one", T0);
    String second = enqueue("lane-a", "two", T0);
    String third = enqueue("lane-a", "three", T0);

    assertEquals(List.of(first), dueIds(at(10)));
    markSent(first);
    assertEquals(List.of(second), dueIds(at(10)));
    markSent(second);
    assertEquals(List.of(third), dueIds(at(10)));
    markSent(third);
    assertEquals(List.of(), dueIds(at(10)));
  }

  @Test
  void a_message_waiting_for_its_retry_holds_its_lane_and_no_other() {
    String waiting = enqueue("lane-a", "one", T0);
    enqueue("lane-a", "two", T0);
    String otherLane = enqueue("lane-b", "three", T0);

    inTransaction(database, tx -> tx.outbox().retryLater(waiting, at(60), "HTTP 503"));

    // The later message of lane A is not due while the earlier one is pending.
    assertEquals(List.of(otherLane), dueIds(at(30)));
    assertEquals(List.of(waiting, otherLane), dueIds(at(60)));
  }

  @Test
  void a_retried_message_counts_its_attempts_and_is_due_again_at_its_time() {
    String id = enqueue("lane-a", "one", T0);

    inTransaction(database, tx -> tx.outbox().retryLater(id, at(2), "network: reset"));
    inTransaction(database, tx -> tx.outbox().retryLater(id, at(6), "HTTP 502"));

    assertEquals(List.of(), dueIds(at(5)));
    assertEquals(
        List.of(new OutboxMessage(id, "lane-a", 1, "POST", "one", 2, at(6), 1)),
        database.transaction(tx -> tx.outbox().due(at(6), 10)));
  }

  @Test
  void a_failed_message_is_never_retried_and_its_lane_goes_on() {
    String failed = enqueue("lane-a", "one", T0);
    String next = enqueue("lane-a", "two", T0);

    inTransaction(
        database, tx -> tx.outbox().markFailed(failed, at(1), "HTTP 400: invalid_blocks"));

    assertEquals(List.of(next), dueIds(at(1)));
    assertEquals(List.of(next), ids(pending("lane-a")));
    assertThrows(
        IllegalStateException.class,
        () -> inTransaction(database, tx -> tx.outbox().retryLater(failed, at(2), "again?")));
  }

  @Test
  void a_sent_message_is_no_longer_pending_and_cannot_be_settled_again() {
    String sent = enqueue("lane-a", "one", T0);

    markSent(sent);

    assertEquals(List.of(), pending("lane-a"));
    assertThrows(IllegalStateException.class, () -> markSent(sent));
    assertThrows(
        IllegalStateException.class,
        () -> inTransaction(database, tx -> tx.outbox().markFailed(sent, at(1), "late")));
  }

  @Test
  void settling_a_message_that_never_existed_fails() {
    assertThrows(IllegalStateException.class, () -> markSent("no-such-message"));
  }

  @Test
  void a_lane_numbers_on_after_its_sent_messages() {
    markSent(enqueue("lane-a", "one", T0));

    enqueue("lane-a", "two", at(1));

    assertEquals(2, pending("lane-a").get(0).seq());
  }

  @Test
  void due_gives_the_oldest_first_up_to_the_limit() {
    String newest = enqueue("lane-c", "c", at(3));
    String oldest = enqueue("lane-a", "a", at(1));
    String middle = enqueue("lane-b", "b", at(2));

    assertEquals(List.of(oldest, middle, newest), dueIds(at(10)));
    assertEquals(
        List.of(oldest, middle), ids(database.transaction(tx -> tx.outbox().due(at(10), 2))));
    assertEquals(List.of(oldest), dueIds(at(1)));
  }

  @Test
  void due_gives_the_most_urgent_first_then_the_oldest() {
    String edit = database.transaction(tx -> tx.outbox().enqueue("parent:a", "E", "e", at(1), 4));
    String reply = enqueue("lane-b", "r", at(2));
    String question = database.transaction(tx -> tx.outbox().enqueue("lane-c", "Q", "q", at(3), 0));

    assertEquals(List.of(question, reply, edit), dueIds(at(10)));
    assertEquals(List.of(question), ids(database.transaction(tx -> tx.outbox().due(at(10), 1))));
  }

  @Test
  void a_reply_that_waited_thirty_seconds_goes_with_the_questions_in_order_of_age() {
    String reply = enqueue("lane-b", "r", at(1));
    String question = database.transaction(tx -> tx.outbox().enqueue("lane-c", "Q", "q", at(5), 0));

    assertEquals(List.of(question, reply), dueIds(at(30)), "waited 29 s: after the question");
    List<OutboxMessage> aged = database.transaction(tx -> tx.outbox().due(at(31), 10));
    assertEquals(List.of(reply, question), ids(aged), "waited 30 s: oldest first");
    assertEquals(0, aged.get(0).urgency(), "spends budget as a question");
  }

  @Test
  void a_replacing_edit_keeps_the_most_urgent_of_those_it_replaces() {
    replace("parent:a", "finished", at(1), at(2), 3);
    String latest = replace("parent:a", "counts", at(1), at(2), 4);

    assertEquals(3, pending("parent:a").get(0).urgency(), "still a change of stage");
    assertEquals(List.of(latest), dueIds(at(10)));
  }

  @Test
  void a_message_slack_certainly_refused_is_tried_again_as_never_taken() {
    String id = enqueue("lane-a", "one", T0);
    assertTrue(claim(id, at(1), at(60)));

    database.transaction(
        tx -> {
          tx.outbox().retryNotTaken(id, at(5), "rate limited (429)");
          return null;
        });

    assertFalse(history(id).takenBefore(), "no sender may have posted it");
    assertEquals(1, pending("lane-a").get(0).attempts());
    assertTrue(claim(id, at(5), at(60)));
    assertFalse(history(id).takenBefore(), "the second sender looks for no earlier copy");
  }

  @Test
  void next_due_after_is_the_earliest_time_a_lane_can_send() {
    assertEquals(Optional.empty(), nextDueAfter(T0));
    String waiting = enqueue("lane-a", "one", T0);
    enqueue("lane-a", "two", at(5));
    String other = enqueue("lane-b", "three", at(20));
    inTransaction(database, tx -> tx.outbox().retryLater(waiting, at(30), "HTTP 503"));

    // Lane A's second message has the earliest time, but it cannot go before the first.
    assertEquals(Optional.of(at(20)), nextDueAfter(T0));

    markSent(other);
    assertEquals(Optional.of(at(30)), nextDueAfter(T0));
    markSent(waiting);
    assertEquals(Optional.of(at(5)), nextDueAfter(T0));
  }

  @Test
  void next_due_after_leaves_out_what_is_due_already() {
    enqueue("lane-a", "due, waiting for a Slack limit", at(10));
    enqueue("lane-b", "later", at(30));

    assertEquals(Optional.of(at(30)), nextDueAfter(at(10)));
    assertEquals(Optional.of(at(10)), nextDueAfter(at(9)));
    assertEquals(Optional.empty(), nextDueAfter(at(30)));
  }

  @Test
  void one_sender_claims_a_due_message_and_another_sees_it_again_only_once_the_lease_runs_out() {
    String id = enqueue("lane-a", "one", T0);

    assertTrue(claim(id, at(1), at(60)));
    assertFalse(claim(id, at(2), at(61)));
    assertEquals(List.of(), dueIds(at(30)));
    assertEquals(List.of(id), dueIds(at(60)));
    assertTrue(claim(id, at(60), at(120)));
    markSent(id);
    assertFalse(claim(id, at(200), at(300)));
  }

  @Test
  void a_bot_restarted_in_the_same_place_takes_back_its_claims_at_once_and_no_one_elses() {
    String mine = enqueue("lane-a", "one", T0);
    String theirs = enqueue("lane-b", "two", T0);
    claim(mine, at(1), at(120));
    database.transaction(tx -> tx.outbox().claim(theirs, at(1), at(120), "bot-b"));

    int released = database.transaction(tx -> tx.outbox().releaseClaims("bot-a", at(5)));

    assertEquals(1, released);
    assertEquals(List.of(mine), dueIds(at(5)));
    SendHistory history =
        database.transaction(tx -> tx.outbox().claim(mine, at(5), at(125), "bot-a")).orElseThrow();
    assertEquals(history(mine), history, "the claim says what is stored");
    assertEquals(2, history.claims());
    assertTrue(history.takenBefore(), "claimed twice: it may be in Slack already");
    assertTrue(history.outcomeUnknown(), "the first sender recorded nothing");
  }

  @Test
  void messages_a_silent_bot_was_sending_are_taken_over_and_a_live_ones_are_not() {
    String silents = enqueue("lane-a", "one", T0);
    String lives = enqueue("lane-b", "two", T0);
    String waitingForRetry = enqueue("lane-c", "three", T0);
    database.transaction(tx -> tx.outbox().claim(silents, at(1), at(120), "bot-silent"));
    database.transaction(tx -> tx.outbox().claim(lives, at(1), at(120), "bot-live"));
    database.transaction(tx -> tx.outbox().claim(waitingForRetry, at(1), at(120), "bot-silent"));
    inTransaction(database, tx -> tx.outbox().retryLater(waitingForRetry, at(60), "ratelimited"));
    inTransaction(
        database,
        tx -> {
          tx.instances().beat("bot-silent", T0, at(2));
          tx.instances().beat("bot-live", T0, at(9));
        });

    int byItself =
        database.transaction(tx -> tx.outbox().releaseClaimsOfSilent("bot-silent", at(10), at(4)));
    int taken =
        database.transaction(tx -> tx.outbox().releaseClaimsOfSilent("bot-me", at(10), at(4)));

    assertEquals(0, byItself, "a bot never takes over its own");
    assertEquals(1, taken, "only the one a silent bot was sending");
    assertEquals(List.of(silents), dueIds(at(10)));
  }

  @Test
  void a_sender_that_recorded_its_failure_leaves_no_unknown_outcome_behind() {
    String id = enqueue("lane-a", "one", T0);
    claim(id, at(1), at(120));
    inTransaction(database, tx -> tx.outbox().retryLater(id, at(2), "rate limited (429)"));

    claim(id, at(2), at(122));

    SendHistory history = history(id);
    assertTrue(history.takenBefore());
    assertFalse(history.outcomeUnknown(), "its one earlier sender said how it ended");
    assertEquals(Optional.empty(), history.upload());
  }

  @Test
  void the_file_an_upload_started_is_kept_with_its_message_until_replaced() {
    String id = enqueue("lane-a", "one", T0);
    claim(id, at(1), at(120));

    inTransaction(
        database, tx -> tx.outbox().recordUpload(id, new StartedUpload("F1", Optional.of(at(2)))));
    assertEquals(Optional.of(new StartedUpload("F1", Optional.of(at(2)))), history(id).upload());

    inTransaction(
        database, tx -> tx.outbox().recordUpload(id, new StartedUpload("F1", Optional.empty())));
    assertEquals(Optional.of(new StartedUpload("F1", Optional.empty())), history(id).upload());

    markSent(id);
    assertThrows(
        IllegalStateException.class,
        () ->
            inTransaction(
                database,
                tx -> tx.outbox().recordUpload(id, new StartedUpload("F2", Optional.of(at(3))))),
        "a settled message takes no new file");
  }

  @Test
  void a_replacing_message_drops_the_waiting_ones_and_keeps_the_earliest_due_time() {
    String first = replace("parent:a", "v1", T0, at(10));
    String second = replace("parent:a", "v2", at(3), at(13));

    assertEquals(
        List.of(new OutboxMessage(second, "parent:a", 1, "POST", "v2", 0, at(10), 1)),
        pending("parent:a"));
    assertEquals(List.of(), dueIds(at(9)), "not before the first version's time");
    assertEquals(List.of(second), dueIds(at(10)));
    assertFalse(claim(first, at(10), at(60)), "the dropped version is gone");
  }

  @Test
  void a_replacing_message_starts_afresh_where_the_one_it_replaces_failed() {
    String failed = replace("parent:a", "v1", T0, at(10));
    assertTrue(claim(failed, at(10), at(60)));
    inTransaction(
        database,
        tx -> tx.outbox().recordUpload(failed, new StartedUpload("F1", Optional.of(at(11)))));
    inTransaction(database, tx -> tx.outbox().retryLater(failed, at(40), "HTTP 503"));

    String next = replace("parent:a", "v2", at(12), at(30));

    assertEquals(
        List.of(new OutboxMessage(next, "parent:a", 1, "POST", "v2", 0, at(30), 1)),
        pending("parent:a"),
        "its place in the lane, the earlier due time, no attempts");
    assertEquals(new SendHistory(0, 0, Optional.empty()), history(next), "nor the old file");
    assertFalse(claim(failed, at(40), at(100)), "the replaced one is gone");
  }

  @Test
  void a_replacing_message_drops_every_waiting_one_after_a_failed_send() {
    String first = replace("parent:a", "v1", T0, at(10));
    assertTrue(claim(first, at(10), at(60)));
    String second = replace("parent:a", "v2", at(11), at(21));
    // Slack refused the first for now: it waits again, before the second.
    inTransaction(database, tx -> tx.outbox().retryLater(first, at(12), "HTTP 503"));

    String third = replace("parent:a", "v3", at(13), at(30));

    assertEquals(List.of(third), ids(pending("parent:a")), "one message left: " + second);
    assertEquals("v3", pending("parent:a").get(0).payload());
    assertEquals(List.of(third), dueIds(at(12)), "due when the first was to be tried again");
  }

  @Test
  void a_replacing_message_leaves_one_a_sender_has_taken_and_waits_behind_it() {
    String taken = replace("parent:a", "v1", T0, at(10));
    assertTrue(claim(taken, at(10), at(60)));

    String next = replace("parent:a", "v2", at(11), at(21));

    assertEquals(List.of(taken, next), ids(pending("parent:a")));
    markSent(taken);
    assertEquals(List.of(next), dueIds(at(21)), "due a whole interval after, not at once");
  }

  private String replace(String lane, String payload, Instant now, Instant dueAt, int urgency) {
    return database.transaction(
        tx -> tx.outbox().replaceWaiting(lane, "POST", payload, now, dueAt, urgency));
  }

  private String replace(String lane, String payload, Instant now, Instant dueAt) {
    return database.transaction(
        tx -> tx.outbox().replaceWaiting(lane, "POST", payload, now, dueAt, 1));
  }

  private SendHistory history(String id) {
    return database.transaction(tx -> tx.outbox().history(id)).orElseThrow();
  }

  private boolean claim(String id, Instant now, Instant leaseUntil) {
    return database.transaction(tx -> tx.outbox().claim(id, now, leaseUntil, "bot-a")).isPresent();
  }

  private String enqueue(String lane, String payload, Instant now) {
    return database.transaction(tx -> tx.outbox().enqueue(lane, "POST", payload, now));
  }

  private void markSent(String id) {
    inTransaction(database, tx -> tx.outbox().markSent(id, at(100), "{\"ts\":\"1.2\"}"));
  }

  private List<OutboxMessage> pending(String lane) {
    return database.transaction(tx -> tx.outbox().pending(lane));
  }

  private List<String> dueIds(Instant now) {
    return ids(database.transaction(tx -> tx.outbox().due(now, 10)));
  }

  private Optional<Instant> nextDueAfter(Instant now) {
    return database.transaction(tx -> tx.outbox().nextDueAfter(now));
  }

  private static List<String> ids(List<OutboxMessage> messages) {
    return messages.stream().map(OutboxMessage::id).toList();
  }
}
