package dev.specbot.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.review.Concern;
import dev.specbot.review.Remark;
import dev.specbot.review.ReviewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A review's concerns, remarks and history as the JSON document of {@code reviews.details}.
 *
 * <p>Written field by field rather than by Gson's reflection: the domain's records hold {@code
 * Optional} and {@code Instant}, which Gson does not read back by itself, and a renamed record
 * component must not silently change what is stored.
 */
record ReviewDetails(List<Concern> concerns, List<Remark> remarks, List<ReviewEvent> history) {
  ReviewDetails {
    concerns = List.copyOf(concerns);
    remarks = List.copyOf(remarks);
    history = List.copyOf(history);
  }

  String toJson() {
    JsonObject json = new JsonObject();
    JsonArray concernsJson = new JsonArray();
    for (Concern concern : concerns) {
      JsonObject one = new JsonObject();
      one.addProperty("name", concern.name());
      one.addProperty("authorId", concern.authorId());
      one.addProperty("text", concern.text());
      one.addProperty("raisedAt", concern.raisedAt().toEpochMilli());
      concern.resolvedAt().ifPresent(at -> one.addProperty("resolvedAt", at.toEpochMilli()));
      concernsJson.add(one);
    }
    JsonArray remarksJson = new JsonArray();
    for (Remark remark : remarks) {
      JsonObject one = new JsonObject();
      one.addProperty("authorId", remark.authorId());
      remark.section().ifPresent(section -> one.addProperty("section", section));
      one.addProperty("text", remark.text());
      one.addProperty("at", remark.at().toEpochMilli());
      remarksJson.add(one);
    }
    JsonArray historyJson = new JsonArray();
    for (ReviewEvent event : history) {
      JsonObject one = new JsonObject();
      one.addProperty("at", event.at().toEpochMilli());
      one.addProperty("userId", event.userId());
      one.addProperty("what", event.what());
      historyJson.add(one);
    }
    json.add("concerns", concernsJson);
    json.add("remarks", remarksJson);
    json.add("history", historyJson);
    return json.toString();
  }

  static ReviewDetails fromJson(String text) {
    JsonObject json = JsonParser.parseString(text).getAsJsonObject();
    List<Concern> concerns = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("concerns")) {
      JsonObject one = element.getAsJsonObject();
      concerns.add(
          new Concern(
              one.get("name").getAsString(),
              one.get("authorId").getAsString(),
              one.get("text").getAsString(),
              instant(one, "raisedAt"),
              optionalInstant(one, "resolvedAt")));
    }
    List<Remark> remarks = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("remarks")) {
      JsonObject one = element.getAsJsonObject();
      remarks.add(
          new Remark(
              one.get("authorId").getAsString(),
              Optional.ofNullable(one.get("section")).map(JsonElement::getAsString),
              one.get("text").getAsString(),
              instant(one, "at")));
    }
    List<ReviewEvent> history = new ArrayList<>();
    for (JsonElement element : json.getAsJsonArray("history")) {
      JsonObject one = element.getAsJsonObject();
      history.add(
          new ReviewEvent(
              instant(one, "at"), one.get("userId").getAsString(), one.get("what").getAsString()));
    }
    return new ReviewDetails(concerns, remarks, history);
  }

  private static Instant instant(JsonObject json, String name) {
    return Instant.ofEpochMilli(json.get(name).getAsLong());
  }

  private static Optional<Instant> optionalInstant(JsonObject json, String name) {
    return json.has(name) ? Optional.of(instant(json, name)) : Optional.empty();
  }
}
