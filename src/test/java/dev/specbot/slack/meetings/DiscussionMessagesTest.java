package dev.specbot.slack.meetings;

import static dev.specbot.slack.HostileText.ESCAPED;
import static dev.specbot.slack.HostileText.HOSTILE;
import static dev.specbot.slack.HostileText.NOW;
import static dev.specbot.slack.HostileText.TEMPLATE;
import static dev.specbot.slack.HostileText.assertNoRawText;
import static dev.specbot.slack.HostileText.plain;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.specbot.discussion.Agenda;
import dev.specbot.review.Concern;
import dev.specbot.slack.messages.Message;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The discussion's messages with hostile text everywhere a user writes: escaped in their text and
 * blocks, and an agenda at its largest within a message's limits (kept under target/slack-blocks
 * for {@code slack-check blocks message}).
 */
class DiscussionMessagesTest {

  @Test
  void the_largest_agenda_keeps_within_a_messages_blocks_and_escapes_every_users_text()
      throws Exception {
    List<Concern> concerns = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      concerns.add(
          new Concern(i + HOSTILE, "U0CAROL", (HOSTILE + " ").repeat(40), NOW, Optional.empty()));
    }
    String open =
        TEMPLATE.questions().stream()
            .filter(q -> q.title().equals("Open Questions"))
            .findFirst()
            .orElseThrow()
            .id();
    Agenda agenda =
        Agenda.of(
            TEMPLATE,
            Map.of(open, (HOSTILE + "\n").repeat(200)),
            concerns,
            List.of("U0BOB", "U0CAROL"),
            List.of("U0BOB"));

    Message message = DiscussionMessages.agenda(agenda, HOSTILE, Optional.empty());

    JsonArray blocks = JsonParser.parseString(message.blocks()).getAsJsonArray();
    assertTrue(blocks.size() <= 50, "blocks: " + blocks.size());
    for (JsonElement block : blocks) {
      String text = block.getAsJsonObject().getAsJsonObject("text").get("text").getAsString();
      assertTrue(text.length() <= 3000, "a section of " + text.length());
      assertNoRawText("agenda block", text);
    }
    assertNoRawText("agenda text", message.text());
    assertTrue(message.text().contains(ESCAPED), message.text());
    assertTrue(plain(message.blocks()).contains("Shortened: the spec has it whole."));
    assertTrue(plain(message.blocks()).contains("…and 5 more: the spec has them all."));
    Path kept = Files.createDirectories(Path.of("target", "slack-blocks"));
    Files.writeString(kept.resolve("agenda.json"), message.blocks());
  }

  @Test
  void the_question_after_the_meeting_and_the_replies_to_decisions_are_escaped() {
    for (Message message :
        List.of(
            DiscussionMessages.askForDecisions("i1", "U0ALICE", HOSTILE),
            DiscussionMessages.unclear(HOSTILE),
            DiscussionMessages.noted(true, "<@U0BOB>", 1, 1),
            DiscussionMessages.closed(2, 1))) {
      assertNoRawText("text", message.text());
      assertNoRawText("blocks", plain(message.blocks()));
    }
  }
}
