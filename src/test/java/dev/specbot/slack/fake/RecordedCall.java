package dev.specbot.slack.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One Web API call as the fake received it.
 *
 * @param method the Web API method, e.g. {@code chat.postMessage}
 * @param contentType the request's Content-Type header, or "" if it had none
 * @param authorization the request's Authorization header, or "" if it had none
 * @param body the request body as sent
 * @param params the decoded form fields, or a JSON body's top-level fields as strings (nested JSON
 *     such as {@code blocks} kept as JSON text), in the order they were sent
 */
public record RecordedCall(
    String method,
    String contentType,
    String authorization,
    String body,
    Map<String, String> params) {
  private static final int SHORT_VALUE = 40;
  private static final Gson PLAIN_JSON = new GsonBuilder().disableHtmlEscaping().create();

  public RecordedCall {
    Objects.requireNonNull(method, "null method");
    Objects.requireNonNull(contentType, "null contentType");
    Objects.requireNonNull(authorization, "null authorization");
    Objects.requireNonNull(body, "null body");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A parameter's value, or "" when the call did not send it. */
  public String param(String name) {
    return params.getOrDefault(name, "");
  }

  /**
   * A parameter holding JSON ({@code blocks}, {@code view}, {@code files}) as plain JSON text, or
   * "" when absent: the Slack SDK's Gson writes {@code < > & ' =} inside JSON strings as Unicode
   * escapes, so a test looking for {@code <@U123>} in the raw parameter would not find it.
   */
  public String jsonParam(String name) {
    String value = param(name);
    if (value.isEmpty()) {
      return value;
    }
    try {
      return PLAIN_JSON.toJson(JsonParser.parseString(value));
    } catch (JsonParseException e) {
      throw new AssertionError(method + " sent " + name + " that is not JSON: " + value, e);
    }
  }

  /** One line for failure messages: the method and its parameters, long values cut short. */
  String summary() {
    String shown =
        params.entrySet().stream()
            .filter(param -> !param.getKey().equals("token"))
            .map(param -> param.getKey() + "=" + shorten(param.getValue()))
            .collect(Collectors.joining(" "));
    return shown.isEmpty() ? method : method + " " + shown;
  }

  private static String shorten(String value) {
    String oneLine = value.replace("\n", "\\n");
    return oneLine.length() > SHORT_VALUE ? oneLine.substring(0, SHORT_VALUE) + "…" : oneLine;
  }
}
