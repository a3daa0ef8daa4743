package dev.specbot.slack.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** How a Web API call is named and its outcome read, with the number of names bounded. */
class SlackCallsTest {
  private final SlackCalls calls =
      new SlackCalls(new SimpleMeterRegistry(), "https://slack.com/api/");

  @Test
  void the_method_is_the_path_after_the_api_prefix_and_any_other_url_is_an_upload() {
    assertEquals("chat.postMessage", calls.method("https://slack.com/api/chat.postMessage"));
    assertEquals("users.info", calls.method("https://slack.com/api/users.info?user=U1"));
    assertEquals("upload", calls.method("https://files.slack.com/upload/v1/ABC123"));
    assertEquals("other", calls.method("https://slack.com/api/<script>"));
  }

  @Test
  void an_answer_is_ok_or_slacks_error_code_and_ratelimited_is_rate_limited() {
    assertEquals("ok", calls.answer("{\"ok\":true,\"channel\":\"C1\"}"));
    assertEquals(
        "channel_not_found", calls.answer("{\"ok\":false,\"error\":\"channel_not_found\"}"));
    assertEquals(
        "channel_not_found", calls.answer("{\"error\":\"channel_not_found\",\"ok\":false}"));
    assertEquals("rate_limited", calls.answer("{\"ok\":false,\"error\":\"ratelimited\"}"));
    assertEquals("other", calls.answer("{\"ok\":false}"));
    assertEquals("other", calls.answer("{\"ok\":false,\"error\":\"Free text, with spaces\"}"));
    assertEquals("unreadable", calls.answer("<html>Bad gateway</html>"));
    assertEquals("unreadable", calls.answer("{\"ok\":false,\"warning\":\"cut off here"));
  }

  @Test
  void error_codes_beyond_fifty_distinct_ones_are_other() {
    for (int i = 0; i < 50; i++) {
      assertEquals("error_" + i, calls.answer("{\"ok\":false,\"error\":\"error_" + i + "\"}"));
    }

    assertEquals("other", calls.answer("{\"ok\":false,\"error\":\"error_50\"}"));
    assertEquals("error_7", calls.answer("{\"ok\":false,\"error\":\"error_7\"}"));
  }
}
