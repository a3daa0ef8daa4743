package dev.specbot.github.fake;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call as the fake received it, and the status it answered.
 *
 * @param route what the call was, or null for a path the fake does not serve
 * @param query the raw query string, or "" when none
 * @param authorization the {@code Authorization} header, or "" when none
 * @param accept the {@code Accept} header, or ""
 * @param apiVersion the {@code X-GitHub-Api-Version} header, or ""
 * @param userAgent the {@code User-Agent} header, or ""
 */
public record RecordedCall(
    Route route,
    String method,
    String path,
    String query,
    String authorization,
    String accept,
    String apiVersion,
    String userAgent,
    String body,
    int status) {
  public RecordedCall {
    Objects.requireNonNull(method, "null method");
    Objects.requireNonNull(path, "null path");
  }

  /** The JSON body sent. */
  public JsonObject json() {
    return JsonParser.parseString(body).getAsJsonObject();
  }

  /** The query's parameters, decoded, in the order sent. */
  public Map<String, String> params() {
    Map<String, String> params = new LinkedHashMap<>();
    int start = 0;
    for (int i = 0; i <= query.length(); i++) {
      if (i == query.length() || query.charAt(i) == '&') {
        String pair = query.substring(start, i);
        int equals = pair.indexOf('=');
        if (!pair.isEmpty()) {
          params.put(
              decode(equals < 0 ? pair : pair.substring(0, equals)),
              decode(equals < 0 ? "" : pair.substring(equals + 1)));
        }
        start = i + 1;
      }
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** For failure messages. */
  public String summary() {
    return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " -> " + status;
  }
}
