package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Reminder;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Questions handed to co-authors through the real bot and a fake Slack: told in the thread and in
 * private, answered by their replies while the drafter answers the others, waited on, credited in
 * the document; the picker on a question, strangers turned away, taken back, and nudged.
 */
class CoAuthorsEndToEndTest {
  private static final String BOB = "U0BOB";
  private static final String DAVE = "U0DAVE";
  private static final String FILE = "payment-retries.md";
  private static final String TEMPLATE =
      """
      # Spec
      **Authors**: <!-- names -->

      ## Summary

      What is it?

      ## Data model

      Which tables?

      ## Rollout

      How does it ship?

      ## Revision History

      | Date | Author | Changes |
      |------|--------|---------|
      | [Date] | [Author] | Initial draft |
      """;

  @TempDir Path folder;
  private BotHarness harness;

  @AfterEach
  void stopBot(TestInfo test) throws java.io.IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/coauthors-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("coauthors-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
  }

  @Test
  void a_section_assigned_and_answered_by_a_co_author_while_the_drafter_answers_the_others()
      throws Exception {
    harness = new BotHarness(folder, templates());
    String thread = harness.start("coauthored", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, DRAFTER, "assign 2 <@U0BOB>");
    harness.awaitInThread(thread, "<@U0BOB>, <@U0ALICE> handed you 2 (Data model)");
    String direct = harness.awaitDirect(BOB, "handed you 2 (Data model)").param("text");
    assertTrue(direct.contains("of *Payment retries*"), direct);
    assertTrue(direct.contains("|the spec's thread>"), "a link to the thread: " + direct);

    harness.reply(thread, DRAFTER, "Retries for failed card payments.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "Behind a flag, one merchant at a time.");
    harness.awaitInThread(thread, "Waiting on <@U0BOB> for 2 (Data model)");
    harness.slack.awaitCall(
        "chat.update",
        call -> call.param("text").contains("Waiting on co-authors · 2 of 3 answered"),
        BotHarness.WAIT);

    String bobsTs = harness.slack.addUserMessage(CHANNEL, thread, BOB, "A retries table.");
    var first =
        harness.requests().threadReply("EvBob", CHANNEL, thread, BOB, "A retries table.", bobsTs);
    var again =
        harness
            .requests()
            .threadReply("EvBob", CHANNEL, thread, BOB, "A retries table.", bobsTs, 1);
    assertEquals(200, first.status(), first.body());
    assertEquals(200, again.status(), again.body());

    harness.awaitInThread(thread, "Thanks <@U0BOB>: that answers 2 (Data model).");
    String document = harness.awaitFile(FILE, "A retries table.");
    assertTrue(document.contains("**Authors**: u0alice, User U0BOB"), document);
    assertTrue(document.contains("| User U0BOB | wrote 2. Data model |"), document);
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything sent");
    assertEquals(
        1, harness.postedInThread(thread, "Thanks <@U0BOB>").size(), "the retry did nothing");
  }

  @Test
  void the_picker_on_a_question_hands_it_over_for_the_drafter_only_and_unassign_takes_it_back()
      throws Exception {
    harness = new BotHarness(folder, templates());
    String thread = harness.start("coauthored", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);
    String block = handOverBlock(question);

    pick(question, block, DAVE, BOB);
    BotHarness.awaitCondition(
        () ->
            harness.slack.ephemeralsShownTo(DAVE).stream()
                .anyMatch(text -> text.contains("only they can answer it or use its buttons")),
        "a private note to the stranger");
    pick(question, block, DRAFTER, BOB);
    harness.awaitInThread(thread, "<@U0BOB>, <@U0ALICE> handed you 1 (Summary)");
    harness.awaitDirect(BOB, "handed you 1 (Summary)");
    harness.awaitQuestion(thread, 2);

    harness.reply(thread, DRAFTER, "assign 3 @carol");
    harness.awaitInThread(thread, "`@carol` is not a Slack mention");
    harness.reply(thread, DAVE, "assign 3 <@U0DAVE>");
    BotHarness.awaitCondition(
        () -> harness.slack.ephemeralsShownTo(DAVE).size() == 2,
        "a second private note to the stranger, for the typed hand-over");
    harness.reply(thread, DRAFTER, "unassign 1");
    harness.awaitInThread(thread, "<@U0ALICE> took 1 (Summary) back from <@U0BOB>");
    assertEquals(0, harness.postedInThread(thread, "handed you 3").size(), "Dave is no drafter");

    harness.reply(thread, DRAFTER, "Tables.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "Slowly.");
    RecordedCall askedAgain = harness.awaitInThread(thread, "Question 1 of 3");
    assertTrue(askedAgain.param("text").contains("Summary"), askedAgain.param("text"));
  }

  @Test
  void a_co_author_is_nudged_in_the_thread_until_they_answer() throws Exception {
    String thread = rolloutHandedToBob();

    harness.advanceClock(NUDGE_AFTER.plusMinutes(1));
    harness.awaitInThread(thread, "<@U0BOB>, <@U0ALICE>'s spec is waiting for your answer");

    harness.reply(thread, BOB, "Behind a flag.");
    harness.awaitInThread(thread, "Thanks <@U0BOB>: that answers 3 (Rollout).");
    BotHarness.awaitCondition(() -> coAuthorNudges() == 0, "no nudge for a co-author who answered");
  }

  @Test
  void a_question_taken_back_stops_its_co_authors_nudge_and_later_answers_do_not_bring_it_back()
      throws Exception {
    String thread = rolloutHandedToBob();
    assertEquals(1, coAuthorNudges(), "Bob's nudge is set");

    harness.reply(thread, DRAFTER, "unassign 3");
    harness.awaitInThread(thread, "<@U0ALICE> took 3 (Rollout) back from <@U0BOB>");
    BotHarness.awaitCondition(() -> coAuthorNudges() == 0, "Bob's nudge stopped");
    harness.reply(thread, DRAFTER, "Tables.");
    harness.awaitQuestion(thread, 2);

    assertEquals(0, coAuthorNudges(), "an answer with no co-author left sets none");
  }

  private static final Duration NUDGE_AFTER = Duration.ofDays(1);

  /**
   * A bot that nudges a day after, at any hour, and a spec whose question 3 (Rollout) the drafter
   * handed to Bob; its thread.
   */
  private String rolloutHandedToBob() throws Exception {
    Duration day = NUDGE_AFTER;
    harness =
        new BotHarness(
            folder,
            new NudgePolicy(day, day, day, 2, WorkingHours.parse("00:00-24:00", "MON-SUN"), day),
            templates());
    String thread = harness.start("coauthored", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "assign 3 <@U0BOB>");
    harness.awaitDirect(BOB, "handed you 3 (Rollout)");
    return thread;
  }

  private long coAuthorNudges() {
    return harness.pendingReminders().stream()
        .filter(reminder -> reminder.kind() == Reminder.Kind.COAUTHOR_NUDGE)
        .count();
  }

  @Test
  void a_co_authors_reply_missed_while_the_bot_was_down_is_caught_up_and_their_edit_revises_it()
      throws Exception {
    harness = new BotHarness(folder, templates());
    String thread = harness.start("coauthored", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "assign 3 <@U0BOB>");
    harness.awaitDirect(BOB, "handed you 3 (Rollout)");
    harness.reply(thread, DRAFTER, "Retries.");
    harness.awaitQuestion(thread, 2);

    harness.stop();
    String bobsTs = harness.slack.addUserMessage(CHANNEL, thread, BOB, "Flagged, slowly.");
    harness.startBot();
    harness.awaitInThread(thread, "Thanks <@U0BOB>: that answers 3 (Rollout).");

    harness.reply(thread, DRAFTER, "A retries table.");
    harness.awaitFile(FILE, "Flagged, slowly.");
    var edit =
        harness
            .requests()
            .messageChanged(
                "EvBobEdit", CHANNEL, thread, BOB, bobsTs, "Flagged, slowly.", "Flagged, fast.");
    assertEquals(200, edit.status(), edit.body());
    String revised = harness.awaitFile(FILE, "Flagged, fast.");
    assertTrue(revised.contains("| User U0BOB | wrote 3. Rollout |"), revised);
  }

  @Test
  void a_hand_over_written_after_the_spec_is_posted_is_told_it_is_too_late_not_read_as_a_time()
      throws Exception {
    harness = new BotHarness(folder, templates());
    String thread = harness.start("coauthored", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitFile(FILE, "Summary");

    harness.reply(thread, DRAFTER, "assign 2 <@U0BOB>");

    harness.awaitInThread(thread, "can no longer be handed to a teammate");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything sent");
    assertEquals(0, harness.postedInThread(thread, "What time").size(), "not read as a time");
    assertEquals(0, harness.postedInThread(thread, "handed you").size(), "Bob is not told");
  }

  @Test
  void a_spec_posted_before_its_co_author_answered_tells_them_privately() throws Exception {
    harness = new BotHarness(folder, templates());
    String thread = harness.start("coauthored", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "assign 2 <@U0BOB>");
    harness.awaitDirect(BOB, "handed you 2 (Data model)");

    harness.reply(thread, DRAFTER, "finish");

    String told = harness.awaitDirect(BOB, "before 2 (Data model) was answered").param("text");
    assertTrue(told.contains("posted *Payment retries*"), told);
  }

  private Path templates() throws java.io.IOException {
    Path templates = Files.createDirectories(folder.resolve("templates"));
    Files.writeString(templates.resolve("coauthored.md"), TEMPLATE);
    return templates;
  }

  /** The id of the block that holds the question's picker, as Slack would send it back. */
  private static String handOverBlock(RecordedCall question) {
    for (JsonElement block :
        JsonParser.parseString(question.jsonParam("blocks")).getAsJsonArray()) {
      JsonElement id = block.getAsJsonObject().get("block_id");
      if (id != null && id.getAsString().startsWith(ActionIds.HAND_OVER)) {
        return id.getAsString();
      }
    }
    throw new AssertionError("no picker in " + question.jsonParam("blocks"));
  }

  private void pick(RecordedCall message, String blockId, String user, String chosen) {
    var response =
        harness
            .requests()
            .userPicked(
                user,
                message.param("channel"),
                harness.tsOf(message),
                blockId,
                ActionIds.HAND_OVER,
                chosen);
    assertEquals(200, response.status(), response.body());
  }
}
