package dev.specbot.slack.interviews;

import static dev.specbot.slack.HostileText.ESCAPED;
import static dev.specbot.slack.HostileText.HOSTILE;
import static dev.specbot.slack.HostileText.INTERVIEW;
import static dev.specbot.slack.HostileText.NOW;
import static dev.specbot.slack.HostileText.TEMPLATE;
import static dev.specbot.slack.HostileText.assertNoRawText;
import static dev.specbot.slack.HostileText.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Effect;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.template.Question;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the bot says to and about co-authors, with a hostile title and name, is escaped. */
class CoAuthorMessagesEscapingTest {
  private static final Assignee BOB = new Assignee("U0BOB", HOSTILE, NOW);

  @Test
  void the_hand_over_in_the_thread_and_in_private_and_what_follows_are_escaped() {
    Question question = TEMPLATE.questions().get(0);
    List<Delivery> deliveries =
        List.of(
                new Effect.Assigned(List.of(question), BOB),
                new Effect.Unassigned(List.of(question), BOB),
                new Effect.AskCoAuthor(question, TEMPLATE.questions().size(), BOB),
                new Effect.CoAuthorAnswered(question, BOB),
                new Effect.Waiting(List.of(new Effect.Waited(question, BOB))),
                new Effect.Released(true, List.of(new Effect.Waited(question, BOB))))
            .stream()
            .flatMap(
                effect ->
                    CoAuthorMessages.of(effect, INTERVIEW, Optional.of("https://x.slack.com/p1"))
                        .stream())
            .toList();

    assertEquals(
        10,
        deliveries.size(),
        "the hand-over and its taking back are each said in the thread and privately; the"
            + " co-author's home is published again when it is taken back, or when the spec is"
            + " posted without their answer (said privately)");
    Delivery released = deliveries.get(8);
    assertEquals(Delivery.Kind.POST_DM, released.kind());
    assertTrue(released.text().contains(ESCAPED), released.text());
    assertEquals(Delivery.Kind.PUBLISH_HOME, deliveries.get(9).kind());
    assertEquals(Delivery.Kind.PUBLISH_HOME, deliveries.get(4).kind());
    Delivery takenBack = deliveries.get(3);
    assertEquals(Delivery.Kind.POST_DM, takenBack.kind());
    assertTrue(takenBack.text().contains(ESCAPED), takenBack.text());
    for (Delivery delivery : deliveries) {
      if (delivery.kind() == Delivery.Kind.PUBLISH_HOME) {
        continue; // Only whose: the home is built when it is sent.
      }
      assertNoRawText(delivery.kind() + " text", delivery.text());
      assertNoRawText(delivery.kind() + " blocks", plain(delivery.blocks()));
    }
    Delivery direct = deliveries.get(1);
    assertEquals(Delivery.Kind.POST_DM, direct.kind());
    assertTrue(direct.text().contains(ESCAPED), direct.text());
    assertTrue(direct.text().contains("<https://x.slack.com/p1|the spec's thread>"), direct.text());
  }
}
