package dev.specbot.slack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;
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

  private static List<String> types(Message message) {
    List<String> types = new ArrayList<>();
    JsonParser.parseString(message.blocks())
        .getAsJsonArray()
        .forEach(block -> types.add(block.getAsJsonObject().get("type").getAsString()));
    return types;
  }
}
