package dev.specbot.slack.metrics;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Times every HTTP call the Slack SDK's client makes, by Web API method and outcome: {@code ok},
 * Slack's error code, {@code rate_limited}, {@code 5xx}, {@code 4xx} or {@code network}. It sits on
 * the one OkHttp client that the bot's Web API client, Bolt's and the file uploads share, so no
 * call goes around it. A file's bytes posted to Slack's upload URL are method {@code upload}.
 */
final class SlackCalls implements Interceptor {
  static final String NAME = "specbot.slack.api.calls";

  /** Slack puts {@code ok} first; an error answer is a few dozen bytes. */
  private static final long PEEK_BYTES = 4096;

  private final MeterRegistry registry;
  private final String methodsUrlPrefix;
  private final BoundedValues methods = new BoundedValues(100);
  private final BoundedValues errors = new BoundedValues(50);

  SlackCalls(MeterRegistry registry, String methodsUrlPrefix) {
    this.registry = registry;
    this.methodsUrlPrefix = methodsUrlPrefix;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String method = method(chain.request().url().toString());
    Timer.Sample sample = Timer.start(registry);
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      sample.stop(timer(method, "network"));
      throw e;
    }
    sample.stop(timer(method, outcome(method, response)));
    return response;
  }

  private Timer timer(String method, String outcome) {
    return Timer.builder(NAME)
        .description("Slack Web API calls, by method and outcome")
        .tags("method", method, "outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(5))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }

  /** The Web API method a URL calls; any other URL is a file's upload. */
  String method(String url) {
    if (!url.startsWith(methodsUrlPrefix)) {
      return "upload";
    }
    String rest = url.substring(methodsUrlPrefix.length());
    int query = rest.indexOf('?');
    return methods.of(query < 0 ? rest : rest.substring(0, query));
  }

  private String outcome(String method, Response response) throws IOException {
    int status = response.code();
    if (status == 429) {
      return "rate_limited";
    }
    if (status >= 500) {
      return "5xx";
    }
    if (status >= 400) {
      return "4xx";
    }
    if ("upload".equals(method)) {
      return "ok";
    }
    return answer(response.peekBody(PEEK_BYTES).string());
  }

  /** {@code ok}, or Slack's error code from an answer that is not ok. */
  String answer(String body) {
    try (JsonReader json = new JsonReader(new StringReader(body))) {
      json.beginObject();
      String error = null;
      while (json.hasNext()) {
        String name = json.nextName();
        if ("ok".equals(name) && json.peek() == JsonToken.BOOLEAN) {
          if (json.nextBoolean()) {
            return "ok";
          }
        } else if ("error".equals(name) && json.peek() == JsonToken.STRING) {
          error = json.nextString();
        } else {
          json.skipValue();
        }
      }
      return "ratelimited".equals(error) ? "rate_limited" : errors.of(error);
    } catch (IOException | IllegalStateException notReadable) {
      // Cut off at PEEK_BYTES before saying, or not JSON: not something to alert on by name.
      return "unreadable";
    }
  }
}
