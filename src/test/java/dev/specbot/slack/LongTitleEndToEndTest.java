package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.storage.Database;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A title longer than the start form allows is refused, with the limit, before anything is created:
 * a 10,000-character title once made a parent message Slack refused, leaving a dead interview and a
 * misleading "I can no longer post" message.
 */
class LongTitleEndToEndTest {
  private static final String LIMIT = "at most 150";

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot(TestInfo test) throws Exception {
    // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/long-title-*.jsonl
    harness.slack.writeJsonl(
        Files.createDirectories(Path.of("target/slack-calls"))
            .resolve("long-title-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
    harness.close();
  }

  @Test
  void
      a_slash_command_with_a_ten_thousand_character_title_is_answered_privately_and_starts_nothing() {
    SlackRequests.Response response =
        harness
            .requests()
            .slashCommand("/spec", "echo-tech-spec " + "x".repeat(10_000), DRAFTER, CHANNEL, "t1");

    assertEquals(200, response.status(), response.body());
    assertTrue(response.body().contains(LIMIT), response.body());
    assertTrue(response.body().contains("10000 characters"), response.body());
    assertTrue(response.body().length() < 500, "the answer does not repeat the title");
    assertNothingStarted();
  }

  @Test
  void a_title_of_151_characters_is_refused_and_one_of_150_starts_the_interview() {
    String refused =
        harness
            .requests()
            .slashCommand("/spec", "echo-tech-spec " + "y".repeat(151), DRAFTER, CHANNEL, "t1")
            .body();
    assertTrue(refused.contains(LIMIT), refused);
    assertNothingStarted();

    // Counted in characters as people count them: an emoji is one, not two UTF-16 units.
    String longest = "🚀".repeat(10) + "z".repeat(140);
    var accepted =
        harness
            .requests()
            .slashCommand("/spec", "echo-tech-spec " + longest, DRAFTER, CHANNEL, "t2");
    assertFalse(accepted.body().contains(LIMIT), accepted.body());
    harness.slack.awaitCall(
        "chat.postMessage", call -> call.param("text").startsWith(longest + " - "), WAIT);
  }

  @Test
  void the_start_form_limits_the_title_to_150_characters() {
    harness.requests().slashCommand("/spec", "", DRAFTER, CHANNEL, "trigger-form");

    RecordedCall opened = harness.slack.awaitCall("views.open", call -> true, WAIT);
    JsonObject view = JsonParser.parseString(opened.jsonParam("view")).getAsJsonObject();
    JsonObject title = null;
    for (JsonElement block : view.getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().get("block_id").getAsString().equals("title")) {
        title = block.getAsJsonObject().getAsJsonObject("element");
      }
    }
    assertTrue(title != null, "the form has a title input: " + view);
    assertEquals(150, title.get("max_length").getAsInt(), title.toString());
  }

  @Test
  void a_submitted_form_with_a_longer_title_gets_an_error_under_the_title_and_starts_nothing() {
    SlackRequests.Response response =
        harness.requests().viewSubmission(DRAFTER, "specbot_start", CHANNEL, form("w".repeat(151)));

    assertEquals(200, response.status(), response.body());
    JsonObject answer = JsonParser.parseString(response.body()).getAsJsonObject();
    assertEquals("errors", answer.get("response_action").getAsString(), response.body());
    String error = answer.getAsJsonObject("errors").get("title").getAsString();
    assertTrue(error.contains("at most 150 characters; this one has 151"), error);
    assertNothingStarted();

    var fits =
        harness.requests().viewSubmission(DRAFTER, "specbot_start", CHANNEL, form("w".repeat(150)));
    assertFalse(fits.body().contains("errors"), fits.body());
    harness.slack.awaitCall(
        "chat.postMessage", call -> call.param("text").startsWith("w".repeat(150) + " - "), WAIT);
  }

  private static Map<String, Map<String, Object>> form(String title) {
    return Map.of(
        "template",
        Map.of(
            "template",
            Map.of("type", "static_select", "selected_option", Map.of("value", "echo-tech-spec"))),
        "title",
        Map.of("title", Map.of("type", "plain_text_input", "value", title)),
        "channel",
        Map.of(
            "channel", Map.of("type", "conversations_select", "selected_conversation", CHANNEL)));
  }

  /**
   * No interview in the database and nothing queued or sent: an interview is stored, and its
   * messages queued, before the command is answered, so this needs no waiting.
   */
  private void assertNothingStarted() {
    try (Database open = Database.open(TestDatabases.urlFor(harness.databaseFile()))) {
      assertEquals(
          List.of(), open.transaction(tx -> tx.interviews().listByDrafter(DRAFTER)), "interviews");
    }
    assertEquals(0, harness.pendingMessages(), "messages queued");
    assertEquals(List.of(), harness.slack.calls("chat.postMessage"), "messages posted");
  }
}
