package dev.specbot.slack.fake;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Decodes a Web API call's parameters the way Slack reads them: query, form or JSON body. */
final class Params {
  private Params() {}

  /**
   * The query string's fields, then the body's; a JSON body's nested values stay JSON text.
   *
   * @throws IllegalArgumentException if a JSON body is not a JSON object
   */
  static Map<String, String> of(String contentType, String body, String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery != null) {
      params.putAll(form(rawQuery));
    }
    if (isJson(contentType)) {
      params.putAll(json(body));
    } else {
      params.putAll(form(body));
    }
    return params;
  }

  static boolean isJson(String contentType) {
    return contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  private static Map<String, String> json(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isBlank()) {
      return params;
    }
    JsonObject object;
    try {
      object = JsonParser.parseString(body).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("body is not a JSON object", e);
    }
    for (Map.Entry<String, JsonElement> field : object.entrySet()) {
      JsonElement value = field.getValue();
      params.put(field.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
    }
    return params;
  }

  private static Map<String, String> form(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    int start = 0;
    while (start <= encoded.length()) {
      int end = encoded.indexOf('&', start);
      if (end < 0) {
        end = encoded.length();
      }
      String pair = encoded.substring(start, end);
      if (!pair.isEmpty()) {
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        params.put(decode(key), decode(value));
      }
      start = end + 1;
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
