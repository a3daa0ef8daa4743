package dev.specbot.slack.outbox;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Where a queued delivery goes: what the dispatcher needs of it to reserve its first call under
 * Slack's limits, read from the head of its JSON only. The dispatcher does this inside its claiming
 * transaction, which holds SQLite's one writer; a delivery's text, blocks and a file's content (a
 * whole spec, hundreds of kilobytes) follow these fields, so they are neither parsed nor scanned
 * there. The sender reads the whole delivery on its own thread once the message is taken.
 *
 * <p>This rests on {@link Delivery}'s components keeping these four first, in the order Gson writes
 * a record's components; {@code DeliveryRouteTest} holds them there.
 */
record DeliveryRoute(Delivery.Kind kind, String interviewId, String channel, String user) {
  DeliveryRoute {
    Objects.requireNonNull(kind, "null kind");
  }

  static DeliveryRoute of(String json) {
    try (JsonReader reader = new JsonReader(new StringReader(json))) {
      return read(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable outbox payload", e);
    }
  }

  private static DeliveryRoute read(JsonReader reader) throws IOException {
    Delivery.Kind kind = null;
    String interviewId = null;
    String channel = null;
    String user = null;
    reader.beginObject();
    while (reader.hasNext()) {
      switch (reader.nextName()) {
        case "kind" -> kind = Delivery.Kind.valueOf(reader.nextString());
        case "interviewId" -> interviewId = stringOrNull(reader);
        case "channel" -> channel = stringOrNull(reader);
        case "user" -> user = stringOrNull(reader);
        default -> {
          // The rest of the delivery: what it says, not where it goes.
          return new DeliveryRoute(kind, interviewId, channel, user);
        }
      }
    }
    return new DeliveryRoute(kind, interviewId, channel, user);
  }

  private static String stringOrNull(JsonReader reader) throws IOException {
    if (reader.peek() == JsonToken.NULL) {
      reader.nextNull();
      return null;
    }
    return reader.nextString();
  }
}
