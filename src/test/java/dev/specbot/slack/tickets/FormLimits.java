package dev.specbot.slack.tickets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Slack's limits on a modal, as {@code slack-check blocks modal} checks them, plus those it does
 * not (ten options to checkboxes, a text field's length): the problems of one view, none when it is
 * within them.
 */
final class FormLimits {
  private FormLimits() {}

  static List<String> problems(JsonObject view) {
    List<String> problems = new ArrayList<>();
    JsonArray blocks = view.getAsJsonArray("blocks");
    over(problems, "blocks", blocks.size(), 100);
    over(problems, "title", text(view, "title").length(), 24);
    if (view.has("submit")) {
      over(problems, "submit", text(view, "submit").length(), 24);
    }
    over(problems, "close", text(view, "close").length(), 24);
    over(problems, "private_metadata", view.get("private_metadata").getAsString().length(), 3000);
    Set<String> ids = new HashSet<>();
    for (JsonElement element : blocks) {
      JsonObject block = element.getAsJsonObject();
      if (block.has("block_id")) {
        String id = block.get("block_id").getAsString();
        over(problems, "block_id " + id, id.length(), 255);
        if (!ids.add(id)) {
          problems.add("block_id " + id + " twice");
        }
      }
      if (block.get("type").getAsString().equals("input")) {
        input(problems, block);
      }
    }
    return problems;
  }

  private static void input(List<String> problems, JsonObject block) {
    over(problems, "label", text(block, "label").length(), 2000);
    JsonObject element = block.getAsJsonObject("element");
    switch (element.get("type").getAsString()) {
      case "checkboxes" -> checkboxes(problems, element);
      case "plain_text_input" -> {
        int max = element.get("max_length").getAsInt();
        over(problems, "max_length", max, 3000);
        over(problems, "initial_value", element.get("initial_value").getAsString().length(), max);
      }
      default -> problems.add("an unexpected element " + element.get("type"));
    }
  }

  private static void checkboxes(List<String> problems, JsonObject element) {
    JsonArray options = element.getAsJsonArray("options");
    over(problems, "checkbox options", options.size(), 10);
    for (JsonElement option : options) {
      JsonObject o = option.getAsJsonObject();
      over(problems, "option text", text(o, "text").length(), 75);
      over(problems, "option description", text(o, "description").length(), 75);
      over(problems, "option value", o.get("value").getAsString().length(), 150);
      plain(problems, o, "text");
      plain(problems, o, "description");
    }
    if (!element.getAsJsonArray("initial_options").equals(options)) {
      problems.add("initial options that are not the options");
    }
  }

  private static void plain(List<String> problems, JsonObject object, String field) {
    if (!object.getAsJsonObject(field).get("type").getAsString().equals("plain_text")) {
      problems.add(field + " in mrkdwn: user text must be plain_text");
    }
  }

  private static String text(JsonObject object, String field) {
    return object.getAsJsonObject(field).get("text").getAsString();
  }

  private static void over(List<String> problems, String what, int value, int limit) {
    if (value > limit) {
      problems.add(what + ": " + value + " > " + limit);
    }
  }
}
