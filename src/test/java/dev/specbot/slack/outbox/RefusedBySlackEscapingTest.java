package dev.specbot.slack.outbox;

import static dev.specbot.slack.HostileText.ESCAPED;
import static dev.specbot.slack.HostileText.INTERVIEW;
import static dev.specbot.slack.HostileText.assertNoRawText;
import static dev.specbot.slack.HostileText.plain;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.storage.SlackPlace;
import dev.specbot.storage.StoredInterview;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The note sent when Slack refuses a message names the spec by its escaped title. */
class RefusedBySlackEscapingTest {
  @Test
  void the_private_note_about_a_channel_the_bot_lost_escapes_the_title() {
    StoredInterview stored =
        new StoredInterview(
            INTERVIEW, new SlackPlace("T1", "C0GONE", Optional.of("1.2"), Optional.empty()));
    Delivery refused =
        Delivery.forInterview(Delivery.Kind.POST_IN_THREAD, "i-1", "A message", null);

    Delivery note = RefusedBySlack.notice(refused, stored, "channel_not_found");

    assertTrue(note.text().contains("*" + ESCAPED + "*"), note.text());
    assertNoRawText("refusal text", note.text());
    assertNoRawText("refusal blocks", plain(note.blocks()));
  }
}
