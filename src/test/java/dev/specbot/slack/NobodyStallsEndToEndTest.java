package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One person's worst answer, previewed again and again, does not slow another person down: the
 * other's {@code /spec list} (which reads the database) is acknowledged about as fast as on an idle
 * bot, measured in the same run.
 */
class NobodyStallsEndToEndTest {
  private static final String OTHER = "U0BOB0001";

  /**
   * The answer that took 15 s to preview under the database lock: a heading followed by spaces up
   * to Slack's 40,000-character limit.
   */
  private static final String WORST_ANSWER = "# a" + " ".repeat(39_995) + "b";

  private static final int SAMPLES = 15;

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
  void previewing_the_worst_answer_does_not_hold_up_another_persons_request() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, WORST_ANSWER);
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "preview"); // Warms up the rendering of that answer.
    harness.awaitInThread(thread, "as it stands");

    var unused = listAcks(); // Warms up the list's path.
    long idle = median(listAcks());

    AtomicBoolean stop = new AtomicBoolean();
    List<Long> previewAcks = Collections.synchronizedList(new ArrayList<>());
    CompletableFuture<Void> attacker =
        CompletableFuture.runAsync(
            () -> {
              while (!stop.get()) {
                previewAcks.add(timed(() -> harness.reply(thread, DRAFTER, "preview")));
              }
            });
    awaitFirstPreviewsUnderWay(previewAcks);
    long busy = median(listAcks());
    stop.set(true);
    attacker.get(30, TimeUnit.SECONDS);

    assertTrue(
        busy <= Math.max(5 * idle, idle + 250),
        "another person's /spec list took a median "
            + busy
            + " ms while the worst answer was previewed, against "
            + idle
            + " ms idle");
    long slowestPreview = Collections.max(previewAcks);
    assertTrue(slowestPreview < 3_000, "a preview was acknowledged in " + slowestPreview + " ms");
  }

  private static void awaitFirstPreviewsUnderWay(List<Long> previewAcks) {
    BotHarness.awaitCondition(() -> previewAcks.size() >= 2, "previews to be under way");
  }

  /** Times {@code SAMPLES} acknowledgements of another person's {@code /spec list}, in ms. */
  private List<Long> listAcks() {
    List<Long> acks = new ArrayList<>();
    for (int i = 0; i < SAMPLES; i++) {
      String trigger = "t" + i;
      acks.add(
          timed(
              () -> {
                var response =
                    harness.requests().slashCommand("/spec", "list", OTHER, CHANNEL, trigger);
                assertEquals(200, response.status(), response.body());
              }));
    }
    return acks;
  }

  private static long timed(Runnable request) {
    long started = System.nanoTime();
    request.run();
    return Duration.ofNanos(System.nanoTime() - started).toMillis();
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
