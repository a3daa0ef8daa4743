package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Reminder;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's review through the real bot and a fake Slack: asking two reviewers, a comment, a
 * blocking concern, strangers turned away privately, a restart in the middle, both approvals, the
 * status in the document, and the drafter's talk in the thread left alone.
 */
class ReviewEndToEndTest {
  private static final String BOB = "U0BOB";
  private static final String CAROL = "U0CAROL";
  private static final String DAVE = "U0DAVE";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final String FILE = "payment-retries.md";
  private static final String ANSWER = "Card payments that fail are retried.";
  private static final String EDITED = "Card and bank payments that fail are retried.";

  @TempDir Path folder;
  private BotHarness harness;
  private String answerTs;

  @AfterEach
  void stopBot(TestInfo test) throws java.io.IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/review-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("review-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
  }

  @Test
  void two_reviewers_a_comment_and_a_concern_end_in_an_approved_spec() throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();

    harness.reply(thread, DRAFTER, "review <@U0BOB> <@U0CAROL|carol>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>, <@U0CAROL>");
    RecordedCall bobsAsk = harness.awaitDirect(BOB, "asks you to review *Payment retries*");
    harness.awaitDirect(CAROL, "asks you to review");
    harness.awaitFile(FILE, "**Status**: In review");
    harness.slack.awaitCall(
        "chat.update",
        call -> call.param("text").contains("In review, waiting on <@U0BOB>, <@U0CAROL>"),
        BotHarness.WAIT);

    harness.reply(thread, BOB, "Looks solid; what happens on a 429?");
    harness.reply(thread, CAROL, "concern backoff: retries could pile up behind a slow provider");
    harness.awaitInThread(thread, "raised the concern *backoff*");

    press(bobsAsk, DAVE, ActionIds.APPROVE);
    awaitEphemeral(DAVE, "Only the people asked to review");
    press(bobsAsk, BOB, ActionIds.APPROVE);
    harness.awaitInThread(thread, "<@U0BOB> approved the spec.");

    // The drafter edits an answer: Bob's approval goes stale, and he is told what changed.
    var edit =
        harness
            .requests()
            .messageChanged("EvEdit1", CHANNEL, thread, DRAFTER, answerTs, ANSWER, EDITED);
    assertEquals(200, edit.status(), edit.body());
    String stale = harness.awaitDirect(BOB, "changed after you approved it").param("text");
    assertTrue(stale.contains("Now: " + EDITED), stale);
    String republished = harness.awaitFile(FILE, EDITED);
    assertTrue(republished.contains("**Status**: In review"), republished);
    press(bobsAsk, BOB, ActionIds.APPROVE);
    awaitCount(thread, "<@U0BOB> approved the spec.", 2);
    harness.reply(thread, CAROL, "approve");
    harness.awaitInThread(thread, "<@U0CAROL> approved the spec.");

    harness.reply(thread, DRAFTER, "who has reviewed");
    String board = harness.awaitInThread(thread, "Open concern *backoff*").param("text");
    assertTrue(board.contains("Approved: <@U0BOB>, <@U0CAROL>"), board);
    assertTrue(board.contains("1 remark"), board);
    assertTrue(board.contains("<@U0BOB>: Looks solid; what happens on a 429?"), board);
    assertEquals(0, harness.postedInThread(thread, "*Approved*:").size(), "a concern blocks it");

    harness.restart();

    harness.reply(thread, BOB, "resolve backoff");
    awaitEphemeral(BOB, "Only the person who raised a concern can resolve it");
    harness.reply(thread, CAROL, "resolve backoff");
    harness.awaitInThread(thread, "*Approved*: every reviewer");
    String approved = harness.awaitFile(FILE, "**Status**: APPROVED");
    // The revision table carries the review, by people's names: a row per event.
    assertTrue(approved.contains("| User U0CAROL | raised concern backoff |"), approved);
    assertTrue(approved.contains("| User U0BOB | approved |"), approved);
    assertTrue(
        approved.contains("| User U0CAROL | resolved concern backoff | APPROVED |"), approved);
    var list = harness.requests().slashCommand("/spec", "list", DRAFTER, CHANNEL, "trig-list");
    assertTrue(list.body().contains("Approved"), list.body());

