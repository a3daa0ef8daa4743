package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the bot does while it starts so that Slack's first request does not wait for it: Bolt's own
 * start, whose {@code auth.test} is done beside the bot's check of the token, and whose answer Bolt
 * keeps instead of asking again on the first request.
 */
class StartUpEndToEndTest {
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

  @Test
  void bolt_starts_with_the_bot_so_the_first_request_waits_for_no_auth_test() {
    // The bot's own check of the token, and Bolt's, before any request.
    harness.slack.awaitCalls("auth.test", 2, BotHarness.WAIT);

    harness.start("echo-tech-spec", "First request");

    // Bolt starting on this request, or asking again for it, would have done so before the ack.
    assertEquals(2, harness.slack.calls("auth.test").size());
  }
}
