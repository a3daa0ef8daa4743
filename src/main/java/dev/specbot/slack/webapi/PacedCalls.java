package dev.specbot.slack.webapi;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import okhttp3.FormBody;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Counts every Web API call against {@link Budgets} as it goes out, on the one OkHttp client that
 * the bot's client, Bolt's and the uploads share. The outbox's calls were reserved before their
 * messages were taken; any other call (a look-up, a read on catch-up) waits here while its method
 * has nothing left, at most {@link #LONGEST_WAIT}, and then goes: Slack answers 429 if it must, and
 * that is honoured. A 429 stops the method for the {@code Retry-After} Slack gives.
 */
public final class PacedCalls implements Interceptor {
  /** Longer waits are better spent failing: the caller retries or does without. */
  static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

  /** When Slack gives no Retry-After. */
  private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  private static final String POST_MESSAGE = "chat.postMessage";

  /**
   * Slack's answer to a post starts with its ok, channel and ts; the echoed message comes after,
   * and can be long.
   */
  private static final long TS_WITHIN_BYTES = 512;

  private final Budgets budgets;
  private final String methodsUrlPrefix;

  public PacedCalls(Budgets budgets, String methodsUrlPrefix) {
    this.budgets = budgets;
    this.methodsUrlPrefix = methodsUrlPrefix;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String url = request.url().toString();
    if (!url.startsWith(methodsUrlPrefix)) {
      return chain.proceed(request); // A file's bytes, to Slack's upload URL: no Web API limit.
    }
    String method = method(url.substring(methodsUrlPrefix.length()));
    String channel = channel(request);
    List<Window.Call> counted = awaitBudget(method, channel);
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      // Slack has the call by now, if it ever will: its window runs from here.
      budgets.answered(counted);
      throw e;
    }
    if (method.equals(POST_MESSAGE) && response.code() == 200) {
      budgets.posted(counted, postedTs(response));
    } else {
      budgets.answered(counted);
    }
    if (response.code() == 429) {
      budgets.refused(method, channel, retryAfter(response));
    }
    return response;
  }

  private List<Window.Call> awaitBudget(String method, String channel) throws IOException {
    long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
    Budgets.Spent spent = budgets.spend(method, channel, Urgency.REPLY);
    while (spent.waitNanos() > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return budgets.spendAnyway(method, channel);
      }
      LockSupport.parkNanos(Math.min(spent.waitNanos(), left));
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for Slack's rate limit on " + method);
      }
      spent = budgets.spend(method, channel, Urgency.REPLY);
    }
    return spent.calls();
  }

  /** The ts Slack gave the message posted, or null if its answer does not start with it. */
  private static String postedTs(Response response) {
    try {
      return tsIn(response.peekBody(TS_WITHIN_BYTES).string());
    } catch (IOException unread) {
      return null; // The SDK reads the body next, and finds out.
    }
  }

  /**
   * The first {@code "ts"} string in {@code json}: the post's own, whether at the top or in the
   * echoed message. An escaped quote in a text cannot start a key, so no text can fake one.
   */
  static String tsIn(String json) {
    int key = json.indexOf("\"ts\":");
    if (key < 0) {
      return null;
    }
    int start = key + 5;
    while (start < json.length() && json.charAt(start) == ' ') {
      start++;
    }
    if (start >= json.length() || json.charAt(start) != '"') {
      return null;
    }
    int end = json.indexOf('"', start + 1);
    return end < 0 ? null : json.substring(start + 1, end);
  }

  private static String method(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  /** The call's channel, for chat.postMessage's limit per channel; null when it has none. */
  private static String channel(Request request) {
    if (request.body() instanceof FormBody form) {
      for (int i = 0; i < form.size(); i++) {
        if (form.name(i).equals("channel")) {
          return form.value(i);
        }
      }
    }
    return null;
  }

  private static Duration retryAfter(Response response) {
    String header = response.header("Retry-After");
    if (header == null) {
      return DEFAULT_RETRY_AFTER;
    }
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RETRY_AFTER;
    } catch (NumberFormatException notSeconds) {
      return DEFAULT_RETRY_AFTER;
    }
  }
}
