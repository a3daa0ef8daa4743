package dev.specbot.github;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * GitHub's REST API for a spec's issue: create it, edit its body, comment on it, and find what
 * specbot wrote again by its {@link Marker}. Every call either answers or throws a {@link
 * GitHubFailure}: to retry later, or refused for good with plain words for the drafter.
 *
 * <p>Making an issue once across crashes is the caller's part, which {@link #createOnce} does: when
 * an earlier attempt may have landed (its answer was lost, or its sender died mid-call), it looks
 * for the issue by its marker before creating it again. Thread-safe.
 */
public final class GitHubIssues {
  /** github.com's API; GitHub Enterprise Server's is {@code https://HOST/api/v3}. */
  public static final String DEFAULT_API_URL = "https://api.github.com";

  /** The REST API version specbot is written against. */
  static final String API_VERSION = "2022-11-28";

  static final String ACCEPT = "application/vnd.github+json";

  /**
   * GitHub's clock may differ from ours: an issue created this much before "since" still counts.
   */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** Pages of 100 read at most while looking for an issue or comment. */
  static final int MAX_PAGES = 10;

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final OkHttpClient http;
  private final HttpUrl api;
  private final String token;
  private final Clock clock;

  /**
   * A client of the API at {@code apiUrl} ({@link #DEFAULT_API_URL}, GitHub Enterprise's, or a fake
   * one), calling with {@code token}; {@code clock} measures rate-limit waits.
   *
   * @param http the HTTP client to share (its pool and threads); this client does not let it retry
   *     a call by itself, since a create retried blindly could make two issues. Do not give it the
   *     Slack client's pacing interceptor.
   */
  public GitHubIssues(OkHttpClient http, String apiUrl, String token, Clock clock) {
    Objects.requireNonNull(http, "null http");
    this.api = apiRoot(Objects.requireNonNull(apiUrl, "null apiUrl"));
    this.token = Objects.requireNonNull(token, "null token").strip();
    this.clock = Objects.requireNonNull(clock, "null clock");
    if (this.token.isEmpty() || this.token.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
      throw new IllegalArgumentException("a GitHub token is one word with no blanks");
    }
    this.http = http.newBuilder().retryOnConnectionFailure(false).build();
  }

