package dev.specbot.slack.tickets;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.model.view.ViewState;
import java.util.Map;

/**
 * A {@code view_submission}'s state as Slack would send it for a form: every field as the form
 * opened (all ticked, titles as proposed), then changed as a drafter would; read back with the
 * SDK's own JSON reading, as Bolt does.
 */
final class Submission {
  private final JsonObject values = new JsonObject();

  private Submission() {}

  static Submission of(JsonObject view) {
    Submission submission = new Submission();
    for (JsonElement element : view.getAsJsonArray("blocks")) {
      JsonObject block = element.getAsJsonObject();
      if (!block.get("type").getAsString().equals("input")) {
        continue;
      }
      JsonObject field = block.getAsJsonObject("element");
      JsonObject value = new JsonObject();
      value.addProperty("type", field.get("type").getAsString());
      if (field.has("initial_options")) {
        value.add("selected_options", field.getAsJsonArray("initial_options").deepCopy());
      } else {
        value.addProperty("value", field.get("initial_value").getAsString());
      }
      JsonObject actions = new JsonObject();
      actions.add(field.get("action_id").getAsString(), value);
      submission.values.add(block.get("block_id").getAsString(), actions);
    }
    return submission;
  }

  Submission untick(String key) {
    for (Map.Entry<String, JsonElement> block : values.entrySet()) {
      for (Map.Entry<String, JsonElement> action : block.getValue().getAsJsonObject().entrySet()) {
        JsonObject value = action.getValue().getAsJsonObject();
        if (value.has("selected_options")) {
          JsonArray kept = new JsonArray();
          value.getAsJsonArray("selected_options").forEach(o -> keepUnless(kept, o, key));
          value.add("selected_options", kept);
        }
      }
    }
    return this;
  }

  Submission retitle(String key, String title) {
    values
        .getAsJsonObject("specbot_tickets_title_" + key)
        .getAsJsonObject("specbot_tickets_title")
        .addProperty("value", title);
    return this;
  }

  /** A ticked option in a checkboxes block, made one if it is missing. */
  Submission tickExtra(String block, String key) {
    if (!values.has(block)) {
      JsonObject value = new JsonObject();
      value.addProperty("type", "checkboxes");
      value.add("selected_options", new JsonArray());
      JsonObject actions = new JsonObject();
      actions.add("specbot_tickets_pick", value);
      values.add(block, actions);
    }
    JsonObject option = new JsonObject();
    option.addProperty("value", key);
    values
        .getAsJsonObject(block)
        .getAsJsonObject("specbot_tickets_pick")
        .getAsJsonArray("selected_options")
        .add(option);
    return this;
  }

  /** A text field in a block of its own. */
  Submission field(String block, String text) {
    JsonObject value = new JsonObject();
    value.addProperty("type", "plain_text_input");
    value.addProperty("value", text);
    JsonObject actions = new JsonObject();
    actions.add("specbot_tickets_title", value);
    values.add(block, actions);
    return this;
  }

  Map<String, Map<String, ViewState.Value>> values() {
    JsonObject state = new JsonObject();
    state.add("values", values);
    return TicketFormTest.GSON.fromJson(state, ViewState.class).getValues();
  }

  private static void keepUnless(JsonArray kept, JsonElement option, String key) {
    if (!option.getAsJsonObject().get("value").getAsString().equals(key)) {
      kept.add(option);
    }
  }
}
