package dev.specbot.slack.interviews;

import static dev.specbot.slack.HostileText.ESCAPED;
import static dev.specbot.slack.HostileText.HOSTILE;
import static dev.specbot.slack.HostileText.INTERVIEW;
import static dev.specbot.slack.HostileText.TEMPLATE;
import static dev.specbot.slack.HostileText.assertNoRawText;
import static dev.specbot.slack.HostileText.plain;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.interview.Effect;
import dev.specbot.interview.Progress;
import dev.specbot.slack.outbox.Delivery;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the interview says, built from a hostile title and answers, is escaped in text and blocks.
 */
class EffectDeliveriesEscapingTest {
  @Test
  void what_the_interview_says_and_the_documents_introductions_are_escaped() {
    List<Delivery> deliveries =
        List.of(
                new Effect.Say(HOSTILE),
                new Effect.ShowPreview("# Spec"),
                new Effect.Publish("# Spec", new Progress(7, 0, 7)),
                new Effect.Republish("# Spec", HOSTILE))
            .stream()
            .flatMap(effect -> EffectDeliveries.of(effect, INTERVIEW, TEMPLATE).stream())
            .toList();

    for (Delivery delivery : deliveries) {
      if (delivery.kind() == Delivery.Kind.SYNC_CANVAS) {
        // The canvas's title, as typed: its sender makes it safe for a plain field (CanvasText;
        // EscapingEndToEndTest checks the canvases.create Slack receives), and its document is
        // converted as a whole (CanvasMarkdown).
        continue;
      }
      assertNoRawText(delivery.kind() + " text", delivery.text());
      if (delivery.blocks() != null) {
        assertNoRawText(delivery.kind() + " blocks", plain(delivery.blocks()));
      }
    }
    assertTrue(deliveries.get(0).text().contains(ESCAPED), deliveries.get(0).text());
  }
}