    harness.reply(thread, DRAFTER, "thanks both, great review!");
    harness.reply(thread, DRAFTER, "status in progress");
    harness.awaitInThread(thread, "The spec is now *In progress*.");
    harness.awaitFile(FILE, "**Status**: IN_PROGRESS");
    // Talk is left alone: the reply to the command after it has arrived, and nothing quotes it.
    assertEquals(0, harness.postedInThread(thread, "thanks both").size());
    assertEquals(2, harness.postedInThread(thread, "<@U0BOB> approved the spec.").size());
  }

  @Test
  void goto_on_an_approved_spec_asks_again_and_the_new_answer_makes_approvals_stale()
      throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitDirect(BOB, "asks you to review");
    harness.reply(thread, BOB, "approve");
    harness.awaitFile(FILE, "**Status**: APPROVED");

    harness.reply(thread, DRAFTER, "goto 1");
    awaitCount(thread, "Question 1 of", 2);
    harness.reply(thread, DRAFTER, "Card, bank and wallet payments that fail are retried.");
    harness.awaitInThread(thread, "Updated your answer to question 1");
    String stale = harness.awaitDirect(BOB, "changed after you approved it").param("text");
    assertTrue(stale.contains("Now: Card, bank and wallet payments"), stale);
    String document = harness.awaitFile(FILE, "wallet payments");
    assertTrue(document.contains("**Status**: In review"), document);

    harness.reply(thread, DRAFTER, "goto 1");
    awaitCount(thread, "Question 1 of", 3);
    harness.reply(thread, DRAFTER, "skip");
    harness.awaitInThread(thread, "Kept your answer to question 1");
    harness.reply(thread, DRAFTER, "Great, thanks!");
    harness.reply(thread, DRAFTER, "who has reviewed");
    harness.awaitInThread(thread, "Approved before the last change: <@U0BOB>");
    assertEquals(0, harness.postedInThread(thread, "Great, thanks").size());
  }

  @Test
  void only_the_drafter_asks_for_reviews_and_the_drafter_cannot_approve() throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();

    harness.reply(thread, DAVE, "review <@U0DAVE>");
    awaitEphemeral(DAVE, "Only the spec's drafter can ask for reviews");
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>");
    harness.reply(thread, DRAFTER, "approve");
    awaitEphemeral(DRAFTER, "You drafted this spec");
    assertEquals(0, harness.postedInThread(thread, "approved the spec").size());
  }

  @Test
  void the_posted_spec_offers_a_people_picker_and_request_review_asks_whom_it_holds()
      throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();
    RecordedCall offer = harness.awaitInThread(thread, "Ready for review?");
    // What comes next is under the spec, in its last message: the meeting's pickers, then the
    // reviewers' picker.
    String text = offer.param("text");
    assertTrue(text.matches("(?s)The finished spec: \\(part (\\d+) of \\1\\).*"), text);
    assertTrue(text.indexOf(PROMPT) < text.indexOf("Ready for review?"), text);
    assertTrue(offer.jsonParam("blocks").contains(ActionIds.WHEN_BLOCK), offer.jsonParam("blocks"));
    assertEquals(1, harness.postedInThread(thread, "Ready for review?").size());
    assertEquals(1, harness.postedInThread(thread, PROMPT).size());

    press(offer, DAVE, ActionIds.REQUEST_REVIEW, picked(List.of(BOB)));
    awaitEphemeral(DAVE, "Only the spec's drafter can ask for reviews");
    press(offer, DRAFTER, ActionIds.REQUEST_REVIEW, picked(List.of(BOB, CAROL)));
    harness.awaitInThread(thread, "Review requested from <@U0BOB>, <@U0CAROL>");
    harness.awaitDirect(CAROL, "asks you to review");
  }

  private static Map<String, Map<String, Object>> picked(List<String> users) {
    return Map.of(
        ActionIds.REVIEWERS_BLOCK,
        Map.of(ActionIds.REVIEWERS, Map.of("type", "multi_users_select", "selected_users", users)));
  }

  @Test
  void a_reviewer_requests_changes_and_comments_through_the_short_form() throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    RecordedCall ask = harness.awaitDirect(BOB, "asks you to review");

    press(ask, BOB, ActionIds.REQUEST_CHANGES);
    RecordedCall opened = harness.slack.awaitCall("views.open", call -> true, BotHarness.WAIT);
    String view = opened.params().get("view");
    assertTrue(view.contains("What should change"), view);
    String metadata =
        JsonParser.parseString(view).getAsJsonObject().get("private_metadata").getAsString();
    String section =
        JsonParser.parseString(view)
            .getAsJsonObject()
            .getAsJsonArray("blocks")
            .get(0)
            .getAsJsonObject()
            .getAsJsonObject("element")
            .getAsJsonArray("options")
            .get(0)
            .getAsJsonObject()
            .get("value")
            .getAsString();
    var sent =
        harness
            .requests()
            .viewSubmission(
                BOB,
                ActionIds.REVIEW_FORM,
                metadata,
                Map.of(
                    ActionIds.REVIEW_SECTION_BLOCK,
                    Map.of(
                        ActionIds.REVIEW_SECTION_BLOCK,
                        Map.of(
                            "type", "static_select", "selected_option", Map.of("value", section))),
                    ActionIds.REVIEW_TEXT_BLOCK,
                    Map.of(
                        ActionIds.REVIEW_TEXT_BLOCK,
                        Map.of(
                            "type",
                            "plain_text_input",
                            "value",
                            "Say what a <!channel> retry costs"))));
    assertEquals(200, sent.status(), sent.body());
    String changes =
        harness.awaitInThread(thread, "<@U0BOB> requested changes to *" + section).param("text");
    assertTrue(changes.contains("&lt;!channel&gt;"), changes);
    harness.awaitInThread(thread, "The spec is now *Changes requested*");

    press(ask, BOB, ActionIds.COMMENT);
    harness.slack.awaitCall(
        "views.open", call -> call.params().get("view").contains("\"Comment\""), BotHarness.WAIT);
    var comment =
        harness
            .requests()
            .viewSubmission(
                BOB,
                ActionIds.REVIEW_FORM,
                metadata.replace("CHANGES", "COMMENT"),
                Map.of(
                    ActionIds.REVIEW_TEXT_BLOCK,
                    Map.of(
                        ActionIds.REVIEW_TEXT_BLOCK,
                        Map.of("type", "plain_text_input", "value", "Nice diagrams."))));
    assertEquals(200, comment.status(), comment.body());
    harness.reply(thread, DRAFTER, "who has reviewed");
    String board = harness.awaitInThread(thread, "Changes requested: <@U0BOB>").param("text");
    assertTrue(board.contains("2 remarks"), board);
  }

  @Test
  void
      a_template_that_asks_for_a_majority_is_approved_by_two_of_three_and_keeps_them_through_edits()
          throws Exception {
    Path templates = Files.createDirectories(folder.resolve("templates"));
    Files.writeString(
        templates.resolve("light-spec.md"),
        """
        ---
        name: Light spec
        specbot:
          review: majority 1, keep approvals
        ---
        # [Title]
        ## Problem
        What is wrong today?
        ## Plan
        What will change?
        """);
    harness = new BotHarness(folder, templates);
    String thread = harness.start("light-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String problem = harness.reply(thread, DRAFTER, "Retries are lost.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Keep them.");
    harness.awaitInThread(thread, PROMPT);

    harness.reply(thread, DRAFTER, "review <@U0BOB> <@U0CAROL> <@U0DAVE>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>, <@U0CAROL>, <@U0DAVE>");
    harness.reply(thread, BOB, "approve");
    harness.awaitInThread(thread, "<@U0BOB> approved the spec.");
    // An edit to a section nobody commented on keeps Bob's approval, as the template says.
    var edit =
        harness
            .requests()
            .messageChanged(
                "EvEdit2",
                CHANNEL,
                thread,
                DRAFTER,
                problem,
                "Retries are lost.",
                "Retries vanish.");
    assertEquals(200, edit.status(), edit.body());
    harness.awaitFile("payment-retries.md", "Retries vanish.");
    harness.reply(thread, CAROL, "approve");
    harness.awaitInThread(thread, "*Approved*: every reviewer it needs approved");
    assertEquals(
        0,
        harness.slack.calls("chat.postMessage").stream()
            .filter(call -> BOB.equals(call.param("channel")))
            .filter(call -> call.param("text").contains("changed after you approved"))
            .count());
  }

  @Test
  void a_silent_reviewer_is_nudged_in_private_and_the_drafter_told_when_it_stalls()
      throws Exception {
    Duration day = Duration.ofDays(1);
    harness =
        new BotHarness(
            folder,
            new NudgePolicy(day, day, day, 2, WorkingHours.parse("00:00-24:00", "MON-SUN"), day));
    String thread = postedSpec();
    harness.reply(thread, DRAFTER, "review <@U0BOB> <@U0CAROL>");
    harness.awaitDirect(BOB, "asks you to review");
    harness.reply(thread, CAROL, "approve");
    harness.awaitInThread(thread, "<@U0CAROL> approved the spec.");

    harness.advanceClock(day.plusMinutes(1));
    RecordedCall first = harness.awaitDirect(BOB, "Reminder 1 of 2");
    assertTrue(first.jsonParam("blocks").contains(ActionIds.APPROVE), "the nudge can approve");
    harness.advanceClock(day.plusMinutes(1));
    harness.awaitDirect(BOB, "Reminder 2 of 2");
    harness.awaitInThread(thread, "The review is waiting on <@U0BOB>");

    assertEquals(
        0,
        harness.slack.calls("chat.postMessage").stream()
            .filter(
                call ->
                    CAROL.equals(call.param("channel")) && call.param("text").contains("Reminder"))
            .count(),
        "Carol approved: she is not nudged");
    assertTrue(
        harness.pendingReminders().stream()
            .noneMatch(reminder -> reminder.kind() == Reminder.Kind.REVIEW_NUDGE),
        "no nudge after the last");
  }

  /**
   * A technical specification (its template has a Status field) with its first question answered,
   * then finished early.
   */
  private String postedSpec() {
    String thread = harness.start("technical-specification", "Payment retries");
    harness.awaitQuestion(thread, 1);
    answerTs = harness.reply(thread, DRAFTER, ANSWER);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, PROMPT);
    return thread;
  }

  private void press(RecordedCall message, String user, String actionId) {
    press(message, user, actionId, Map.of());
  }

  private void press(
      RecordedCall message, String user, String actionId, Map<String, Map<String, Object>> state) {
    var response =
        harness
            .requests()
            .blockAction(
                user,
                message.param("channel"),
                harness.tsOf(message),
                null,
                actionId,
                BotHarness.actionValue(message, actionId),
                "trig-" + actionId,
                state);
    assertEquals(200, response.status(), response.body());
  }

  private void awaitCount(String thread, String fragment, int count) {
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, fragment).size() == count,
        count + " messages saying " + fragment);
  }

  private void awaitEphemeral(String user, String fragment) {
    BotHarness.awaitCondition(
        () -> harness.slack.ephemeralsShownTo(user).stream().anyMatch(t -> t.contains(fragment)),
        "a private note to " + user + " saying " + fragment);
  }
}