  /** A client with an HTTP client of its own, timing out a call after a minute. */
  public static GitHubIssues connect(String apiUrl, String token, Clock clock) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .callTimeout(60, TimeUnit.SECONDS)
            .build();
    return new GitHubIssues(http, apiUrl, token, clock);
  }

  /**
   * Creates the issue, its body ending in {@code marker}; GitHub's answer gives its number and
   * address.
   */
  public Issue create(Repository repository, Marker marker, NewIssue issue) throws GitHubFailure {
    JsonObject fields = new JsonObject();
    fields.addProperty("title", issue.title());
    fields.addProperty("body", Bodies.withMarker(issue.body(), marker));
    if (!issue.labels().isEmpty()) {
      fields.add("labels", strings(issue.labels()));
    }
    if (!issue.assignees().isEmpty()) {
      fields.add("assignees", strings(issue.assignees()));
    }
    Call call = call("POST", repository, Call.Kind.CREATE, 0, "issues");
    return issue(send(call, post(url(repository, "issues"), fields)));
  }

  /**
   * Creates the issue unless an earlier attempt did: with {@code earlierAttempt} (when one may have
   * landed), the issue bearing {@code marker} is looked for first and given back if found.
   */
  public Issue createOnce(
      Repository repository, Marker marker, NewIssue issue, Optional<Lookup> earlierAttempt)
      throws GitHubFailure {
    if (earlierAttempt.isPresent()) {
      Optional<Issue> found = find(repository, marker, earlierAttempt.get());
      if (found.isPresent()) {
        return found.get();
      }
    }
    return create(repository, marker, issue);
  }

  /** Replaces the issue's body with {@code markdown}, ending in {@code marker} as before. */
  public Issue editBody(Repository repository, int number, Marker marker, String markdown)
      throws GitHubFailure {
    JsonObject fields = new JsonObject();
    fields.addProperty("body", Bodies.withMarker(markdown, marker));
    Call call = call("PATCH", repository, Call.Kind.EDIT, number, "issues", String.valueOf(number));
    Request request =
        authorized(url(repository, "issues", String.valueOf(number)))
            .patch(RequestBody.create(GSON.toJson(fields), JSON))
            .build();
    return issue(send(call, request));
  }

  /** The issue as it stands. */
  public Issue issue(Repository repository, int number) throws GitHubFailure {
    Call call =
        call("GET", repository, Call.Kind.LOOK_UP, number, "issues", String.valueOf(number));
    return issue(send(call, authorized(url(repository, "issues", String.valueOf(number))).build()));
  }

  /** Adds a comment to the issue, its body ending in {@code marker}. */
  public Comment comment(Repository repository, int number, Marker marker, String markdown)
      throws GitHubFailure {
    JsonObject fields = new JsonObject();
    fields.addProperty("body", Bodies.withMarker(markdown, marker));
    HttpUrl url = url(repository, "issues", String.valueOf(number), "comments");
    Call call =
        call(
            "POST",
            repository,
            Call.Kind.COMMENT,
            number,
            "issues",
            String.valueOf(number),
            "comments");
    return comment(send(call, post(url, fields)));
  }

  /**
   * Adds the comment unless an earlier attempt did: with {@code earlierAttempt} (when the earliest
   * attempt that may have landed began), the comment bearing {@code marker} is looked for first.
   */
  public Comment commentOnce(
      Repository repository,
      int number,
      Marker marker,
      String markdown,
      Optional<Instant> earlierAttempt)
      throws GitHubFailure {
    if (earlierAttempt.isPresent()) {
      Optional<Comment> found = findComment(repository, number, marker, earlierAttempt.get());
      if (found.isPresent()) {
        return found.get();
      }
    }
    return comment(repository, number, marker, markdown);
  }

  /**
   * The issue bearing {@code marker} among those the lookup narrows to, pull requests aside. Read
   * newest first and only as far as the issues created before {@link Lookup#since()} (less {@link
   * #CLOCK_SKEW}), at most {@value #MAX_PAGES} pages of 100.
   */
  public Optional<Issue> find(Repository repository, Marker marker, Lookup lookup)
      throws GitHubFailure {
    Instant since = lookup.since().minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS);
    HttpUrl.Builder first =
        url(repository, "issues")
            .newBuilder()
            .addQueryParameter("state", "all")
            .addQueryParameter("sort", "created")
            .addQueryParameter("direction", "desc")
            .addQueryParameter("since", since.toString())
            .addQueryParameter("per_page", "100");
    lookup.creator().ifPresent(login -> first.addQueryParameter("creator", login));
    if (!lookup.labels().isEmpty()) {
      first.addQueryParameter("labels", String.join(",", lookup.labels()));
    }
    Call call = call("GET", repository, Call.Kind.LOOK_UP, 0, "issues");
    Optional<HttpUrl> page = Optional.of(first.build());
    for (int read = 0; read < MAX_PAGES && page.isPresent(); read++) {
      Answer answer = send(call, authorized(page.get()).build());
      for (Listed item : listed(call, answer)) {
        if (item.createdAt().isBefore(since)) {
          // Newest first: every issue after this one is older still.
          return Optional.empty();
        }
        if (!item.json().has("pull_request") && marker.in(string(item.json(), "body"))) {
          return Optional.of(issue(call, answer.status(), item.json()));
        }
      }
      page = NextPage.of(answer.link(), api);
    }
    return Optional.empty();
  }

  /**
   * The comment on the issue bearing {@code marker} among those updated since {@code since} (less
   * {@link #CLOCK_SKEW}), at most {@value #MAX_PAGES} pages of 100.
   */
  public Optional<Comment> findComment(
      Repository repository, int number, Marker marker, Instant since) throws GitHubFailure {
    HttpUrl url =
        url(repository, "issues", String.valueOf(number), "comments")
            .newBuilder()
            .addQueryParameter(
                "since", since.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS).toString())
            .addQueryParameter("per_page", "100")
            .build();
    Call call =
        call(
            "GET",
            repository,
            Call.Kind.LOOK_UP,
            number,
            "issues",
            String.valueOf(number),
            "comments");
    Optional<HttpUrl> page = Optional.of(url);
    for (int read = 0; read < MAX_PAGES && page.isPresent(); read++) {
      Answer answer = send(call, authorized(page.get()).build());
      for (Listed item : listed(call, answer)) {
        if (marker.in(string(item.json(), "body"))) {
          return Optional.of(comment(call, answer.status(), item.json()));
        }
      }
      page = NextPage.of(answer.link(), api);
    }
    return Optional.empty();
  }

  /** An answer with a success status: its body and the next page's link, if any. */
  private record Answer(Call call, int status, String body, String link) {}

  private Answer send(Call call, Request request) throws GitHubFailure {
    Request next = request;
    // GitHub answers a call to a renamed repository with 307 (or 308) for any method but GET,
    // which OkHttp does not follow; it is to be sent again as it was, once.
    for (int redirects = 0; ; redirects++) {
      try (Response response = http.newCall(next).execute()) {
        ResponseBody body = response.body();
        String text = body == null ? "" : body.string();
        int status = response.code();
        Optional<HttpUrl> moved = sameMethodRedirect(response, next);
        if (moved.isPresent() && redirects == 0) {
          next = next.newBuilder().url(moved.get()).build();
          continue;
        }
        Response redirect = response.priorResponse();
        if (redirect != null && !response.request().method().equals(request.method())) {
          // OkHttp followed a 301 or 302 with a GET: the call itself did not happen.
          throw Failures.of(call, redirect, "", clock);
        }
        if (status < 200 || status >= 300) {
          throw Failures.of(call, response, text, clock);
        }
        return new Answer(call, status, text, response.header("Link"));
      } catch (IOException e) {
        throw Failures.of(call, e);
      }
    }
  }

  private Optional<HttpUrl> sameMethodRedirect(Response response, Request request) {
    if (response.code() != 307 && response.code() != 308) {
      return Optional.empty();
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target == null || !target.host().equals(api.host()) || target.port() != api.port()) {
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private static Issue issue(Answer answer) throws GitHubFailure {
    try {
      return issue(
          answer.call(), answer.status(), JsonParser.parseString(answer.body()).getAsJsonObject());
    } catch (RuntimeException e) {
      throw Failures.unreadable(answer.call(), answer.status(), e);
    }
  }

  private static Issue issue(Call call, int status, JsonObject json) throws GitHubFailure {
    try {
      return new Issue(
          json.get("number").getAsInt(),
          string(json, "html_url"),
          string(json, "title"),
          string(json, "body"),
          string(json, "state"),
          names(json.get("labels"), "name"),
          names(json.get("assignees"), "login"));
    } catch (RuntimeException e) {
      throw Failures.unreadable(call, status, e);
    }
  }

  private static Comment comment(Answer answer) throws GitHubFailure {
    try {
      return comment(
          answer.call(), answer.status(), JsonParser.parseString(answer.body()).getAsJsonObject());
    } catch (RuntimeException e) {
      throw Failures.unreadable(answer.call(), answer.status(), e);
    }
  }

  private static Comment comment(Call call, int status, JsonObject json) throws GitHubFailure {
    try {
      return new Comment(
          json.get("id").getAsLong(), string(json, "html_url"), string(json, "body"));
    } catch (RuntimeException e) {
      throw Failures.unreadable(call, status, e);
    }
  }

  /** A listing's items, each with when it was created. */
  private record Listed(JsonObject json, Instant createdAt) {}

  private static List<Listed> listed(Call call, Answer answer) throws GitHubFailure {
    try {
      List<Listed> items = new ArrayList<>();
      for (JsonElement item : JsonParser.parseString(answer.body()).getAsJsonArray()) {
        JsonObject json = item.getAsJsonObject();
        items.add(new Listed(json, Instant.parse(string(json, "created_at"))));
      }
      return items;
    } catch (RuntimeException e) {
      throw Failures.unreadable(call, answer.status(), e);
    }
  }

  /** A text field, "" when absent or null (an issue with no body has {@code "body": null}). */
  private static String string(JsonObject json, String key) {
    JsonElement value = json.get(key);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  /** Labels ({@code name}) or users ({@code login}): objects, or plain names. */
  private static List<String> names(JsonElement items, String key) {
    List<String> names = new ArrayList<>();
    if (items != null && items.isJsonArray()) {
      for (JsonElement item : items.getAsJsonArray()) {
        names.add(item.isJsonObject() ? string(item.getAsJsonObject(), key) : item.getAsString());
      }
    }
    return names;
  }

  private static JsonArray strings(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array;
  }

  private Call call(
      String method, Repository repository, Call.Kind kind, int issue, String... below) {
    return new Call(method, url(repository, below).encodedPath(), repository, kind, issue);
  }

  private Request post(HttpUrl url, JsonObject fields) {
    return authorized(url).post(RequestBody.create(GSON.toJson(fields), JSON)).build();
  }

  private Request.Builder authorized(HttpUrl url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", ACCEPT)
        .header("X-GitHub-Api-Version", API_VERSION)
        .header("User-Agent", "specbot");
  }

  /** {@code /repos/OWNER/NAME/...} under the API's root, each segment encoded. */
  private HttpUrl url(Repository repository, String... below) {
    HttpUrl.Builder url =
        api.newBuilder()
            .addPathSegment("repos")
            .addPathSegment(repository.owner())
            .addPathSegment(repository.name());
    for (String segment : below) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  private static HttpUrl apiRoot(String apiUrl) {
    HttpUrl parsed = HttpUrl.parse(apiUrl.strip());
    if (parsed == null || parsed.query() != null) {
      throw new IllegalArgumentException(
          "the GitHub API's address is a URL such as "
              + DEFAULT_API_URL
              + " or https://github.example.com/api/v3, not \""
              + apiUrl
              + "\"");
    }
    return parsed;
  }
}
