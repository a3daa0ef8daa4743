package dev.specbot.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionRepliesTest {

  @Test
  void a_plain_reply_is_a_decision_as_written() {
    assertEquals(
        new DecisionReply.Decision("Use <https://x.example|the queue> &amp; retry"),
        DecisionReplies.read("  Use <https://x.example|the queue> &amp; retry \n"));
  }

  @Test
  void a_mention_then_a_task_is_an_owned_follow_up() {
    assertEquals(
        new DecisionReply.FollowUp(Optional.of("U0BOB0002"), "", "write the migration"),
        DecisionReplies.read("<@U0BOB0002>: write the migration"));
    assertEquals(
        new DecisionReply.FollowUp(Optional.of("U0BOB0002"), "bob", "ask finance"),
        DecisionReplies.read("<@U0BOB0002|bob> ask finance"));
    assertEquals(
        new DecisionReply.FollowUp(Optional.empty(), "carol.d", "load test"),
        DecisionReplies.read("@carol.d: load test"));
  }

  @Test
  void done_and_no_decisions_are_read_in_their_usual_wordings() {
    for (String done : new String[] {"done", "Done.", "That’s all!", "that's all", "all done"}) {
      assertInstanceOf(DecisionReply.Done.class, DecisionReplies.read(done), done);
    }
    for (String none : new String[] {"no decisions", "No decision.", "nothing decided"}) {
      assertInstanceOf(DecisionReply.NoDecisions.class, DecisionReplies.read(none), none);
    }
  }

  @Test
  void a_mention_without_a_task_or_an_overlong_decision_is_unclear() {
    assertInstanceOf(DecisionReply.Unclear.class, DecisionReplies.read("<@U0BOB0002>:"));
    assertInstanceOf(DecisionReply.Unclear.class, DecisionReplies.read("x".repeat(2001)));
  }

  @Test
  void channel_mentions_and_half_mentions_are_decisions_not_follow_ups() {
    assertInstanceOf(DecisionReply.Decision.class, DecisionReplies.read("<!channel> we ship"));
    assertInstanceOf(DecisionReply.Decision.class, DecisionReplies.read("<@U0BOB0002 no close"));
    assertInstanceOf(DecisionReply.Decision.class, DecisionReplies.read("@bob we ship"));
  }

  @Test
  void hostile_replies_are_read_in_linear_time() {
    String[] hostile = {
      "<@" + "U".repeat(500_000),
      "@" + "a".repeat(500_000),
      " ".repeat(500_000) + "done",
      "<@U1|" + "|".repeat(500_000) + ">"
    };
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (String text : hostile) {
            DecisionReplies.read(text);
          }
        });
  }
}
