package dev.specbot.slack.webapi;

import com.google.gson.ExclusionStrategy;
import com.google.gson.FieldAttributes;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.response.canvases.CanvasesCreateResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.FormBody;
import okhttp3.Response;

/**
 * Slack's Web API client, reading Slack's answers with one shared Gson.
 *
 * <p>The SDK (1.47) builds a new Gson for every answer it parses, so each call first rebuilds the
 * reflective adapters for its response classes (a posted message's with all of Slack's block
 * types). Profiling the benchmark showed that was more than half the CPU of every {@code
 * chat.postMessage}; a Gson is thread-safe and caches its adapters, so one is built and kept.
 * Requests, retries and errors are the SDK's own: only the parsing of a successful answer differs.
 */
public final class WebApiClient extends MethodsClientImpl {
  private final Gson gson;
  private final String token;

  private WebApiClient(Slack slack, String token) {
    super(slack.getHttpClient(), token);
    this.token = token;
    setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
    this.gson =
        GsonFactory.createSnakeCase(slack.getConfig())
            .newBuilder()
            .addDeserializationExclusionStrategy(new EchoedMessage())
            .create();
  }

  /**
   * Skips the message that chat.postMessage and chat.update echo back: the bot keeps only their ts,
   * and building the echo's blocks through the SDK's block factories was more than half the parsing
   * of each post and edit (a profile of the benchmark).
   */
  private static final class EchoedMessage implements ExclusionStrategy {
    @Override
    public boolean shouldSkipField(FieldAttributes field) {
      Class<?> response = field.getDeclaringClass();
      return field.getName().equals("message")
          && (response == ChatPostMessageResponse.class || response == ChatUpdateResponse.class);
    }

    @Override
    public boolean shouldSkipClass(Class<?> type) {
      return false;
    }
  }

  /** The client for {@code token}, as {@code slack.methods(token)} would make it. */
  public static WebApiClient of(Slack slack, String token) {
    return new WebApiClient(slack, token);
  }

  /**
   * canvases.create with a {@code channel_id}, which the SDK's request (1.47) lacks: the canvas is
   * tabbed in, and shared with, that channel (and a free plan takes no other kind).
   */
  public CanvasesCreateResponse canvasesCreateIn(String channelId, String title, String markdown)
      throws IOException, SlackApiException {
    JsonObject content = new JsonObject();
    content.addProperty("type", "markdown");
    content.addProperty("markdown", markdown);
    return postFormWithTokenAndParseResponse(
        form ->
            form.add("channel_id", channelId)
                .add("title", title)
                .add("document_content", content.toString()),
        "canvases.create",
        token,
        CanvasesCreateResponse.class);
  }

  @Override
  protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(
      FormBody.Builder form, String endpoint, String token, Class<T> type)
      throws IOException, SlackApiException {
    try (Response response = postFormWithToken(form, endpoint, token)) {
      String body = response.body() == null ? "" : response.body().string();
      if (!response.isSuccessful()) {
        throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
      }
      try {
        T parsed = gson.fromJson(body, type);
        if (parsed == null) {
          throw new IOException("Slack answered " + endpoint + " with an empty body");
        }
        parsed.setHttpResponseHeaders(lowerCasedHeaders(response));
        return parsed;
      } finally {
        getSlackHttpClient().runHttpResponseListeners(response, body);
      }
    }
  }

  private static Map<String, List<String>> lowerCasedHeaders(Response response) {
    Map<String, List<String>> headers = new TreeMap<>();
    for (String name : response.headers().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), response.headers(name));
    }
    return headers;
  }
}
