package dev.specbot.slack.outbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.slack.messages.Message;
import java.util.Optional;

/** Where a spec's canvas is linked: a message in the thread, and a line on the parent message. */
final class CanvasLink {
  /** Slack allows 50 blocks in a message: a parent that has them all is left as it is. */
  private static final int MOST_BLOCKS = 50;

  private CanvasLink() {}

  /**
   * The canvas's address, as Slack shows canvases ({@code https://team.slack.com/docs/T123/F123}),
   * once the workspace's address is known.
   */
  static Optional<String> url(Optional<String> workspaceUrl, String teamId, String canvasId) {
    return workspaceUrl.map(
        root -> (root.endsWith("/") ? root : root + "/") + "docs/" + teamId + "/" + canvasId);
  }

  /** The message in the thread that says the spec is a canvas now. */
  static Delivery inThread(String interviewId, String title, Optional<String> url) {
    String name = "*" + SlackText.escape(Message.cut(title, 200)) + "*";
    String text =
        "The spec is also a canvas, shared with the channel: "
            + url.map(link -> "<" + link + "|" + SlackText.escape(Message.cut(title, 200)) + ">")
                .orElse(name + " (in the channel's tabs)")
            + ". I keep it up to date with every change; the file stays as a download.";
    Message message = Message.say(text);
    return Delivery.inThread(interviewId, message);
  }

  /** The parent message with a line linking the canvas at {@code url} added. */
  static Message onParent(String text, String blocks, String url) {
    String line = "<" + url + "|Open the spec as a canvas>";
    if (blocks == null) {
      return new Message(text + " · " + line, null);
    }
    JsonArray parsed = JsonParser.parseString(blocks).getAsJsonArray();
    if (parsed.size() >= MOST_BLOCKS) {
      return new Message(text, blocks);
    }
    JsonObject element = new JsonObject();
    element.addProperty("type", "mrkdwn");
    element.addProperty("text", line);
    JsonArray elements = new JsonArray();
    elements.add(element);
    JsonObject context = new JsonObject();
    context.addProperty("type", "context");
    context.add("elements", elements);
    parsed.add(context);
    return new Message(text + " · " + line, parsed.toString());
  }
}
