package dev.specbot.slack.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A Slack Web API on loopback for end-to-end tests: it answers the methods specbot calls the way
 * Slack does, records every call, fails on demand, and lets a test wait for a call instead of
 * sleeping.
 */
public final class FakeSlackWebApi implements AutoCloseable {
  /** The fake workspace's team. */
  public static final String TEAM_ID = "T0EXAMPLE";

  /** The fake workspace's domain, as in {@code https://example.slack.com}. */
  public static final String TEAM_DOMAIN = "example";

  /** The bot user the token belongs to: the author of every message the app posts. */
  public static final String BOT_USER_ID = "U0SPECBOT";

  /** The bot's id, as in a posted message's {@code bot_id}. */
  public static final String BOT_ID = "B0SPECBOT";

  /** The app's id, as in a request's {@code api_app_id}. */
  public static final String APP_ID = "A0SPECBOT";

  private static final String API = "/api/";
  private static final String UPLOAD = "/upload/";
  private static final String JSON = "application/json; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final Gson JSONL = new GsonBuilder().disableHtmlEscaping().create();
  private static final AtomicInteger SERVERS = new AtomicInteger();

  static {
    // The JDK's HttpServer writes headers and body apart; with Nagle's algorithm on, each answer
    // then waits ~40 ms for a delayed ACK, a stall Slack's real servers do not have.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** Guards everything below, the call log and the canned answers' workspace state. */
  private final ReentrantLock lock = new ReentrantLock();

  private final CallLog log = new CallLog(lock);
  private final Map<String, Deque<Failure>> failures = new HashMap<>();
  private final CannedAnswers canned;
  private final FakeCanvases canvases = new FakeCanvases();
  private CountDownLatch delaysReleased = new CountDownLatch(1);
  private final List<BiConsumer<RecordedCall, Answer>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Arrival>> arrivalListeners = new CopyOnWriteArrayList<>();
  private volatile boolean recordingCalls = true;

  /** The workspace's rate limits and latency; instant and unlimited unless a model was given. */
  private final ModelledSlack slack;

  /** When each call arrived, on the model's clock, by method; guarded by {@link #lock}. */
  private final Map<String, List<Long>> arrivals = new HashMap<>();

  private final Map<String, AtomicInteger> rateLimited = new ConcurrentHashMap<>();

  /** Cuts the modelled latency short when the fake closes. */
  private final CountDownLatch closed = new CountDownLatch(1);

  private final ExecutorService executor;
  private final int port;
  private final Object listening = new Object();
  private HttpServer server;

  /** What the fake answered one call. */
  public record Answer(int status, String body) {}

  /**
   * One call, what the fake answered it, and when it arrived on the model's clock (see {@link
   * #nanoTime()}): the moment it took effect, if it was admitted.
   */
  public record Arrival(RecordedCall call, Answer answer, long nanoTime) {}

  private record Reply(
      int status, String contentType, String body, Map<String, String> headers, Duration delay) {
    static Reply json(int status, JsonObject body) {
      return new Reply(status, JSON, body.toString(), Map.of(), Duration.ZERO);
    }

    static Reply text(int status, String body) {
      return new Reply(status, TEXT, body, Map.of(), Duration.ZERO);
    }

    /** What Slack answers a call over its rate limit; the call is not performed. */
    static Reply rateLimited(int retryAfterSeconds) {
      return new Reply(
          429,
          JSON,
          SlackObjects.error("ratelimited").toString(),
          Map.of("Retry-After", String.valueOf(retryAfterSeconds)),
          Duration.ZERO);
    }
  }

  /** Starts listening on a free port of 127.0.0.1. */
  public FakeSlackWebApi() {
    this(Clock.systemUTC());
  }

  /** Starts listening; {@code clock} sets "now" for answers that depend on it (tz_offset). */
  public FakeSlackWebApi(Clock clock) {
    this(clock, SlackModel.instant());
  }

  /**
   * Starts listening; each call takes the time {@code model} says and is refused with HTTP 429 when
   * it exceeds the model's rate limits (see {@link SlackModel#realistic()}).
   */
  public FakeSlackWebApi(SlackModel model) {
    this(Clock.systemUTC(), model);
  }

  /** Starts listening, with {@code clock} for answers and {@code model} for timing and limits. */
  public FakeSlackWebApi(Clock clock, SlackModel model) {
    this.slack = Objects.requireNonNull(model, "null model").start();
    String name = "fake-slack-" + SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    // Unbounded, so that calls the model makes slow do not queue behind each other.
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, name + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    HttpServer bound = bind(0);
    this.port = bound.getAddress().getPort();
    this.canned =
        new CannedAnswers(
            Objects.requireNonNull(clock, "null clock"), "http://127.0.0.1:" + port + UPLOAD);
    bound.start();
    this.server = bound;
  }

  /** The Web API root, with the trailing slash the Slack client's URL prefix needs. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port + API;
  }

  /** Makes apps.connections.open hand out this Socket Mode URL (see {@link FakeSocketMode}). */
  public void useSocketMode(String url) {
    lock.lock();
    try {
      canned.useSocketMode(url);
    } finally {
      lock.unlock();
    }
  }

  /** Makes users.info describe this user; other ids get {@link FakeUser#of(String)}. */
  public void addUser(FakeUser user) {
    lock.lock();
    try {
      canned.addUser(user);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Adds a message a person wrote (in a thread, or in the channel if {@code threadTs} is null), for
   * conversations.replies to return; gives its ts, which sorts after every ts the fake gave before.
   */
  public String addUserMessage(String channel, String threadTs, String user, String text) {
    lock.lock();
    try {
      canned.stampAt(slack.stampMicros(slack.now()));
      return canned.addUserMessage(channel, threadTs, user, text);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves Slack's clock on: the next ts the fake gives is {@code later} after the last one, as when
   * a person writes a while after the last message (the fake's ts otherwise grow by 100 µs).
   */
  public void advanceTs(Duration later) {
    lock.lock();
    try {
      canned.advanceTs(later);
    } finally {
      lock.unlock();
    }
  }

  /** The texts of the messages Slack holds in a thread (its parent first), as a reader sees it. */
  public List<String> messagesInThread(String channel, String threadTs) {
    lock.lock();
    try {
      return canned.messages().thread(channel, threadTs).stream()
          .map(Messages.Message::text)
          .toList();
    } finally {
      lock.unlock();
    }
  }

  /** Makes the next {@code times} calls of {@code method} fail this way, then answers normally. */
  public void failNext(String method, int times, Failure failure) {
    Objects.requireNonNull(failure, "null failure");
    lock.lock();
    try {
      Deque<Failure> queue = failures.computeIfAbsent(method, m -> new ArrayDeque<>());
      for (int i = 0; i < times; i++) {
        queue.add(failure);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops listening, so that clients get "connection refused" as when Slack is unreachable; {@code
   * false} listens on the same port again.
   */
  public void refuseConnections(boolean refuse) {
    synchronized (listening) {
      if (refuse && server != null) {
        server.stop(0);
        server = null;
      } else if (!refuse && server == null) {
        server = bind(port);
        server.start();
      }
    }
  }

  /**
   * Hands {@code listener} every call from now on, with its answer, on the thread that answers it:
   * for the load benchmark, whose hundreds of waits a second cannot each search the whole log.
   */
  public void onEachCall(BiConsumer<RecordedCall, Answer> listener) {
    listeners.add(Objects.requireNonNull(listener, "null listener"));
  }

  /**
   * Hands {@code listener} every call from now on with its answer and its arrival time, on the
   * thread that answers it: for measures of when what the bot sent took effect (when a parent
   * message's line changed, say), which need no log of every call.
   */
  public void onEachArrival(Consumer<Arrival> listener) {
    arrivalListeners.add(Objects.requireNonNull(listener, "null listener"));
  }

  /**
   * Keeps no log of calls from now on, for load runs: tens of thousands of calls with their bodies
   * fill the heap of the JVM that runs the fake, which then spends more and more of the machine
   * collecting garbage, and the fake answers slower as the run goes on. Listeners still see every
   * call; what reads the log fails.
   */
  public void stopRecordingCalls() {
    recordingCalls = false;
    lock.lock();
    try {
      log.clear();
    } finally {
      lock.unlock();
    }
  }

  /** How many calls of {@code method} the fake refused with 429 under its model's rate limits. */
  public int rateLimitedCount(String method) {
    AtomicInteger count = rateLimited.get(method);
    return count == null ? 0 : count.get();
  }

  /** How many calls of any method the fake refused with 429 under its model's rate limits. */
  public int totalRateLimited() {
    return rateLimited.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /**
   * When each call of {@code method} reached the fake (refused ones too), oldest first, on the
   * model's clock: compare with {@link #nanoTime()}. Kept even after {@link #stopRecordingCalls()}.
   */
  public List<Long> arrivals(String method) {
    lock.lock();
    try {
      return List.copyOf(arrivals.getOrDefault(method, List.of()));
    } finally {
      lock.unlock();
    }
  }

  /** Now on the model's clock, in nanoseconds (as {@link System#nanoTime()} unless injected). */
  public long nanoTime() {
    return slack.now();
  }

  /** Every call so far, oldest first. */
  public List<RecordedCall> calls() {
    return recorded().all();
  }

  /** The calls of one method so far, oldest first. */
  public List<RecordedCall> calls(String method) {
    return recorded().of(method);
  }

  /**
   * Waits for the first call of {@code method} that matches (it may have come already).
   *
   * @throws AssertionError on timeout, listing the calls received so far
   */
  public RecordedCall awaitCall(String method, Predicate<RecordedCall> match, Duration timeout) {
    return recorded().awaitCall(method, match, timeout);
  }

  /**
   * Waits until {@code method} was called {@code count} times; gives the first {@code count}.
   *
   * @throws AssertionError on timeout, listing the calls received so far
   */
  public List<RecordedCall> awaitCalls(String method, int count, Duration timeout) {
    return recorded().awaitCalls(method, count, timeout);
  }

  /** What the fake answered this call, which must be one of {@link #calls()}. */
  public Answer answerTo(RecordedCall call) {
    return recorded().answerTo(call);
  }

  private CallLog recorded() {
    if (!recordingCalls) {
      throw new IllegalStateException("this fake keeps no log of calls (stopRecordingCalls)");
    }
    return log;
  }

  /**
   * Forgets a thread's messages, for load runs once a thread was checked: conversations.replies and
   * {@link #messagesInThread} no longer find them.
   */
  public void forgetThread(String channel, String threadTs) {
    lock.lock();
    try {
      canned.messages().forget(channel, threadTs);
    } finally {
      lock.unlock();
    }
  }

  /** The ts the fake gave the message a call posted ({@code ts}, or {@code message_ts}). */
  public String tsOf(RecordedCall call) {
    JsonObject answer = JsonParser.parseString(answerTo(call).body()).getAsJsonObject();
    JsonElement ts = answer.has("ts") ? answer.get("ts") : answer.get("message_ts");
    if (ts == null) {
      throw new AssertionError("no ts in the answer to " + call.summary() + ": " + answer);
    }
    return ts.getAsString();
  }

  /** The bytes uploaded for a file id that files.getUploadURLExternal handed out. */
  public byte[] uploadedFile(String fileId) {
    lock.lock();
    try {
      return canned
          .uploads()
          .content(fileId)
          .orElseThrow(
              () ->
                  new AssertionError(
                      "nothing uploaded as " + fileId + "; uploaded: " + uploadsLocked().keySet()));
    } finally {
      lock.unlock();
    }
  }

  /** The bytes of the last file completed with this title, if any. */
  public Optional<byte[]> uploadedFileTitled(String title) {
    lock.lock();
    try {
      return canned.uploads().titled(title);
    } finally {
      lock.unlock();
    }
  }

  /** The bytes of the one file uploaded; fails unless exactly one was. */
  public byte[] onlyUploadedFile() {
    Map<String, byte[]> uploads = uploads();
    if (uploads.size() != 1) {
      throw new AssertionError(uploads.size() + " files uploaded, expected 1: " + uploads.keySet());
    }
    return uploads.values().iterator().next();
  }

  /** Every uploaded file's bytes by file id, in upload order. */
  public Map<String, byte[]> uploads() {
    lock.lock();
    try {
      return uploadsLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Every file shared so far (a file shared twice is here twice), oldest first. */
  public List<FileShare> fileShares() {
    lock.lock();
    try {
      return canned.uploads().shares();
    } finally {
      lock.unlock();
    }
  }

  /**
   * From now on uploads are completed at once but shared only at {@link #releaseHeldShares()}:
   * Slack shares a file asynchronously, a moment after files.completeUploadExternal answered, and
   * files.info shows no share until then.
   */
  public void holdShares() {
    lock.lock();
    try {
      canned.uploads().holdShares();
    } finally {
      lock.unlock();
    }
  }

  /** Makes the held shares now, and shares at once again from now on. */
  public void releaseHeldShares() {
    stopHoldingShares(true);
  }

  /**
   * Never makes the held shares, as Slack sometimes answers files.completeUploadExternal with ok
   * and shares nothing; shares at once again from now on.
   */
  public void dropHeldShares() {
    stopHoldingShares(false);
  }

  private void stopHoldingShares(boolean releaseHeld) {
    lock.lock();
    try {
      canned.uploads().stopHoldingShares(releaseHeld);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Forgets an upload that was not completed, as Slack discards one after a while: files.info and
   * files.completeUploadExternal then answer file_not_found.
   */
  public void discardUpload(String fileId) {
    lock.lock();
    try {
      canned.uploads().discard(fileId);
    } finally {
      lock.unlock();
    }
  }

  /** Someone deleted a file: files.info answers file_deleted. */
  public void deleteFile(String fileId) {
    lock.lock();
    try {
      canned.uploads().delete(fileId);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Makes every canvases method (and conversations.canvases.create) answer {@code error} from now
   * on, as Slack does for an app without the scope ({@code missing_scope}, with what was needed) or
   * a workspace whose plan has no canvases ({@code not_allowed_on_free_teams}, say).
   */
  public void refuseCanvases(String error) {
    Objects.requireNonNull(error, "null error");
    lock.lock();
    try {
      canvases.refuse(error);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Answers canvases as on a free plan, as Slack's errors describe it: canvases.create without a
   * channel_id is refused with {@code free_teams_cannot_create_non_tabbed_canvases} (with one, the
   * canvas is tabbed in that channel), and editing a standalone canvas with {@code
   * free_teams_cannot_edit_standalone_canvases}.
   */
  public void canvasesAsOnAFreePlan() {
    lock.lock();
    try {
      canvases.freePlan();
    } finally {
      lock.unlock();
    }
  }

  /** Answers canvases normally again, after {@link #refuseCanvases} or a free plan. */
  public void allowCanvases() {
    lock.lock();
    try {
      canvases.allow();
    } finally {
      lock.unlock();
    }
  }

  /** Every canvas made so far and not deleted, in the order made, as it is now. */
  public List<FakeCanvas> canvases() {
    lock.lock();
    try {
      return canvases.all();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The canvas with this id as it is now: its title, markdown, how many edits, who has access.
   *
   * @throws AssertionError when there is none, listing the canvases there are
   */
  public FakeCanvas canvas(String canvasId) {
    lock.lock();
    try {
      return canvases
          .canvas(canvasId)
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no canvas "
                          + canvasId
                          + "; canvases: "
                          + canvases.all().stream().map(FakeCanvas::id).toList()));
    } finally {
      lock.unlock();
    }
  }

  /** The markdown of the canvas with this id now; see {@link #canvas(String)}. */
  public String canvasMarkdown(String canvasId) {
    return canvas(canvasId).markdown();
  }

  /** The title of the canvas with this id now; see {@link #canvas(String)}. */
  public String canvasTitle(String canvasId) {
    return canvas(canvasId).title();
  }

  /** How many canvases.edit calls changed the canvas with this id; see {@link #canvas(String)}. */
  public int canvasEdits(String canvasId) {
    return canvas(canvasId).edits();
  }

  /** The texts of the ephemeral messages Slack showed {@code user}, oldest first. */
  public List<String> ephemeralsShownTo(String user) {
    lock.lock();
    try {
      return canned.ephemeralsShownTo(user);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes every call as one JSON line {@code {"method","contentType","authorization","body"}}, the
   * form {@code slack-check webapi-jsonl} validates.
   */
  public void writeJsonl(Path file) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (RecordedCall call : calls()) {
      JsonObject line = new JsonObject();
      line.addProperty("method", call.method());
      line.addProperty("contentType", call.contentType());
      line.addProperty("authorization", call.authorization());
      line.addProperty("body", call.body());
      lines.append(JSONL.toJson(line)).append('\n');
    }
    Files.writeString(file, lines.toString(), StandardCharsets.UTF_8);
  }

  /** Forgets calls, failures, users, messages and files, and listens again if it was refusing. */
  public void reset() {
    lock.lock();
    try {
      log.clear();
      failures.clear();
      canned.clear();
      canvases.clear();
      arrivals.clear();
    } finally {
      lock.unlock();
    }
    rateLimited.clear();
    slack.reset();
    // A delayed answer from before the reset would otherwise arrive in the next test.
    releaseDelayed();
    refuseConnections(false);
  }

  /** Sends the answers held back by {@link Failure#delayed(Duration)} now. */
  public void releaseDelayed() {
    lock.lock();
    try {
      delaysReleased.countDown();
      delaysReleased = new CountDownLatch(1);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      delaysReleased.countDown();
    } finally {
      lock.unlock();
    }
    closed.countDown();
    refuseConnections(true);
    executor.shutdownNow();
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

  private Map<String, byte[]> uploadsLocked() {
    return canned.uploads().all();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith(API)) {
        api(exchange, path.substring(API.length()));
      } else if (path.startsWith(UPLOAD)) {
        upload(exchange, path.substring(UPLOAD.length()));
      } else {
        send(exchange, Reply.text(404, "no such endpoint: " + path));
      }
    } catch (RuntimeException e) {
      // A bug in the fake must not pass for a Slack outage: say so in the answer the bot logs.
      send(exchange, Reply.text(500, "the fake Slack failed: " + e));
    } finally {
      exchange.close();
    }
  }

  private void api(HttpExchange exchange, String method) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String contentType = header(exchange, "Content-Type");
    Map<String, String> params;
    boolean invalidJson = false;
    try {
      params = Params.of(contentType, body, exchange.getRequestURI().getRawQuery());
    } catch (IllegalArgumentException e) {
      params = Map.of();
      invalidJson = true;
    }
    RecordedCall call =
        new RecordedCall(method, contentType, header(exchange, "Authorization"), body, params);
    long arrival = slack.now();
    Reply reply;
    Answer answer;
    CountDownLatch release;
    lock.lock();
    try {
      arrivals.computeIfAbsent(method, m -> new ArrayList<>()).add(arrival);
      // Slack refuses a call over its limit before doing anything: no failure is used up either.
      OptionalInt retryAfter = slack.admit(method, call.param("channel"), arrival);
      if (retryAfter.isPresent()) {
        rateLimited.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
        reply = Reply.rateLimited(retryAfter.getAsInt());
      } else {
        canned.stampAt(slack.stampMicros(arrival));
        reply = reply(call, nextFailure(method), invalidJson);
      }
      answer = new Answer(reply.status(), reply.body());
      if (recordingCalls) {
        log.record(call, answer);
      }
      release = delaysReleased;
    } finally {
      lock.unlock();
    }
    listeners.forEach(listener -> listener.accept(call, answer));
    if (!arrivalListeners.isEmpty()) {
      Arrival arrived = new Arrival(call, answer, arrival);
      arrivalListeners.forEach(listener -> listener.accept(arrived));
    }
    if (!reply.delay().isZero()) {
      awaitRelease(release, reply.delay());
    }
    // The call took effect on arrival; only its answer is late, as when Slack's answer travels.
    Duration latency = slack.latency();
    if (!latency.isZero()) {
      awaitRelease(closed, latency);
    }
    send(exchange, reply);
  }

  private Failure nextFailure(String method) {
    Deque<Failure> queue = failures.get(method);
    return queue == null ? null : queue.poll();
  }

  private Reply reply(RecordedCall call, Failure failure, boolean invalidJson) {
    if (failure instanceof Failure.RateLimited limited) {
      return Reply.rateLimited(limited.retryAfterSeconds());
    }
    if (failure instanceof Failure.HttpStatus status) {
      String error = status.status() == 503 ? "service_unavailable" : "fatal_error";
      return Reply.json(status.status(), SlackObjects.error(error));
    }
    if (failure instanceof Failure.SlackError slackError) {
      return Reply.json(200, SlackObjects.error(slackError.error()));
    }
    if (failure instanceof Failure.LostAnswer) {
      answer(call);
      return Reply.json(504, SlackObjects.error("fatal_error"));
    }
    JsonObject answer;
    if (invalidJson) {
      answer = SlackObjects.error("invalid_json");
    } else if (!authenticated(call)) {
      answer = SlackObjects.error("not_authed");
    } else if (call.method().equals("apps.connections.open") && !byAppToken(call)) {
      answer = SlackObjects.error("not_allowed_token_type");
    } else {
      answer = answer(call);
    }
    Duration delay = failure instanceof Failure.Delayed delayed ? delayed.delay() : Duration.ZERO;
    return new Reply(200, JSON, answer.toString(), Map.of(), delay);
  }

  /** What Slack answers a call that gets through: canvases by their own state, the rest canned. */
  private JsonObject answer(RecordedCall call) {
    if (call.method().equals("files.list")) {
      return canvases.list(call.params());
    }
    return FakeCanvases.handles(call.method())
        ? canvases.answer(call.method(), call.params())
        : canned.answer(call.method(), call.params());
  }

  /** Slack wants the token as a Bearer header, or as a form field (never inside a JSON body). */
  private static boolean authenticated(RecordedCall call) {
    if (call.authorization().startsWith("Bearer ") && call.authorization().length() > 7) {
      return true;
    }
    return !Params.isJson(call.contentType()) && !call.param("token").isEmpty();
  }

  /** apps.connections.open takes an app-level token only, as Slack's does. */
  private static boolean byAppToken(RecordedCall call) {
    return call.authorization().startsWith("Bearer xapp-")
        || call.param("token").startsWith("xapp-");
  }

  private void upload(HttpExchange exchange, String fileId) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String contentType = header(exchange, "Content-Type");
    byte[] content =
        Multipart.isMultipart(contentType)
            ? Multipart.firstPart(body, contentType).orElse(body)
            : body;
    boolean reserved;
    lock.lock();
    try {
      reserved = canned.uploads().isReserved(fileId);
      if (reserved) {
        canned.uploads().store(fileId, content);
      }
    } finally {
      lock.unlock();
    }
    send(
        exchange,
        reserved
            ? Reply.text(200, "OK - " + content.length)
            : Reply.text(404, "no upload URL was handed out for " + fileId));
  }

  private static void awaitRelease(CountDownLatch release, Duration delay) {
    try {
      // Not a test sleep: this is the fake being slow on purpose; close() and reset() cut it short.
      release.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static void send(HttpExchange exchange, Reply reply) {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    reply.headers().forEach(exchange.getResponseHeaders()::set);
    try {
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // The client is gone (it timed out, or the fake stopped listening): nobody to answer.
    }
  }
}
