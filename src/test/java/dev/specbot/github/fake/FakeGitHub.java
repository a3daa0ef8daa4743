package dev.specbot.github.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.specbot.github.fake.FakeRepository.Item;
import dev.specbot.github.fake.FakeRepository.Note;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * GitHub's REST API for issues on loopback, for tests: it creates, edits, lists and reads issues
 * and comments of the repositories a test adds, checks each call the way GitHub does (the token,
 * {@code Accept}, {@code X-GitHub-Api-Version}, the repository, issues turned on, assignees with
 * access), creates labels it does not know yet, records every call, and fails on demand.
 */
public final class FakeGitHub implements AutoCloseable {
  /** The only token the fake accepts, as {@code Authorization: Bearer TOKEN}. */
  public static final String TOKEN = "ghp_FAKE0specbot0token0000000000000000";

  /** The login the token belongs to: the author of everything specbot creates. */
  public static final String LOGIN = "specbot-app[bot]";

  /** The API version the fake serves. */
  public static final String API_VERSION = "2022-11-28";

  private static final String ACCEPT = "application/vnd.github+json";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String HTML_ROOT = "https://github.com/";
  private static final String DOCS = "https://docs.github.com/rest";
  private static final int MAX_TITLE = 256;
  private static final int MAX_BODY = 65_536;
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // The JDK's server writes headers and body apart: without this each answer waits ~40 ms.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** Guards everything below. */
  private final Object lock = new Object();

  private final Clock clock;
  private final Map<String, FakeRepository> repositories = new HashMap<>();
  private final Map<String, String> renamed = new HashMap<>();
  private final Map<Route, Deque<Failure>> failures = new EnumMap<>(Route.class);
  private final List<RecordedCall> calls = new ArrayList<>();
  private long nextCommentId = 3_000_000_000L;

  private final ExecutorService executor;
  private final int port;
  private HttpServer server;

  /** An answer. */
  private record Reply(int status, String contentType, String body, Map<String, String> headers) {
    static Reply json(int status, JsonElement body) {
      return new Reply(status, JSON, GSON.toJson(body), Map.of());
    }

    static Reply error(int status, String message) {
      JsonObject error = new JsonObject();
      error.addProperty("message", message);
      error.addProperty("documentation_url", DOCS);
      error.addProperty("status", String.valueOf(status));
      return json(status, error);
    }

    Reply with(String header, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(header, value);
      return new Reply(status, contentType, body, more);
    }
  }

  /** A parsed path: the route, the repository's full name, and the issue's number (0 if none). */
  private record Target(Route route, String repository, int number) {}

  /** Starts listening on a free port of 127.0.0.1, its timestamps from the system clock. */
  public FakeGitHub() {
    this(Clock.systemUTC());
  }

