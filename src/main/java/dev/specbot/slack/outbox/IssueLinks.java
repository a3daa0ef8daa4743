package dev.specbot.slack.outbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.specbot.slack.blocks.SlackText;
import dev.specbot.storage.SpecIssue;
import java.util.Optional;

/** The link to a spec's GitHub issue, as Slack shows it: in the thread and on the parent. */
public final class IssueLinks {
  private IssueLinks() {}

  /**
   * {@code <https://github.com/o/r/issues/12|o/r#12>}: the issue's address, escaped for Slack's
   * link syntax, named by its repository and number.
   */
  public static String link(SpecIssue issue) {
    String url = issue.link().orElseThrow();
    String name = issue.repository() + issue.number().map(number -> "#" + number).orElse("");
    return "<" + SlackText.escape(url) + "|" + SlackText.escape(name) + ">";
  }

  /** The parent message's edit with a line linking to the published issue; empty if none. */
  static Optional<Delivery> onParent(Delivery parent, SpecIssue issue) {
    if (issue.link().isEmpty() || parent.blocks() == null) {
      return Optional.empty();
    }
    String line = "GitHub issue: " + link(issue);
    JsonArray blocks;
    try {
      blocks = JsonParser.parseString(parent.blocks()).getAsJsonArray();
    } catch (JsonParseException | IllegalStateException notBlocks) {
      return Optional.empty();
    }
    JsonObject text = new JsonObject();
    text.addProperty("type", "mrkdwn");
    text.addProperty("text", line);
    JsonArray elements = new JsonArray();
    elements.add(text);
    JsonObject context = new JsonObject();
    context.addProperty("type", "context");
    context.add("elements", elements);
    blocks.add(context);
    return Optional.of(
        new Delivery(
            parent.kind(),
            parent.interviewId(),
            parent.channel(),
            parent.user(),
            parent.text() + " · " + line,
            blocks.toString(),
            parent.fileName(),
            parent.fileContent(),
            parent.turnFrom(),
            parent.pace()));
  }
}
