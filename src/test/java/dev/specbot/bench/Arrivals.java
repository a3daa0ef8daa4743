package dev.specbot.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.RecordedCall;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The messages the bot posted that simulated users wait for (an interview's parent, each question,
 * the finished spec), indexed as they arrive at the fake Web API. Searching the fake's whole log
 * for each of hundreds of waits a second would cost the driver more than the bot under test, and
 * would hold the lock every call the bot makes needs. Each is forgotten once waited for (or its
 * thread forgotten), so that the index stays small through a long run.
 */
final class Arrivals {
  private static final String QUESTION = "Question ";
  private static final String FINISHED = "The finished spec";

  // By key, the post as it arrived.
  private final ConcurrentMap<String, CompletableFuture<Post>> posts = new ConcurrentHashMap<>();

  /** A post the bot made: the ts the fake gave it, and when it arrived on the fake's clock. */
  private record Post(String ts, long arrivalNanos) {}

  private Arrivals() {}

  /** Starts indexing what the bot posts to {@code slack}. */
  static Arrivals of(FakeSlackWebApi slack) {
    Arrivals arrivals = new Arrivals();
    slack.onEachArrival(arrivals::record);
    return arrivals;
  }

  /** Forgets everything indexed, as the fake forgets its calls on reset. */
  void clear() {
    posts.clear();
  }

  /** Waits for the parent of the interview with this title; returns its ts, the thread's. */
  String parent(String title) {
    return await("parent:" + title).ts();
  }

  /**
   * Waits for question {@code number} in {@code thread}; returns when it reached the fake, on the
   * fake's clock ({@link FakeSlackWebApi#nanoTime()}), which a waiter learns only a moment later.
   */
  long question(String thread, int number) {
    return await(questionKey(thread, number)).arrivalNanos();
  }

  /** Waits for the finished spec's first message in {@code thread}; returns when it arrived. */
  long finishedSpec(String thread) {
    return await(finishedKey(thread)).arrivalNanos();
  }

  /** Forgets what arrived in a thread and was not waited for. */
  void forgetThread(String thread, int questions) {
    for (int number = 1; number <= questions; number++) {
      posts.remove(questionKey(thread, number));
    }
    posts.remove(finishedKey(thread));
  }

  private void record(FakeSlackWebApi.Arrival arrival) {
    RecordedCall call = arrival.call();
    FakeSlackWebApi.Answer answer = arrival.answer();
    // A post Slack refused (rate limited, say) is not there to be read.
    if (call.method().equals("chat.postMessage") && answer.status() == 200) {
      keyOf(call.param("thread_ts"), call.param("text"))
          .ifPresent(key -> post(key).complete(new Post(tsIn(answer), arrival.nanoTime())));
    }
  }

  private static String tsIn(FakeSlackWebApi.Answer answer) {
    JsonElement ts = JsonParser.parseString(answer.body()).getAsJsonObject().get("ts");
    return ts == null ? "" : ts.getAsString();
  }

  private static Optional<String> keyOf(String thread, String text) {
    if (thread.isEmpty()) {
      int title = text.indexOf(" - ");
      return title < 0 ? Optional.empty() : Optional.of("parent:" + text.substring(0, title));
    }
    if (text.startsWith(FINISHED)) {
      return Optional.of(finishedKey(thread));
    }
    int of = text.indexOf(" of ");
    if (text.startsWith(QUESTION) && of > QUESTION.length()) {
      return Optional.of("question:" + thread + ":" + text.substring(QUESTION.length(), of));
    }
    return Optional.empty();
  }

  private static String questionKey(String thread, int number) {
    return "question:" + thread + ":" + number;
  }

  private static String finishedKey(String thread) {
    return "finished:" + thread;
  }

  private CompletableFuture<Post> post(String key) {
    return posts.computeIfAbsent(key, k -> new CompletableFuture<>());
  }

  private Post await(String key) {
    Duration wait = Benchmark.WAIT;
    try {
      Post post = post(key).get(wait.toNanos(), TimeUnit.NANOSECONDS);
      posts.remove(key);
      return post;
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timed out after " + wait + " waiting for the bot to post " + key, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for " + key, e);
    }
  }
}
