package dev.specbot.slack.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import dev.specbot.slack.blocks.SpecBlocks;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A message: its text (notification and fallback) and its blocks as JSON. Slack renders both as
 * mrkdwn, so the text is built from the same escaped parts as the blocks, never from a raw value: a
 * title in the text alone would ping a channel on every notification.
 */
public record Message(String text, String blocks) {
  /** Slack's limit on a section's text; hints longer than this are cut, answers are never cut. */
  private static final int SECTION_LIMIT = 3000;

  private static final Gson GSON = GsonFactory.createSnakeCase();

  /** Already escaped mrkdwn in one section. */
  public static Message say(String text) {
    return of(text, List.of(sectionOf(text)));
  }

  /** A message: its text in a section, then a row of buttons. */
  public static Message withButtons(String text, ButtonElement... buttons) {
    return of(
        text, List.of(sectionOf(text), actions(a -> a.elements(List.<BlockElement>of(buttons)))));
  }

  public static Message of(String text, List<LayoutBlock> blocks) {
    return new Message(cut(text, 3000), blocksJson(blocks));
  }

  /**
   * This message and {@code next} as one: both texts, and both blocks with a divider between. Each
   * keeps its own block ids, so a button in either still reads its own pickers' state. The blocks
   * are joined as text, not parsed again: a spec's message is thousands of characters.
   */
  public Message followedBy(Message next) {
    String head = inside(blocks);
    String tail = inside(next.blocks());
    StringBuilder joined = new StringBuilder(head.length() + tail.length() + 24).append('[');
    if (!head.isEmpty()) {
      joined.append(head).append(',');
    }
    joined.append("{\"type\":\"divider\"}");
    if (!tail.isEmpty()) {
      joined.append(',').append(tail);
    }
    String text = cut(this.text + "\n\n" + next.text(), SECTION_LIMIT);
    return new Message(text, joined.append(']').toString());
  }

  /** What a JSON array holds, without its brackets. */
  private static String inside(String array) {
    String stripped = array.strip();
    return stripped.substring(1, stripped.length() - 1).strip();
  }

  /**
   * How much of a message's room its blocks take: how many, and the characters of their text.
   *
   * @param blocks how many blocks
   * @param text the characters of every text in them
   */
  public record Size(int blocks, long text) {
    /**
     * Whether a message of this size and one of {@code next}'s fit in one, a divider between:
     * within Slack's 50 blocks, and within the text a spec's message may hold.
     */
    public boolean fitsWith(Size next) {
      return blocks + 1 + next.blocks() <= SpecBlocks.MAX_BLOCKS_PER_MESSAGE
          && text + next.text() <= SpecBlocks.MAX_MESSAGE_TEXT;
    }
  }

  /** How much room this message's blocks take. */
  public Size size() {
    JsonArray array = JsonParser.parseString(blocks).getAsJsonArray();
    return new Size(array.size(), textIn(array));
  }

  /**
   * The characters of every text in {@code blocks} (each {@code "text"} field, at any depth), as
   * Slack counts them towards a message's limit. A walk with a stack of its own, not recursion:
   * linear in the blocks, however deep they nest.
   */
  private static long textIn(JsonArray blocks) {
    long characters = 0;
    Deque<JsonElement> left = new ArrayDeque<>(List.of(blocks));
    while (!left.isEmpty()) {
      JsonElement element = left.pop();
      if (element.isJsonArray()) {
        element.getAsJsonArray().forEach(left::push);
      } else if (element.isJsonObject()) {
        for (Map.Entry<String, JsonElement> field : element.getAsJsonObject().entrySet()) {
          JsonElement value = field.getValue();
          boolean text = field.getKey().equals("text") && value.isJsonPrimitive();
          if (text) {
            characters += value.getAsString().length();
          } else {
            left.push(value);
          }
        }
      }
    }
    return characters;
  }

  /** A button; {@code style} is "primary", "danger" or null for a plain one. */
  public static ButtonElement buttonOf(String actionId, String label, String value, String style) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(plainText(label))
        .value(value)
        .style(style)
        .build();
  }

  public static LayoutBlock sectionOf(String mrkdwn) {
    return section(s -> s.text(markdownText(cut(mrkdwn, SECTION_LIMIT))));
  }

  public static String blocksJson(List<LayoutBlock> blocks) {
    return GSON.toJson(blocks);
  }

  /** Cuts guidance to a limit, marking the cut; never used on answers. */
  public static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
  }
}
