package dev.specbot.slack.home;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs Slack's own Block Kit schema on a view through {@code slack-check}, where it is installed
 * ({@code SLACK_CHECK}, or the shared reference's copy): the view's limits are asserted by the
 * tests themselves either way.
 */
public final class SlackCheck {
  private static final Path SHARED = Path.of("/work/shared/slack-reference/check/slack-check");

  private SlackCheck() {}

  /** Checks the view in {@code file} as a {@code surface} (home, modal, message). */
  public static void blocks(String surface, Path file) throws IOException, InterruptedException {
    String configured = System.getenv("SLACK_CHECK");
    Path checker = configured == null ? SHARED : Path.of(configured);
    if (!Files.isExecutable(checker)) {
      return;
    }
    Process check =
        new ProcessBuilder(checker.toString(), "blocks", surface, file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!check.waitFor(2, TimeUnit.MINUTES)) {
      check.destroyForcibly();
      throw new IllegalStateException("slack-check did not finish on " + file);
    }
    assertEquals(
        0, check.exitValue(), "slack-check blocks " + surface + " " + file + ":\n" + output);
  }
}
