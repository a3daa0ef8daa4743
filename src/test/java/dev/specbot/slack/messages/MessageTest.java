package dev.specbot.slack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageTest {
  @Test
  void a_message_followed_by_another_holds_both_texts_and_both_blocks_with_a_divider_between() {
    Message first = Message.withButtons("*First*", Message.buttonOf("one", "One", "v", null));
    Message second = Message.say("Second");

    Message both = first.followedBy(second);

    assertEquals("*First*\n\nSecond", both.text());
    assertEquals(List.of("section", "actions", "divider", "section"), types(both));
    JsonArray blocks = JsonParser.parseString(both.blocks()).getAsJsonArray();
    assertEquals(
        JsonParser.parseString(first.blocks()).getAsJsonArray().get(1),
        blocks.get(1),
        "the first message's button, as it was");
  }

  @Test
  void the_joined_text_keeps_within_a_sections_limit() {
    Message both = Message.say("a".repeat(2_000)).followedBy(Message.say("b".repeat(2_000)));

    assertEquals(3_000, both.text().length());
  }

  @Test
  void two_messages_join_only_within_fifty_blocks_the_divider_counted() {
    Message offers =
        Message.of("Next", List.of(Message.sectionOf("Next"), Message.sectionOf("Pick")));

    Optional<Message> fifty = sections(47, "a").followedByIfRoom(offers);
    Optional<Message> fiftyOne = sections(48, "a").followedByIfRoom(offers);

    assertEquals(50, fifty.map(MessageTest::types).orElseThrow().size());
    assertEquals(Optional.empty(), fiftyOne);
  }

  @Test
  void two_messages_join_only_within_the_text_a_specs_message_may_hold() {
    Message nineThousand = sections(9, "x".repeat(1_000));

    assertTrue(
        nineThousand.followedByIfRoom(Message.say("n".repeat(1_000))).isPresent(),
        "10,000 characters in all");
    assertEquals(Optional.empty(), nineThousand.followedByIfRoom(Message.say("n".repeat(1_001))));
  }

  /** A message of {@code count} sections, each of {@code text}. */
  private static Message sections(int count, String text) {
    List<LayoutBlock> blocks = Collections.nCopies(count, Message.sectionOf(text));
    return Message.of("x", blocks);
  }

  private static List<String> types(Message message) {
    List<String> types = new ArrayList<>();
    JsonParser.parseString(message.blocks())
        .getAsJsonArray()
        .forEach(block -> types.add(block.getAsJsonObject().get("type").getAsString()));
    return types;
  }
}
