package dev.specbot.slack.messages;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

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
   * keeps its own block ids, so a button in either still reads its own pickers' state.
   */
  public Message followedBy(Message next) {
    JsonArray joined = JsonParser.parseString(blocks).getAsJsonArray();
    JsonObject divider = new JsonObject();
    divider.addProperty("type", "divider");
    joined.add(divider);
    joined.addAll(JsonParser.parseString(next.blocks()).getAsJsonArray());
    return new Message(cut(text + "\n\n" + next.text(), SECTION_LIMIT), joined.toString());
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
