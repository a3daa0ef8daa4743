package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole bot, from a signed {@code /spec} to the uploaded document, against a fake Slack. */
class SlackInterviewEndToEndTest {
  private static final TemplateCatalog CATALOG = TemplateCatalog.load(Optional.empty());

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot() throws Exception {
    harness.close();
  }

  static Stream<String> builtInIds() {
    return TemplateCatalog.BUILT_IN_IDS.stream();
  }

  @ParameterizedTest
  @MethodSource("builtInIds")
  void a_full_interview_of_each_built_in_ends_with_the_uploaded_document(String templateId)
      throws java.io.IOException {
    Template template = CATALOG.find(templateId).orElseThrow();
    String thread = harness.start(templateId, "Payment retries");

    for (Question question : template.questions()) {
      harness.awaitQuestion(thread, question.number());
      harness.reply(thread, DRAFTER, answerTo(question));
    }

    RecordedCall completed =
        harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);
    String document = new String(harness.slack.onlyUploadedFile(), StandardCharsets.UTF_8);
    for (Question question : template.questions()) {
      String answer = answerTo(question);
      String expected =
          question.kind() == QuestionKind.TABLE ? "| cell " + question.number() : answer;
      assertTrue(
          document.contains(expected), "missing answer " + question.number() + " in\n" + document);
    }
    assertTrue(document.contains("Payment retries"), document);
    // Kept for checking by hand against Slack's spec: slack-check webapi-jsonl
    // target/slack-calls/*.jsonl
    harness.slack.writeJsonl(
        Files.createDirectories(Path.of("target/slack-calls")).resolve(templateId + ".jsonl"));
    assertTrue(
        completed.params().get("initial_comment").contains("*Payment retries* is ready"),
        completed.params().toString());
    assertTrue(
        completed.params().get("initial_comment").contains("https://"), "links to the thread");
    // The spec's first message opens with its introduction: no message of its own for it.
    RecordedCall firstPart = harness.awaitInThread(thread, "The finished spec: (part 1 of ");
    assertTrue(
        firstPart.jsonParam("blocks").contains("The finished spec:"),
        firstPart.params().toString());
    assertTrue(
        harness.postedInThread(thread, "The finished spec:").stream()
            .allMatch(call -> call.param("text").contains("(part ")),
        "no introduction posted alone");
  }

  @Test
  void the_parent_message_names_the_spec_and_keeps_its_progress_up_to_date() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    RecordedCall parent = harness.slack.calls("chat.postMessage").get(0);
    assertTrue(
        parent
            .jsonParam("blocks")
            .contains("*Payment retries* - Echo tech spec, drafted by <@U0ALICE>"));
    harness.reply(thread, DRAFTER, "Because retries fail today.");
    RecordedCall updated =
        harness.slack.awaitCall(
            "chat.update", call -> call.params().get("ts").equals(thread), WAIT);
    assertTrue(
        updated.jsonParam("blocks").contains("question 2 of 7 · 1 of 7 answered"),
        updated.jsonParam("blocks"));
  }

  @Test
  void the_question_shows_its_number_title_hint_and_buttons() {
    String thread = harness.start("echo-tech-spec", "Payment retries");

    RecordedCall question = harness.awaitQuestion(thread, 1);

    String blocks = question.jsonParam("blocks");
    assertTrue(blocks.contains("*Question 1 of 7* · *Context*"), blocks);
    assertTrue(blocks.contains("Why are you creating this tech spec?"), blocks);
    assertTrue(blocks.contains("\"action_id\":\"specbot_skip\""), blocks);
    assertTrue(blocks.contains("\"action_id\":\"specbot_back\""), blocks);
  }

  @Test
  void thread_commands_skip_back_goto_preview_and_finish() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "skip");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "back");
    harness.slack.awaitCalls("chat.postMessage", 4, WAIT);
    harness.reply(thread, DRAFTER, "Context answer.");
    harness.reply(thread, DRAFTER, "goto 7");
    harness.awaitQuestion(thread, 7);
    harness.reply(thread, DRAFTER, "preview");
    harness.slack.awaitCall(
        "chat.postMessage",
        call -> call.params().getOrDefault("text", "").startsWith("Preview of"),
        WAIT);
    harness.reply(thread, DRAFTER, "finish");

    harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);
    String document = new String(harness.slack.onlyUploadedFile(), StandardCharsets.UTF_8);
    assertTrue(document.contains("## Context\n\nContext answer."), document);
    assertTrue(document.contains("## Overview\n\n_Not answered._"), document);
  }

  @Test
  void cancel_asks_first_and_yes_cancels_without_posting_the_spec() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, DRAFTER, "cancel");
    harness.slack.awaitCall(
        "chat.postMessage",
        call -> call.params().getOrDefault("text", "").startsWith("Cancel this interview?"),
        WAIT);
    harness.reply(thread, DRAFTER, "yes");

    harness.slack.awaitCall(
        "chat.postMessage",
        call -> call.params().getOrDefault("text", "").startsWith("Cancelled."),
        WAIT);
    assertTrue(harness.slack.calls("files.completeUploadExternal").isEmpty());
  }

  @Test
  void a_retried_event_is_handled_once() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    var first =
        harness
            .requests()
            .threadReply("EvSAME", CHANNEL, thread, DRAFTER, "Once.", "1790000001.000001");
    var retry =
        harness
            .requests()
            .threadReply("EvSAME", CHANNEL, thread, DRAFTER, "Once.", "1790000001.000001", 1);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Second answer.");
    harness.awaitQuestion(thread, 3);

    assertEquals(200, first.status());
    assertEquals(200, retry.status());
    long questionTwos =
        harness.slack.calls("chat.postMessage").stream()
            .filter(call -> call.params().getOrDefault("text", "").startsWith("Question 2 of"))
            .count();
    assertEquals(1, questionTwos);
  }

  @Test
  void replies_from_someone_else_in_the_thread_are_not_answers() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, "U0BOB", "I think this is about retries.");
    harness.reply(thread, DRAFTER, "Alice's answer.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");

    harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);
    String document = new String(harness.slack.onlyUploadedFile(), StandardCharsets.UTF_8);
    assertTrue(document.contains("## Context\n\nAlice's answer."), document);
    assertFalse(document.contains("I think this is about retries."), document);
  }

  @Test
  void someone_else_pressing_a_button_is_told_whose_interview_it_is() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);
    String interviewId = buttonValue(question.jsonParam("blocks"));

    var response =
        harness
            .requests()
            .blockAction(
                "U0BOB",
                CHANNEL,
                harness.tsOf(question),
                thread,
                "specbot_skip",
                interviewId,
                "trig");

    assertEquals(200, response.status());
    RecordedCall note = harness.slack.awaitCall("chat.postEphemeral", call -> true, WAIT);
    assertEquals("U0BOB", note.params().get("user"));
    assertTrue(
        note.params().get("text").contains("This is <@U0ALICE>'s interview"),
        note.params().get("text"));
  }

  @Test
  void the_skip_button_skips_for_the_drafter() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);

    harness
        .requests()
        .blockAction(
            DRAFTER,
            CHANNEL,
            harness.tsOf(question),
            thread,
            "specbot_skip",
            buttonValue(question.jsonParam("blocks")),
            "trig");

    harness.awaitQuestion(thread, 2);
  }

  @Test
  void spec_alone_opens_the_form_and_submitting_it_starts_the_interview() {
    var response = harness.requests().slashCommand("/spec", "", DRAFTER, CHANNEL, "trigger-1");
    assertEquals(200, response.status());
    RecordedCall opened = harness.slack.awaitCall("views.open", call -> true, WAIT);
    assertEquals("trigger-1", opened.params().get("trigger_id"));
    assertTrue(
        opened.params().get("view").contains("Echo tech spec (7 questions)"),
        opened.params().get("view"));

    harness
        .requests()
        .viewSubmission(
            DRAFTER,
            "specbot_start",
            CHANNEL,
            Map.of(
                "template",
                    Map.of(
                        "template",
                        Map.of(
                            "type",
                            "static_select",
                            "selected_option",
                            Map.of("value", "feature-plan"))),
                "title", Map.of("title", Map.of("type", "plain_text_input", "value", "Dark mode")),
                "channel",
                    Map.of(
                        "channel",
                        Map.of(
                            "type", "conversations_select", "selected_conversation", "C0OTHER"))));

    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage", call -> "C0OTHER".equals(call.params().get("channel")), WAIT);
    assertTrue(
        parent.params().get("text").startsWith("Dark mode - Feature plan"),
        parent.params().get("text"));
  }

  @Test
  void spec_help_templates_list_and_unknown_words_answer_privately() {
    assertTrue(
        harness
            .requests()
            .slashCommand("/spec", "help", DRAFTER, CHANNEL, "t")
            .body()
            .contains("/spec TEMPLATE TITLE"));
    assertTrue(
        harness
            .requests()
            .slashCommand("/spec", "templates", DRAFTER, CHANNEL, "t")
            .body()
            .contains("technical-specification"));
    assertTrue(
        harness
            .requests()
            .slashCommand("/spec", "list", DRAFTER, CHANNEL, "t")
            .body()
            .contains("no specs yet"));
    assertTrue(
        harness
            .requests()
            .slashCommand("/spec", "bogus thing", DRAFTER, CHANNEL, "t")
            .body()
            .contains("know `bogus`"));

    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String list = harness.requests().slashCommand("/spec", "list", DRAFTER, CHANNEL, "t").body();
    assertTrue(list.contains("Payment retries") && list.contains("Echo tech spec"), list);
  }

  @Test
  void requests_with_a_bad_signature_or_too_old_are_refused() {
    assertEquals(
        401,
        harness
            .requests()
            .withBadSignature()
            .slashCommand("/spec", "help", DRAFTER, CHANNEL, "t")
            .status());
    assertEquals(
        401,
        harness
            .requests()
            .at(java.time.Instant.now().minusSeconds(6 * 60))
            .slashCommand("/spec", "help", DRAFTER, CHANNEL, "t")
            .status());
    assertTrue(harness.slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void health_answers_ok_once_ready() throws Exception {
    assertEquals(200, harness.healthStatus());
  }

  @Test
  void a_restart_in_the_middle_of_an_interview_goes_on_where_it_was() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "Before the restart.");
    harness.awaitQuestion(thread, 2);

    harness.restart();
    harness.reply(thread, DRAFTER, "After the restart.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");

    harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);
    String document = new String(harness.slack.onlyUploadedFile(), StandardCharsets.UTF_8);
    assertTrue(document.contains("## Context\n\nBefore the restart."), document);
    assertTrue(document.contains("## Overview\n\nAfter the restart."), document);
    long questionTwos =
        harness.slack.calls("chat.postMessage").stream()
            .filter(call -> call.params().getOrDefault("text", "").startsWith("Question 2 of"))
            .count();
    assertEquals(1, questionTwos, "nothing asked twice");
  }

  @Test
  void the_bot_joins_a_public_channel_it_is_not_in() {
    harness.slack.failNext(
        "chat.postMessage", 1, dev.specbot.slack.fake.Failure.slackError("not_in_channel"));

    String thread = harness.start("echo-tech-spec", "Payment retries");

    harness.slack.awaitCall(
        "conversations.join", call -> CHANNEL.equals(call.params().get("channel")), WAIT);
    harness.awaitQuestion(thread, 1);
  }

  @Test
  void two_drafters_interview_at_once_in_one_channel_without_mixing_answers() {
    String alices = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(alices, 1);
    var bobs =
        harness.requests().slashCommand("/spec", "project-spec Dark mode", "U0BOB", CHANNEL, "t2");
    assertEquals(200, bobs.status());
    RecordedCall bobParent =
        harness.slack.awaitCall(
            "chat.postMessage",
            call -> call.params().getOrDefault("text", "").startsWith("Dark mode - "),
            WAIT);
    String bobThread = harness.tsOf(bobParent);
    harness.awaitQuestion(bobThread, 1);

    harness.reply(bobThread, "U0BOB", "Bob's summary.");
    harness.reply(alices, DRAFTER, "Alice's context.");
    harness.awaitQuestion(bobThread, 2);
    harness.awaitQuestion(alices, 2);
    harness.reply(alices, DRAFTER, "finish");

    harness.slack.awaitCall("files.completeUploadExternal", call -> true, WAIT);
    String document = new String(harness.slack.onlyUploadedFile(), StandardCharsets.UTF_8);
    assertTrue(document.contains("## Context\n\nAlice's context."), document);
    assertFalse(document.contains("Bob's summary."), document);
  }

  @Test
  void where_the_bot_cannot_post_the_interview_moves_to_a_dm_with_the_drafter() {
    harness.slack.failNext(
        "chat.postMessage", 1, dev.specbot.slack.fake.Failure.slackError("channel_not_found"));

    var response =
        harness
            .requests()
            .slashCommand("/spec", "echo-tech-spec Secret plan", DRAFTER, "G0PRIVATE", "t");

    assertEquals(200, response.status());
    RecordedCall opened = harness.slack.awaitCall("conversations.open", call -> true, WAIT);
    assertEquals(DRAFTER, opened.params().get("users"));
    RecordedCall explained =
        harness.slack.awaitCall(
            "chat.postMessage",
            call ->
                call.params()
                    .getOrDefault("text", "")
                    .startsWith("I could not start your spec there"),
            WAIT);
    String dm = explained.params().get("channel");
    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage",
            call ->
                dm.equals(call.params().get("channel"))
                    && call.params().getOrDefault("text", "").startsWith("Secret plan - "),
            WAIT);
    RecordedCall question = harness.awaitQuestion(harness.tsOf(parent), 1);
    assertEquals(dm, question.params().get("channel"));
  }

  private static String answerTo(Question question) {
    return switch (question.kind()) {
      case FIELD -> "#" + (100 + question.number());
      case TABLE -> "cell " + question.number() + " | more";
      case TEXT -> "Answer to question " + question.number() + ".";
    };
  }

  private static String buttonValue(String blocks) {
    var matcher = java.util.regex.Pattern.compile("\"value\":\"([0-9a-f-]{36})\"").matcher(blocks);
    assertTrue(matcher.find(), blocks);
    return matcher.group(1);
  }

  @SuppressWarnings("unused")
  private static List<String> texts(List<RecordedCall> calls) {
    return calls.stream().map(call -> call.params().getOrDefault("text", "")).toList();
  }
}
