package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one database read an open thread to catch up once between them: not at all when
 * one starts beside another that has been up all along, and once after both were down.
 */
class CatchUpOnceEndToEndTest {
  @TempDir Path folder;
  private BotHarness harness;

  @BeforeEach
  void start() throws Exception {
    harness = new BotHarness(folder);
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void an_instance_started_beside_a_live_one_reads_no_thread() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    int readsBefore = reads(thread);

    harness.startTwin();
    // The twin's requests: its reply waits for its catch-up decision, then is taken.
    harness.replyTo(harness.twinRequests(0), thread, DRAFTER, "Answered through the second bot.");
    harness.awaitQuestion(thread, 2);

    assertEquals(readsBefore, reads(thread), "the thread was not read again");
  }

  @Test
  void after_the_whole_fleet_was_down_each_thread_is_read_once() throws Exception {
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.stop();
    // Written while no instance was up: only a catch-up can find it.
    harness.slack.addUserMessage(
        BotHarness.CHANNEL, thread, DRAFTER, "Written while all were down.");
    int readsBefore = reads(thread);

    harness.startBot();
    harness.startTwin();
    harness.awaitQuestion(thread, 2);
    // The second bot decides within a few heartbeats: wait for its answer to a reply of its own.
    harness.replyTo(harness.twinRequests(0), thread, DRAFTER, "Taken by the second bot.");
    harness.awaitQuestion(thread, 3);

    assertEquals(readsBefore + 1, reads(thread), "read by one instance, once");
  }

  private int reads(String thread) {
    return (int)
        harness.slack.calls("conversations.replies").stream()
            .filter(call -> thread.equals(call.param("ts")))
            .count();
  }
}
