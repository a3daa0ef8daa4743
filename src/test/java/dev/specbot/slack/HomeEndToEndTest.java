package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.home.SlackCheck;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Home tab through the real bot and a fake Slack: opening it publishes the person's home, a
 * drafter's, a reviewer's and a co-author's; a change publishes it again, a burst of changes once;
 * and its New spec button opens the /spec form, whose submission starts a spec where it says.
 */
class HomeEndToEndTest {
  private static final String BOB = "U0BOB";
  private static final String CAROL = "U0CAROL";
  private static final String TITLE = "Payment retries";
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("technical-specification").orElseThrow();
  private static final int QUESTIONS = TEMPLATE.questions().size();

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot(TestInfo test) throws IOException {
    // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/home-*.jsonl
    harness.slack.writeJsonl(
        Files.createDirectories(Path.of("target/slack-calls"))
            .resolve("home-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
    harness.close();
  }

  @Test
  void opening_the_home_tab_shows_the_drafters_spec_and_an_answer_publishes_it_again()
      throws Exception {
    String thread = harness.start("technical-specification", TITLE);
    harness.awaitQuestion(thread, 1);

    open(DRAFTER, "messages");
    open(DRAFTER, "home");

    String home = awaitHome(DRAFTER, "0 of " + QUESTIONS + " answered");
    assertTrue(home.contains("/p" + thread.replace(".", "") + "|" + TITLE + ">"), home);
    Path published =
        Files.createDirectories(Path.of("target", "slack-views")).resolve("home-e2e-drafter.json");
    Files.writeString(published, home);
    SlackCheck.blocks("home", published);
    assertEquals(1, homesOf(DRAFTER).size(), "the Messages tab publishes nothing");

    harness.reply(thread, DRAFTER, "Card payments that fail are retried.");
    harness.awaitQuestion(thread, 2);
    awaitHome(DRAFTER, "1 of " + QUESTIONS + " answered");
  }

  @Test
  void a_reviewer_sees_the_review_asked_of_them_until_they_give_their_verdict() {
    String thread = postedSpec();
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitDirect(BOB, "asks you to review");

    open(BOB, "home");
    awaitHome(BOB, TITLE + ">: your review is requested");

    harness.reply(thread, BOB, "approve");
    harness.awaitInThread(thread, "<@U0BOB> approved the spec.");
    String after = awaitHome(BOB, "Recently approved in your channels");
    assertFalse(after.contains("your review is requested"), after);
  }

  @Test
  void a_co_author_who_opened_the_tab_sees_a_section_when_it_is_handed_to_them_and_not_after() {
    String thread = harness.start("technical-specification", TITLE);
    harness.awaitQuestion(thread, 1);
    Question handed = TEMPLATE.questions().get(1);
    open(CAROL, "home");
    awaitHome(CAROL, "Nothing here yet");

    harness.reply(thread, DRAFTER, "assign 2 <@" + CAROL + ">");
    harness.awaitDirect(CAROL, "handed you 2");

    String home = awaitHome(CAROL, "Section *" + handed.title() + "* of <");
    assertTrue(home.contains("|" + TITLE + ">: handed to you"), home);
    assertFalse(home.contains("Drafting"), home);

    String carolsTs = harness.slack.addUserMessage(CHANNEL, thread, CAROL, "It replaces v1.");
    harness.requests().threadReply("EvCarol", CHANNEL, thread, CAROL, "It replaces v1.", carolsTs);
    harness.awaitInThread(thread, "Thanks <@" + CAROL + ">");
    BotHarness.awaitCondition(
        () -> !view(homesOf(CAROL).get(homesOf(CAROL).size() - 1)).contains("handed to you"),
        "Carol's home without the section once she answered it");
  }

  @Test
  void a_section_taken_back_leaves_the_co_authors_home_and_they_are_told_privately() {
    String thread = harness.start("technical-specification", TITLE);
    harness.awaitQuestion(thread, 1);
    open(CAROL, "home");
    harness.reply(thread, DRAFTER, "assign 2 <@" + CAROL + ">");
    awaitHome(CAROL, "handed to you");

    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "her home published");
    int before = homesOf(CAROL).size();

    harness.reply(thread, DRAFTER, "unassign 2");

    harness.awaitDirect(CAROL, "back: nothing there waits on you now");
    BotHarness.awaitCondition(
        () ->
            homesOf(CAROL).size() > before
                && view(homesOf(CAROL).get(homesOf(CAROL).size() - 1)).contains("Nothing here yet"),
        "Carol's home published again, without the section");
  }

  @Test
  void a_burst_of_changes_publishes_the_home_once_more() {
    String thread = harness.start("technical-specification", TITLE);
    harness.awaitQuestion(thread, 1);
    // The first home is held in flight while the answers come: each answer's refresh replaces
    // the one waiting behind it.
    harness.slack.failNext("views.publish", 1, Failure.delayed(Duration.ofSeconds(30)));
    open(DRAFTER, "home");
    harness.slack.awaitCall("views.publish", call -> DRAFTER.equals(call.param("user_id")), WAIT);

    for (int question = 1; question <= 3; question++) {
      harness.reply(thread, DRAFTER, "Answer " + question);
      harness.awaitQuestion(thread, question + 1);
    }
    harness.slack.releaseDelayed();

    awaitHome(DRAFTER, "3 of " + QUESTIONS + " answered");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything to be sent");
    assertEquals(2, homesOf(DRAFTER).size(), homesOf(DRAFTER).toString());
  }

  @Test
  void the_new_spec_button_opens_the_spec_form_and_its_submission_starts_the_spec_there() {
    var pressed = harness.requests().homeButton(BOB, ActionIds.HOME_NEW_SPEC, "new", "trig-home");
    assertEquals(200, pressed.status(), pressed.body());

    RecordedCall opened =
        harness.slack.awaitCall(
            "views.open", call -> "trig-home".equals(call.param("trigger_id")), WAIT);
    JsonObject form = JsonParser.parseString(opened.param("view")).getAsJsonObject();
    assertEquals(ActionIds.START_VIEW, form.get("callback_id").getAsString());
    assertEquals("", form.get("private_metadata").getAsString());

    var noChannel = submit(Map.of());
    assertTrue(noChannel.body().contains("Pick a channel"), noChannel.body());

    var started =
        submit(
            Map.of(
                "channel",
                Map.of(
                    "channel",
                    Map.of("type", "conversations_select", "selected_conversation", "C0OTHER"))));
    assertEquals(200, started.status(), started.body());
    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage", call -> "C0OTHER".equals(call.params().get("channel")), WAIT);
    assertTrue(parent.param("text").startsWith("Dark mode - "), parent.param("text"));
  }

  @Test
  void a_form_slack_would_not_open_is_told_to_the_person_privately() {
    harness.slack.failNext("views.open", 1, Failure.slackError("expired_trigger_id"));

    harness.requests().homeButton(BOB, ActionIds.HOME_NEW_SPEC, "new", "trig-old");

    harness.awaitDirect(BOB, "could not open the New spec form");
  }

  private void open(String user, String tab) {
    var response = harness.requests().appHomeOpened("EvHome" + user + tab, user, tab);
    assertEquals(200, response.status(), response.body());
  }

  /**
   * Waits for a home published to {@code user} holding {@code fragment}; returns its view, as JSON
   * without Gson's escapes of {@code <} and {@code >}.
   */
  private String awaitHome(String user, String fragment) {
    return view(
        harness.slack.awaitCall(
            "views.publish",
            call -> user.equals(call.param("user_id")) && view(call).contains(fragment),
            WAIT));
  }

  private static String view(RecordedCall publish) {
    return JsonParser.parseString(publish.param("view")).toString();
  }

  private List<RecordedCall> homesOf(String user) {
    return harness.slack.calls("views.publish").stream()
        .filter(call -> user.equals(call.param("user_id")))
        .toList();
  }

  private String postedSpec() {
    String thread = harness.start("technical-specification", TITLE);
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "Card payments that fail are retried.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, "Next, the spec's discussion meeting");
    return thread;
  }

  private dev.specbot.slack.fake.SlackRequests.Response submit(
      Map<String, Map<String, Object>> channel) {
    Map<String, Map<String, Object>> values = new java.util.HashMap<>(channel);
    values.put(
        "template",
        Map.of(
            "template",
            Map.of("type", "static_select", "selected_option", Map.of("value", "feature-plan"))));
    values.put("title", Map.of("title", Map.of("type", "plain_text_input", "value", "Dark mode")));
    return harness.requests().viewSubmission(BOB, ActionIds.START_VIEW, "", values);
  }
}
