package dev.specbot.slack.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.Collections;
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

  @Test
  void two_messages_fit_in_one_only_within_fifty_blocks_the_divider_counted() {
    Message offers =
        Message.of("Next", List.of(Message.sectionOf("Next"), Message.sectionOf("Pick")));

    assertTrue(sections(47, "a").size().fitsWith(offers.size()));
    assertFalse(sections(48, "a").size().fitsWith(offers.size()));
    assertEquals(50, types(sections(47, "a").followedBy(offers)).size());
  }

  @Test
  void two_messages_fit_in_one_only_within_the_text_a_specs_message_may_hold() {
    Message.Size nineThousand = sections(9, "x".repeat(1_000)).size();

    assertEquals(new Message.Size(9, 9_000), nineThousand);
    assertTrue(nineThousand.fitsWith(Message.say("n".repeat(1_000)).size()), "10,000 in all");
    assertFalse(nineThousand.fitsWith(Message.say("n".repeat(1_001)).size()));
  }

  @Test
  void every_text_counts_however_deep_and_nothing_else_does() {
    Message buttons =
        Message.withButtons("*Title*", Message.buttonOf("an_action", "Go", "a value", null));

    // The section's "*Title*" and the button's label "Go"; not its action id, value or types.
    assertEquals(new Message.Size(2, 9), buttons.size());
  }

  @Test
  void joined_as_text_the_blocks_are_the_same_as_joined_as_json() {
    Message first = Message.withButtons("*First*", Message.buttonOf("one", "One", "v", null));
    Message second = Message.say("Second \"quoted\" [bracketed]");

    JsonArray joined = JsonParser.parseString(first.followedBy(second).blocks()).getAsJsonArray();

    JsonArray expected = JsonParser.parseString(first.blocks()).getAsJsonArray();
    expected.add(JsonParser.parseString("{\"type\":\"divider\"}"));
    expected.addAll(JsonParser.parseString(second.blocks()).getAsJsonArray());
    assertEquals(expected, joined);
    assertEquals(
        List.of("divider"), types(new Message("", "[]").followedBy(new Message("", " [ ] "))));
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
