package dev.specbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void template_commands_reach_the_template_front_end() {
    int exit = run("template", "show", "feature-plan");

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("Feature plan (feature-plan)\n"), out.toString());
  }

  @Test
  void an_unknown_command_prints_usage_and_exits_2() {
    assertEquals(2, run("serve-everything"));
    assertTrue(err.toString().startsWith("usage: java -jar specbot.jar"), err.toString());
  }

  @Test
  void running_the_bot_without_its_slack_token_stops_with_a_message_naming_it() {
    assertEquals(2, run());
    assertEquals(
        "specbot: SLACK_BOT_TOKEN is not set: specbot needs it to talk to Slack\n", err.toString());
  }

  @Test
  void running_the_bot_without_the_signing_secret_names_it_and_never_shows_the_token() {
    int exit =
        Main.run(
            new String[0],
            Map.of("SLACK_BOT_TOKEN", "xoxb-secret-token"),
            new PrintWriter(out, true),
            new PrintWriter(err, true));

    assertEquals(2, exit);
    assertTrue(err.toString().contains("SLACK_SIGNING_SECRET is not set"), err.toString());
    assertTrue(!err.toString().contains("xoxb-secret-token"), err.toString());
  }

  private int run(String... args) {
    return Main.run(args, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
  }
}
