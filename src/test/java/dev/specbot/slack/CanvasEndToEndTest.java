package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.canvas.CanvasMarkdown;
import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeCanvas;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec's canvas through the real bot and a fake Slack: made once when the spec is posted, shared
 * with the channel and linked in the thread and on the parent; kept the current document through an
 * edited answer and the review; refused by Slack and said so once, the file unaffected; made once
 * although canvases.create's answer is lost and the bot restarts.
 */
class CanvasEndToEndTest {
  private static final String BOB = "U0BOB";
  private static final String FILE = "payment-retries.md";
  private static final String ANSWER = "Card payments that fail are retried.";
  private static final String EDITED = "Card and bank payments that fail are retried.";
  private static final String LINKED = "The spec is also a canvas";
  private static final String REFUSED = "I could not make this spec a canvas";

  @TempDir Path folder;
  private BotHarness harness;
  private String answerTs;

  @AfterEach
  void stopBot(TestInfo test) throws IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/canvas-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("canvas-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
  }

  @Test
  void a_posted_spec_is_one_canvas_shared_with_the_channel_and_linked_in_thread_and_parent()
      throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();

    FakeCanvas canvas = awaitCanvasWith(ANSWER);
    String file = harness.awaitFile(FILE, ANSWER);
    assertEquals(converted(file), canvas.markdown());
    assertEquals("Payment retries", canvas.title());
    assertEquals(CHANNEL, canvas.channelId());
    // Read, not written there: a change belongs in the thread, where the review sees it.
    BotHarness.awaitCondition(
        () -> harness.slack.canvas(canvas.id()).access().equals(Map.of(CHANNEL, "read")),
        "the channel to read the canvas");
    String url =
        "https://"
            + FakeSlackWebApi.TEAM_DOMAIN
            + ".slack.com/docs/"
            + FakeSlackWebApi.TEAM_ID
            + "/"
            + canvas.id();
    String link = harness.awaitInThread(thread, LINKED).param("text");
    assertTrue(link.contains("<" + url + "|Payment retries>"), link);
    harness.slack.awaitCall(
        "chat.update",
        call -> call.param("ts").equals(thread) && call.param("blocks").contains(url),
        BotHarness.WAIT);
    assertEquals(1, harness.slack.canvases().size());
    assertEquals(1, harness.slack.calls("canvases.create").size());
    assertEquals(1, harness.postedInThread(thread, LINKED).size());
  }

  @Test
  void an_edited_answer_and_the_review_bring_the_canvas_up_to_date() throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();
    String canvasId = awaitCanvasWith(ANSWER).id();

    var edit =
        harness
            .requests()
            .messageChanged("EvEdit1", CHANNEL, thread, DRAFTER, answerTs, ANSWER, EDITED);
    assertEquals(200, edit.status(), edit.body());
    String file = harness.awaitFile(FILE, EDITED);
    BotHarness.awaitCondition(
        () -> harness.slack.canvasMarkdown(canvasId).equals(converted(file)),
        "the canvas to show the edited answer");
    assertFalse(harness.slack.canvasMarkdown(canvasId).contains(ANSWER));

    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitFile(FILE, "**Status**: In review");
    awaitCanvasWith("**Status**: In review");
    harness.reply(thread, BOB, "approve");
    String approved = harness.awaitFile(FILE, "**Status**: APPROVED");
    BotHarness.awaitCondition(
        () -> harness.slack.canvasMarkdown(canvasId).equals(converted(approved)),
        "the canvas to show the approval");

    assertEquals(1, harness.slack.canvases().size());
    assertTrue(harness.slack.canvasEdits(canvasId) >= 3, "edited, not made again");
    assertEquals(1, harness.postedInThread(thread, LINKED).size());
  }

  @Test
  void a_scheduled_meeting_brings_the_canvas_up_to_date() throws Exception {
    harness = new BotHarness(folder);
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, "Next, the spec's discussion meeting");
    String posted = harness.awaitFile(FILE, "Payment retries");
    String canvasId = awaitCanvasWith("Payment retries").id();

    harness.reply(thread, DRAFTER, "meeting tomorrow at 15:30 for 45 minutes with <@U0BOB>");
    RecordedCall proposal = harness.awaitInThread(thread, "Schedule the discussion for");
    var pressed =
        harness
            .requests()
            .blockAction(
                DRAFTER,
                proposal.param("channel"),
                harness.tsOf(proposal),
                thread,
                ActionIds.CONFIRM,
                BotHarness.actionValue(proposal, ActionIds.CONFIRM),
                "trig-confirm",
                Map.of());
    assertEquals(200, pressed.status(), pressed.body());
    harness.awaitInThread(thread, "is scheduled for");

    BotHarness.awaitCondition(
        () -> {
          String file = harness.uploadedText(FILE).orElseThrow();
          return !file.equals(posted)
              && harness.slack.canvasMarkdown(canvasId).equals(converted(file));
        },
        "the canvas to show the meeting as the file does");
    assertEquals(1, harness.slack.canvases().size());
  }

  @Test
  void a_free_plan_takes_the_canvas_tabbed_in_the_channel() throws Exception {
    harness = new BotHarness(folder);
    harness.slack.canvasesAsOnAFreePlan();
    String thread = postedSpec();

    FakeCanvas canvas = awaitCanvasWith(ANSWER);
    assertEquals(CHANNEL, canvas.channelId());
    var edit =
        harness
            .requests()
            .messageChanged("EvEdit1", CHANNEL, thread, DRAFTER, answerTs, ANSWER, EDITED);
    assertEquals(200, edit.status(), edit.body());
    awaitCanvasWith(EDITED);
    assertEquals(0, harness.postedInThread(thread, REFUSED).size());
  }

  @Test
  void a_plan_without_canvases_is_said_once_and_the_file_still_posted() throws Exception {
    refusedCanvasesAreSaidOnce("not_allowed_on_free_teams", "Slack plan does not let me");
  }

  @Test
  void a_missing_scope_is_said_once_and_the_file_still_posted() throws Exception {
    refusedCanvasesAreSaidOnce("missing_scope", "`canvases:write` and `canvases:read`");
  }

  private void refusedCanvasesAreSaidOnce(String error, String explanation) throws Exception {
    harness = new BotHarness(folder);
    harness.slack.refuseCanvases(error);
    String thread = postedSpec();

    String said = harness.awaitInThread(thread, REFUSED).param("text");
    assertTrue(said.contains(explanation), said);
    assertTrue(said.contains("`" + error + "`"), said);
    harness.awaitFile(FILE, ANSWER);
    var edit =
        harness
            .requests()
            .messageChanged("EvEdit1", CHANNEL, thread, DRAFTER, answerTs, ANSWER, EDITED);
    assertEquals(200, edit.status(), edit.body());
    harness.awaitFile(FILE, EDITED);
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything to be sent");

    assertEquals(1, harness.postedInThread(thread, REFUSED).size(), "said once");
    assertEquals(1, harness.slack.calls("canvases.create").size(), "not tried again");
    assertEquals(0, harness.slack.calls("canvases.edit").size());
    assertEquals(0, harness.postedInThread(thread, LINKED).size());
    assertEquals(0, harness.slack.canvases().size());
  }

  @Test
  void a_canvas_whose_creation_answer_was_lost_is_found_not_made_again_after_a_restart()
      throws Exception {
    harness = new BotHarness(folder);
    harness.slack.failNext("canvases.create", 1, Failure.lostAnswer());
    String thread = postedSpec();
    harness.slack.awaitCall("canvases.create", call -> true, BotHarness.WAIT);
    harness.restart();

    FakeCanvas canvas = awaitCanvasWith(ANSWER);
    harness.awaitInThread(thread, LINKED);
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything to be sent");

    assertEquals(1, harness.slack.canvases().size(), "one canvas: " + harness.slack.canvases());
    assertEquals(1, harness.slack.calls("canvases.create").size());
    assertFalse(harness.slack.calls("files.list").isEmpty(), "looked for before made again");
    assertEquals(converted(harness.awaitFile(FILE, ANSWER)), canvas.markdown());
    assertEquals(1, harness.postedInThread(thread, LINKED).size());
    assertEquals(Map.of(CHANNEL, "read"), harness.slack.canvas(canvas.id()).access());
  }

  @Test
  void a_canvas_deleted_by_someone_is_said_once_and_not_made_again() throws Exception {
    harness = new BotHarness(folder);
    String thread = postedSpec();
    String canvasId = awaitCanvasWith(ANSWER).id();
    harness.awaitInThread(thread, LINKED);
    harness.slack.refuseCanvases("canvas_not_found");

    var edit =
        harness
            .requests()
            .messageChanged("EvEdit1", CHANNEL, thread, DRAFTER, answerTs, ANSWER, EDITED);
    assertEquals(200, edit.status(), edit.body());
    String said = harness.awaitInThread(thread, "The canvas of this spec is gone").param("text");
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitFile(FILE, "**Status**: In review");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything to be sent");

    assertTrue(said.contains("The spec file in this thread is the current document"), said);
    assertEquals(1, harness.postedInThread(thread, "The canvas of this spec is gone").size());
    assertEquals(1, harness.slack.calls("canvases.create").size());
    assertEquals(1, harness.slack.calls("canvases.edit").size(), "not tried again");
    assertTrue(harness.slack.canvasMarkdown(canvasId).contains(ANSWER));
  }

  private String postedSpec() {
    String thread = harness.start("technical-specification", "Payment retries");
    harness.awaitQuestion(thread, 1);
    answerTs = harness.reply(thread, DRAFTER, ANSWER);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, "Next, the spec's discussion meeting");
    return thread;
  }

  /** Waits for the one canvas to hold {@code fragment}; returns it as it then is. */
  private FakeCanvas awaitCanvasWith(String fragment) {
    BotHarness.awaitCondition(
        () ->
            harness.slack.canvases().stream()
                .anyMatch(canvas -> canvas.markdown().contains(fragment)),
        "a canvas holding " + fragment);
    return harness.slack.canvases().stream()
        .filter(canvas -> canvas.markdown().contains(fragment))
        .findFirst()
        .orElseThrow();
  }

  private static String converted(String spec) {
    return CanvasMarkdown.withTables(false).convert(spec);
  }
}