  /** Starts listening; {@code clock} dates issues and comments and sets rate-limit resets. */
  public FakeGitHub(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "null clock");
    String name = "fake-github-" + SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer bound = bind(0);
    this.port = bound.getAddress().getPort();
    bound.start();
    this.server = bound;
  }

  /** The API's root, as {@code SPECBOT_GITHUB_API_URL} would give it. */
  public String apiUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** Adds a repository, {@code owner/name}, with issues on and the token able to push. */
  public void addRepository(String fullName) {
    synchronized (lock) {
      repositories.put(key(fullName), new FakeRepository(fullName));
    }
  }

  /** Lets {@code login} be assigned issues in the repository (the token's own login always may). */
  public void addCollaborator(String repository, String login) {
    synchronized (lock) {
      repository(repository).assignable.add(login.toLowerCase(Locale.ROOT));
    }
  }

  /** Adds a label the repository has. */
  public void addLabel(String repository, String label) {
    synchronized (lock) {
      repository(repository).label(label);
    }
  }

  /** Turns the repository's issues off: every issue call answers 410. */
  public void disableIssues(String repository) {
    synchronized (lock) {
      repository(repository).issuesEnabled = false;
    }
  }

  /**
   * The token may open issues in the repository but not push to it: GitHub then drops a new issue's
   * labels and assignees silently.
   */
  public void withoutPushAccess(String repository) {
    synchronized (lock) {
      repository(repository).pushAccess = false;
    }
  }

  /**
   * Renames a repository: calls to the old name are redirected, GETs with 301 and others with 307,
   * as GitHub does.
   */
  public void renameRepository(String from, String to) {
    synchronized (lock) {
      FakeRepository old = repositories.remove(key(from));
      FakeRepository moved = new FakeRepository(to);
      moved.issuesEnabled = old.issuesEnabled;
      moved.pushAccess = old.pushAccess;
      moved.labels.putAll(old.labels);
      moved.assignable.addAll(old.assignable);
      moved.items.addAll(old.items);
      repositories.put(key(to), moved);
      renamed.put(key(from), to);
    }
  }

  /** Adds an issue someone wrote at {@code createdAt}; gives its number. */
  public int addIssue(
      String repository, String author, String title, String body, Instant createdAt) {
    synchronized (lock) {
      return repository(repository).add(false, author, title, body, createdAt).number;
    }
  }

  /** Adds a pull request, which takes the next number and shows in the issues listing too. */
  public int addPullRequest(String repository, String author, String title, String body) {
    synchronized (lock) {
      return repository(repository).add(true, author, title, body, clock.instant()).number;
    }
  }

  /** Someone changed the issue at {@code at} (a comment, a label): its {@code updated_at}. */
  public void touchIssue(String repository, int number, Instant at) {
    synchronized (lock) {
      repository(repository).item(number).orElseThrow().updatedAt = at;
    }
  }

  /** Someone deleted the issue: it answers 410 from now on. */
  public void deleteIssue(String repository, int number) {
    synchronized (lock) {
      repository(repository).item(number).orElseThrow().deleted = true;
    }
  }

  /** Makes the next {@code times} calls of {@code route} fail this way, then answers normally. */
  public void failNext(Route route, int times, Failure failure) {
    Objects.requireNonNull(failure, "null failure");
    synchronized (lock) {
      Deque<Failure> queue = failures.computeIfAbsent(route, r -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.add(failure);
      }
    }
  }

  /**
   * Stops listening, so that clients get "connection refused" as when GitHub cannot be reached;
   * {@code false} listens on the same port again.
   */
  public void refuseConnections(boolean refuse) {
    synchronized (lock) {
      if (refuse && server != null) {
        server.stop(0);
        server = null;
      } else if (!refuse && server == null) {
        server = bind(port);
        server.start();
      }
    }
  }

  /** Every call so far, oldest first. */
  public List<RecordedCall> calls() {
    synchronized (lock) {
      return List.copyOf(calls);
    }
  }

  /** The calls of one route so far, oldest first. */
  public List<RecordedCall> calls(Route route) {
    return calls().stream().filter(call -> call.route() == route).toList();
  }

  /** The repository's issues (not its pull requests, nor deleted ones), by number. */
  public List<FakeIssue> issues(String repository) {
    synchronized (lock) {
      return repository(repository).items.stream()
          .filter(item -> !item.pullRequest && !item.deleted)
          .map(Item::snapshot)
          .toList();
    }
  }

  /** One issue, if the repository has it. */
  public Optional<FakeIssue> issue(String repository, int number) {
    synchronized (lock) {
      return repository(repository).item(number).map(Item::snapshot);
    }
  }

  /** The issue's comments, oldest first. */
  public List<FakeComment> comments(String repository, int number) {
    synchronized (lock) {
      return repository(repository).item(number).orElseThrow().comments.stream()
          .map(Note::snapshot)
          .toList();
    }
  }

  /** The repository's labels, those GitHub created for new issues included. */
  public List<String> labels(String repository) {
    synchronized (lock) {
      return List.copyOf(repository(repository).labels.values());
    }
  }

  @Override
  public void close() {
    refuseConnections(true);
    executor.shutdownNow();
  }

  private FakeRepository repository(String fullName) {
    FakeRepository repository = repositories.get(key(fullName));
    if (repository == null) {
      throw new IllegalArgumentException("the fake has no repository " + fullName);
    }
    return repository;
  }

  private static String key(String fullName) {
    return fullName.toLowerCase(Locale.ROOT);
  }

  private HttpServer bind(int port) {
    try {
      HttpServer listener =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      listener.createContext("/", this::handle);
      listener.setExecutor(executor);
      return listener;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Optional<Target> target = target(method, path);
      Reply reply;
      synchronized (lock) {
        reply = answer(exchange, target, method, path, query, body);
        calls.add(
            new RecordedCall(
                target.map(Target::route).orElse(null),
                method,
                path,
                query,
                header(exchange, "Authorization"),
                header(exchange, "Accept"),
                header(exchange, "X-GitHub-Api-Version"),
                header(exchange, "User-Agent"),
                body,
                reply.status()));
      }
      send(exchange, reply);
    } catch (RuntimeException e) {
      // A bug in the fake must not pass for a GitHub outage: say so in the answer.
      send(exchange, new Reply(500, "text/plain", "the fake GitHub failed: " + e, Map.of()));
    } finally {
      exchange.close();
    }
  }

  private static String header(HttpExchange exchange, String name) {
    return Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst(name), "");
  }

  /** The call's route, from {@code /repos/OWNER/REPO/issues[/N[/comments]]} and its method. */
  private static Optional<Target> target(String method, String path) {
    List<String> segments = segments(path);
    if (segments.size() < 4
        || !segments.get(0).equals("repos")
        || !segments.get(3).equals("issues")) {
      return Optional.empty();
    }
    String repository = segments.get(1) + "/" + segments.get(2);
    if (segments.size() == 4) {
      return route(method, "POST", Route.CREATE_ISSUE, "GET", Route.LIST_ISSUES)
          .map(route -> new Target(route, repository, 0));
    }
    int number = number(segments.get(4));
    if (number <= 0) {
      return Optional.empty();
    }
    if (segments.size() == 5) {
      return route(method, "PATCH", Route.EDIT_ISSUE, "GET", Route.GET_ISSUE)
          .map(route -> new Target(route, repository, number));
    }
    if (segments.size() == 6 && segments.get(5).equals("comments")) {
      return route(method, "POST", Route.CREATE_COMMENT, "GET", Route.LIST_COMMENTS)
          .map(route -> new Target(route, repository, number));
    }
    return Optional.empty();
  }

  private static Optional<Route> route(
      String method, String firstMethod, Route first, String secondMethod, Route second) {
    if (method.equals(firstMethod)) {
      return Optional.of(first);
    }
    return method.equals(secondMethod) ? Optional.of(second) : Optional.empty();
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    int start = 1;
    for (int i = 1; i <= path.length(); i++) {
      if (i == path.length() || path.charAt(i) == '/') {
        segments.add(path.substring(start, i));
        start = i + 1;
      }
    }
    return segments;
  }

  private static int number(String text) {
    if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(text);
  }

  private Reply answer(
      HttpExchange exchange,
      Optional<Target> found,
      String method,
      String path,
      String query,
      String body) {
    if (found.isEmpty()) {
      return Reply.error(404, "Not Found");
    }
    Target target = found.get();
    if (!header(exchange, "Accept").equals(ACCEPT)) {
      return Reply.error(
          400, "fake GitHub: Accept must be " + ACCEPT + ", not " + header(exchange, "Accept"));
    }
    if (!header(exchange, "X-GitHub-Api-Version").equals(API_VERSION)) {
      return Reply.error(
          400, "API version " + header(exchange, "X-GitHub-Api-Version") + " is not supported.");
    }
    if (header(exchange, "User-Agent").isEmpty()) {
      return Reply.error(403, "Request forbidden by administrative rules.");
    }
    Deque<Failure> queue = failures.get(target.route());
    Failure failure = queue == null ? null : queue.poll();
    if (failure != null && !(failure instanceof Failure.LostAnswer)) {
      return failed(failure);
    }
    if (!header(exchange, "Authorization").equals("Bearer " + TOKEN)) {
      return Reply.error(401, "Bad credentials");
    }
    String newName = renamed.get(key(target.repository()));
    if (newName != null) {
      return moved(method, path, query, target.repository(), newName);
    }
    FakeRepository repository = repositories.get(key(target.repository()));
    if (repository == null) {
      return Reply.error(404, "Not Found");
    }
    if (!repository.issuesEnabled) {
      return Reply.error(410, "Issues are disabled for this repo");
    }
    Reply reply = carryOut(target, repository, path, query, body);
    if (failure != null) {
      // Carried out, and then the answer was lost on the way back.
      return gatewayPage(502);
    }
    return reply.with("x-ratelimit-limit", "5000").with("x-ratelimit-remaining", "4999");
  }

  private Reply carryOut(
      Target target, FakeRepository repository, String path, String query, String body) {
    if (target.route() == Route.LIST_ISSUES) {
      return listIssues(repository, path, query);
    }
    if (target.route() == Route.CREATE_ISSUE) {
      return createIssue(repository, body);
    }
    Optional<Item> item = repository.item(target.number());
    if (item.isEmpty()) {
      return Reply.error(404, "Not Found");
    }
    if (item.get().deleted) {
      return Reply.error(410, "This issue was deleted");
    }
    return switch (target.route()) {
      case GET_ISSUE -> Reply.json(200, issueJson(repository, item.get()));
      case EDIT_ISSUE -> editIssue(repository, item.get(), body);
      case CREATE_COMMENT -> createComment(repository, item.get(), body);
      case LIST_COMMENTS -> listComments(repository, item.get(), path, query);
      case CREATE_ISSUE, LIST_ISSUES -> throw new AssertionError(target);
    };
  }

  private Reply failed(Failure failure) {
    if (failure instanceof Failure.ServerError server) {
      return server.status() == 502 || server.status() == 504
          ? gatewayPage(server.status())
          : Reply.error(server.status(), "Server Error");
    }
    if (failure instanceof Failure.RateLimited limit) {
      return Reply.error(403, "API rate limit exceeded for user ID 1.")
          .with("x-ratelimit-limit", "5000")
          .with("x-ratelimit-remaining", "0")
          .with("x-ratelimit-used", "5000")
          .with("x-ratelimit-resource", "core")
          .with(
              "x-ratelimit-reset",
              String.valueOf(clock.instant().plus(limit.untilReset()).getEpochSecond()));
    }
    if (failure instanceof Failure.SecondaryRateLimit limit) {
      Reply reply =
          Reply.error(
                  limit.status(),
                  "You have exceeded a secondary rate limit. Please wait a few minutes before"
                      + " you try again.")
              .with("x-ratelimit-remaining", "4990");
      return limit.retryAfterSeconds() < 0
          ? reply
          : reply.with("Retry-After", String.valueOf(limit.retryAfterSeconds()));
    }
    if (failure instanceof Failure.Refused refused) {
      return Reply.error(refused.status(), refused.message());
    }
    if (failure instanceof Failure.ValidationFailed invalid) {
      return validationFailed(invalid.field(), invalid.code(), invalid.value(), null);
    }
    throw new AssertionError("not a failure answered at once: " + failure);
  }

  private static Reply gatewayPage(int status) {
    return new Reply(
        status,
        "text/html; charset=utf-8",
        "<html><body><h1>" + status + " Bad Gateway</h1>Unicorn!</body></html>",
        Map.of());
  }

  private static Reply validationFailed(String field, String code, String value, String message) {
    JsonObject error = new JsonObject();
    error.addProperty("resource", "Issue");
    error.addProperty("code", code);
    error.addProperty("field", field);
    if (value != null) {
      error.addProperty("value", value);
    }
    if (message != null) {
      error.addProperty("message", message);
    }
    JsonArray errors = new JsonArray();
    errors.add(error);
    JsonObject body = new JsonObject();
    body.addProperty("message", "Validation Failed");
    body.add("errors", errors);
    body.addProperty("documentation_url", DOCS);
    body.addProperty("status", "422");
    return Reply.json(422, body);
  }

  private Reply moved(String method, String path, String query, String from, String to) {
    String location =
        apiUrl()
            + "/repos/"
            + to
            + path.substring(("/repos/" + from).length())
            + (query.isEmpty() ? "" : "?" + query);
    JsonObject body = new JsonObject();
    body.addProperty("message", "Moved Permanently");
    body.addProperty("url", location);
    body.addProperty("documentation_url", DOCS);
    return Reply.json(method.equals("GET") ? 301 : 307, body).with("Location", location);
  }

  private Reply createIssue(FakeRepository repository, String body) {
    JsonObject fields;
    try {
      fields = JsonParser.parseString(body).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return Reply.error(400, "Problems parsing JSON");
    }
    String title = text(fields, "title");
    if (title.isBlank()) {
      return validationFailed("title", "missing_field", null, null);
    }
    Optional<Reply> tooLong = tooLong(title, text(fields, "body"));
    if (tooLong.isPresent()) {
      return tooLong.get();
    }
    List<String> labels = new ArrayList<>();
    List<String> assignees = new ArrayList<>();
    if (repository.pushAccess) {
      for (String login : strings(fields.get("assignees"))) {
        if (!login.equalsIgnoreCase(LOGIN)
            && !repository.assignable.contains(login.toLowerCase(Locale.ROOT))) {
          return validationFailed("assignees", "invalid", login, null);
        }
        assignees.add(login);
      }
      strings(fields.get("labels")).forEach(label -> labels.add(repository.label(label)));
    }
    Item item = repository.add(false, LOGIN, title, text(fields, "body"), now());
    item.labels = List.copyOf(labels);
    item.assignees = List.copyOf(assignees);
    return Reply.json(201, issueJson(repository, item))
        .with("Location", apiUrl() + "/repos/" + repository.fullName + "/issues/" + item.number);
  }

  private Reply editIssue(FakeRepository repository, Item item, String body) {
    JsonObject fields;
    try {
      fields = JsonParser.parseString(body).getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return Reply.error(400, "Problems parsing JSON");
    }
    String title = fields.has("title") ? text(fields, "title") : item.title;
    String newBody = fields.has("body") ? text(fields, "body") : item.body;
    Optional<Reply> tooLong = tooLong(title, newBody);
    if (tooLong.isPresent()) {
      return tooLong.get();
    }
    item.title = title;
    item.body = newBody;
    if (fields.has("state")) {
      item.state = text(fields, "state");
    }
    item.updatedAt = now();
    return Reply.json(200, issueJson(repository, item));
  }

  private static Optional<Reply> tooLong(String title, String body) {
    if (title.length() > MAX_TITLE) {
      return Optional.of(
          validationFailed(
              "title", "custom", null, "title is too long (maximum is 256 characters)"));
    }
    if (body.length() > MAX_BODY) {
      return Optional.of(
          validationFailed(
              "body", "custom", null, "body is too long (maximum is 65536 characters)"));
    }
    return Optional.empty();
  }

  private Reply createComment(FakeRepository repository, Item item, String body) {
    String text;
    try {
      text = text(JsonParser.parseString(body).getAsJsonObject(), "body");
    } catch (JsonParseException | IllegalStateException e) {
      return Reply.error(400, "Problems parsing JSON");
    }
    if (text.isBlank()) {
      return validationFailed("body", "missing_field", null, null);
    }
    if (text.length() > MAX_BODY) {
      return validationFailed(
          "body", "custom", null, "body is too long (maximum is 65536 characters)");
    }
    Note note = new Note(nextCommentId++, text, LOGIN, now());
    item.comments.add(note);
    item.updatedAt = note.createdAt;
    return Reply.json(201, commentJson(repository, item, note));
  }

  private Reply listIssues(FakeRepository repository, String path, String query) {
    Map<String, String> params = params(query);
    String state = params.getOrDefault("state", "open");
    List<String> labels = commaSeparated(params.getOrDefault("labels", ""));
    Optional<String> creator = Optional.ofNullable(params.get("creator"));
    Optional<Instant> since = Optional.ofNullable(params.get("since")).map(Instant::parse);
    Comparator<Item> order =
        params.getOrDefault("sort", "created").equals("updated")
            ? Comparator.comparing((Item item) -> item.updatedAt)
            : Comparator.comparing((Item item) -> item.createdAt);
    order = order.thenComparingInt(item -> item.number);
    if (!params.getOrDefault("direction", "desc").equals("asc")) {
      order = order.reversed();
    }
    List<Item> matching =
        repository.items.stream()
            .filter(item -> !item.deleted)
            .filter(item -> state.equals("all") || item.state.equals(state))
            .filter(item -> labels.stream().allMatch(label -> hasLabel(item, label)))
            .filter(item -> creator.map(login -> login.equalsIgnoreCase(item.author)).orElse(true))
            .filter(item -> since.map(at -> !item.updatedAt.isBefore(at)).orElse(true))
            .sorted(order)
            .toList();
    return page(matching, path, query, item -> issueJson(repository, item));
  }

  private Reply listComments(FakeRepository repository, Item item, String path, String query) {
    Map<String, String> params = params(query);
    Optional<Instant> since = Optional.ofNullable(params.get("since")).map(Instant::parse);
    List<Note> matching =
        item.comments.stream()
            .filter(note -> since.map(at -> !note.createdAt.isBefore(at)).orElse(true))
            .toList();
    return page(matching, path, query, note -> commentJson(repository, item, note));
  }

  /** One page of a listing, with GitHub's {@code Link} header to the next and last pages. */
  private <T> Reply page(List<T> all, String path, String query, Function<T, JsonObject> json) {
    Map<String, String> params = params(query);
    int perPage = Math.min(100, Math.max(1, number(params.getOrDefault("per_page", "30"))));
    int page = Math.max(1, number(params.getOrDefault("page", "1")));
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    JsonArray items = new JsonArray();
    all.stream().skip((long) (page - 1) * perPage).limit(perPage).map(json).forEach(items::add);
    Reply reply = Reply.json(200, items);
    if (page < last) {
      reply =
          reply.with(
              "Link",
              "<"
                  + pageUrl(path, query, page + 1)
                  + ">; rel=\"next\", <"
                  + pageUrl(path, query, last)
                  + ">; rel=\"last\"");
    }
    return reply;
  }

  /** The same listing's address, at another page. */
  private String pageUrl(String path, String query, int page) {
    List<String> kept = new ArrayList<>();
    for (String pair : commaSeparatedBy(query, '&')) {
      if (!pair.startsWith("page=")) {
        kept.add(pair);
      }
    }
    kept.add("page=" + page);
    return apiUrl() + path + "?" + String.join("&", kept);
  }

  private static boolean hasLabel(Item item, String label) {
    return item.labels.stream().anyMatch(name -> name.equalsIgnoreCase(label));
  }

  private JsonObject issueJson(FakeRepository repository, Item item) {
    JsonObject json = new JsonObject();
    json.addProperty("id", 100_000L + item.number);
    json.addProperty("number", item.number);
    json.addProperty("url", apiUrl() + "/repos/" + repository.fullName + "/issues/" + item.number);
    json.addProperty(
        "html_url",
        HTML_ROOT + repository.fullName + (item.pullRequest ? "/pull/" : "/issues/") + item.number);
    json.addProperty("title", item.title);
    if (item.body.isEmpty()) {
      json.add("body", JsonNull.INSTANCE);
    } else {
      json.addProperty("body", item.body);
    }
    json.addProperty("state", item.state);
    json.add("user", user(item.author));
    JsonArray labels = new JsonArray();
    for (String label : item.labels) {
      JsonObject object = new JsonObject();
      object.addProperty("name", label);
      object.addProperty("color", "ededed");
      labels.add(object);
    }
    json.add("labels", labels);
    JsonArray assignees = new JsonArray();
    item.assignees.forEach(login -> assignees.add(user(login)));
    json.add("assignees", assignees);
    json.add(
        "assignee", item.assignees.isEmpty() ? JsonNull.INSTANCE : user(item.assignees.get(0)));
    json.addProperty("comments", item.comments.size());
    json.addProperty("created_at", timestamp(item.createdAt));
    json.addProperty("updated_at", timestamp(item.updatedAt));
    if (item.pullRequest) {
      JsonObject pull = new JsonObject();
      pull.addProperty("url", apiUrl() + "/repos/" + repository.fullName + "/pulls/" + item.number);
      json.add("pull_request", pull);
    }
    return json;
  }

  private static JsonObject commentJson(FakeRepository repository, Item item, Note note) {
    JsonObject json = new JsonObject();
    json.addProperty("id", note.id);
    json.addProperty(
        "html_url",
        HTML_ROOT + repository.fullName + "/issues/" + item.number + "#issuecomment-" + note.id);
    json.addProperty("body", note.body);
    json.add("user", user(note.author));
    json.addProperty("created_at", timestamp(note.createdAt));
    json.addProperty("updated_at", timestamp(note.createdAt));
    return json;
  }

  private static JsonObject user(String login) {
    JsonObject user = new JsonObject();
    user.addProperty("login", login);
    user.addProperty("type", login.endsWith("[bot]") ? "Bot" : "User");
    return user;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static String timestamp(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String text(JsonObject fields, String key) {
    JsonElement value = fields.get(key);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  private static List<String> strings(JsonElement value) {
    if (value == null || !value.isJsonArray()) {
      return List.of();
    }
    List<String> strings = new ArrayList<>();
    value.getAsJsonArray().forEach(item -> strings.add(item.getAsString()));
    return strings;
  }

  private static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : commaSeparatedBy(query, '&')) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      params.put(decode(name), decode(value));
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static List<String> commaSeparated(String text) {
    return commaSeparatedBy(text, ',').stream().map(String::strip).toList();
  }

  private static List<String> commaSeparatedBy(String text, char separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == separator) {
        if (i > start) {
          parts.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
    return parts;
  }

  private static void send(HttpExchange exchange, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
