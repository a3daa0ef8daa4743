package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Odd and hostile input through the real bot: each gets sensible handling, and nothing breaks. */
class HostileInputEndToEndTest {
  private static final String FILE = "payment-retries.md";

  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void startBot() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stopBot() {
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t \n", "\u200b\u200b"})
  void an_empty_or_blank_reply_is_not_an_answer_and_the_question_stays(String blank) {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, DRAFTER, blank);
    harness.awaitInThread(thread, "That reply was empty");
    harness.reply(thread, DRAFTER, "A real answer.");
    harness.awaitQuestion(thread, 2);
  }

  @Test
  void a_file_with_no_text_is_kept_as_a_link_in_the_answer() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    JsonObject file = new JsonObject();
    file.addProperty("id", "F0DIAGRAM");
    file.addProperty("name", "architecture.png");
    file.addProperty(
        "permalink", "https://example.slack.com/files/U0ALICE/F0DIAGRAM/architecture.png");
    JsonArray files = new JsonArray();
    files.add(file);
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("subtype", "file_share");
    event.addProperty("text", "");
    event.addProperty("user", DRAFTER);
    event.addProperty("ts", "1790000001.000100");
    event.addProperty("thread_ts", thread);
    event.addProperty("channel", CHANNEL);
    event.addProperty("event_ts", "1790000001.000100");
    event.addProperty("channel_type", "channel");
    event.add("files", files);
    assertEquals(200, harness.requests().event("EvFile", event).status());

    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    String spec = awaitSpec("architecture.png");
    assertTrue(
        spec.contains(
            "[architecture.png](https://example.slack.com/files/U0ALICE/F0DIAGRAM/architecture.png)"),
        spec);
  }

  @Test
  void the_longest_message_slack_allows_is_kept_whole() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String longest = "Forty thousand characters of context. ".repeat(1053).substring(0, 40_000);

    harness.reply(thread, DRAFTER, longest);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");

    String spec = awaitSpec("Forty thousand");
    assertTrue(spec.contains(longest.strip()), "the whole answer is in the document");
    harness.awaitInThread(thread, "The finished spec: (part");
    for (RecordedCall part : harness.postedInThread(thread, "The finished spec")) {
      assertTrue(part.param("blocks").length() < 60_000, "each message within Slack's limits");
    }
  }

  @Test
  void a_multi_megabyte_request_is_refused_with_413_before_parsing_and_the_bot_goes_on() {
    String huge = "x".repeat(3 * 1024 * 1024);
    SlackRequests.Response response =
        harness
            .requests()
            .raw(
                "application/json",
                "{\"type\":\"event_callback\",\"x\":\"" + huge + "\"}",
                Map.of());

    assertEquals(413, response.status());
    assertFalse(response.body().contains("Exception"), response.body());
    String thread = harness.start("echo-tech-spec", "Still works");
    harness.awaitQuestion(thread, 1);
  }

  @Test
  void emoji_right_to_left_and_zero_width_text_survive_into_the_document() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String odd = "Ship it 🚀👩🏽‍💻 — שלום עולם — مرحبا — zero\u200bwidth\u200djoin — e\u0301";

    harness.reply(thread, DRAFTER, odd);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");

    assertTrue(awaitSpec("Ship it").contains(odd));
  }

  @Test
  void mentions_and_broadcasts_in_answers_never_ping_anyone_when_the_spec_is_posted() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String loud =
        "Tell <!channel> and <!here> and <!everyone>, @channel @here @everyone, <@U0BOB>,"
            + " <#C0GENERAL>, <!subteam^S0TEAM> and <https://evil.example|a link>.";

    harness.reply(thread, DRAFTER, loud);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    awaitSpec("Tell");
    harness.awaitInThread(thread, "The finished spec: (part");

    for (RecordedCall posted : harness.slack.calls("chat.postMessage")) {
      String sent = posted.jsonParam("blocks") + posted.param("text");
      for (String ping : List.of("<!channel>", "<!here>", "<!everyone>", "<@U0BOB>", "<!subteam")) {
        assertFalse(sent.contains(ping), ping + " reached Slack unescaped: " + sent);
      }
      assertFalse(sent.contains(" @channel "), "a bare @channel is broken up: " + sent);
    }
  }

  @Test
  void markdown_that_could_break_the_document_stays_inside_its_answer() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    harness.reply(thread, DRAFTER, "# Not a section\n<div>\n```java\nunclosed(");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "The overview.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "finish");

    String spec = awaitSpec("The overview.");
    List<String> headings = new java.util.ArrayList<>();
    org.commonmark.parser.Parser.builder()
        .build()
        .parse(spec)
        .accept(
            new org.commonmark.node.AbstractVisitor() {
              @Override
              public void visit(org.commonmark.node.Heading heading) {
                if (heading.getFirstChild() instanceof org.commonmark.node.Text text) {
                  headings.add(heading.getLevel() + " " + text.getLiteral());
                }
              }
            });
    assertTrue(headings.contains("2 Overview"), "the next section is still a section: " + headings);
    assertFalse(
        headings.contains("1 Not a section"), "the answer's heading is demoted: " + headings);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{not json",
        "{\"type\":\"event_callback\"}",
        "{\"type\":\"no_such_type\",\"event\":{}}",
        "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}",
        "[]"
      })
  void malformed_or_unknown_json_gets_a_clean_answer_never_a_500(String body) {
    SlackRequests.Response response = harness.requests().raw("application/json", body, Map.of());

    assertNotEquals(500, response.status(), response.body());
    assertTrue(response.status() < 500, response.status() + " " + response.body());
    assertFalse(response.body().contains("Exception"), response.body());
    assertFalse(response.body().contains("\tat "), response.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "payload=%7Bnot+json",
        "payload=%7B%22type%22%3A%22no_such_type%22%7D",
        "command=%2Fspec",
        "nothing=here"
      })
  void malformed_or_unknown_form_payloads_get_a_clean_answer_never_a_500(String body) {
    SlackRequests.Response response =
        harness.requests().raw("application/x-www-form-urlencoded", body, Map.of());

    assertTrue(response.status() < 500, response.status() + " " + response.body());
    assertFalse(response.body().contains("Exception"), response.body());
  }

  @Test
  void a_button_on_a_cancelled_interview_gets_a_polite_private_note() {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall question = harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "cancel");
    harness.awaitInThread(thread, "Cancel this interview?");
    harness.reply(thread, DRAFTER, "yes");
    harness.awaitInThread(thread, "Cancelled.");

    String interviewId = BotHarness.actionValue(question, "specbot_skip");
    harness
        .requests()
        .blockAction(
            DRAFTER, CHANNEL, harness.tsOf(question), thread, "specbot_skip", interviewId, "t1");

    RecordedCall note =
        harness.slack.awaitCall(
            "chat.postEphemeral", call -> DRAFTER.equals(call.param("user")), WAIT);
    assertTrue(note.param("text").contains("cancelled"), note.param("text"));
  }

  @Test
  void a_locked_database_fails_the_request_cleanly_and_slacks_retry_is_taken_in() throws Exception {
    // SQLite gives up on a lock after its busy timeout; PostgreSQL waits for the row instead.
    assumeFalse(TestDatabases.postgres(), "about SQLite's file lock");
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    String ts = harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, "Kept despite the lock.");

    SlackRequests.Response failed;
    try (var lock = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var statement = lock.createStatement()) {
      statement.execute("BEGIN EXCLUSIVE");
      failed =
          harness
              .requests()
              .threadReply("EvLocked", CHANNEL, thread, DRAFTER, "Kept despite the lock.", ts);
      statement.execute("ROLLBACK");
    }
    assertTrue(failed.status() >= 500, "Slack retries a failed event: " + failed.status());
    assertFalse(failed.body().contains("Exception"), failed.body());
    assertFalse(failed.body().contains("SQLITE"), failed.body());

    var retried =
        harness
            .requests()
            .asRetry(1)
            .threadReply("EvLocked", CHANNEL, thread, DRAFTER, "Kept despite the lock.", ts);
    assertEquals(200, retried.status());
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    awaitSpec("Kept despite the lock.");
  }

  private String awaitSpec(String fragment) {
    return harness.awaitFile(FILE, fragment);
  }
}
