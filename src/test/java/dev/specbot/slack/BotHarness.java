package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.Config;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Reminder;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.FakeSocketMode;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackModel;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.storage.Database;
import dev.specbot.testdb.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The real bot (Jetty, Bolt, a SQLite file) on a free port, talking to a fake Slack Web API on
 * loopback, and a Slack that sends it signed requests. Restartable on the same database, as after a
 * crash.
 */
final class BotHarness implements AutoCloseable {
  static final String SECRET = "test-signing-secret";
  static final String TOKEN = "xoxb-test-token";
  static final String APP_TOKEN = "xapp-1-test-token";
  static final String CHANNEL = "C0SPECS";
  static final String DRAFTER = "U0ALICE";
  static final Duration WAIT = Duration.ofSeconds(10);

  final FakeSlackWebApi slack;
  final ShiftableClock clock = new ShiftableClock();
  private final Path database;
  private final NudgePolicy nudges;
  private final Duration readingDelay;
  private final Optional<Path> templates;
  // Socket Mode's app-level token, when the bot also takes Slack's requests that way.
  private final Optional<String> appToken;
  // The limits the bot paces its calls by: none, as the fake enforces none, unless a test models
  // Slack's.
  private final Config.SlackPace slackPace;
  // Where specs are published as GitHub issues: nowhere unless a test says.
  private final Config.GitHub gitHub;
  private final AtomicInteger sequence = new AtomicInteger();
  private SlackBot bot;
  private final List<SlackBot> twins = new java.util.ArrayList<>();
  private SlackRequests requests;

  BotHarness(Path folder) throws Exception {
    this(folder, NudgePolicy.DEFAULT);
  }

  /** A bot with its own reminder timing, e.g. a nudge a second after the last answer. */
  BotHarness(Path folder, NudgePolicy nudges) throws Exception {
    this(folder, nudges, Duration.ZERO);
  }

  /**
   * A bot that takes replies sent within {@code readingDelay} of a question appearing as more of
   * the previous answer. The other harnesses use none: the fake's ts grow by 100 µs a message, not
   * with time, so a test answering the moment a question arrives would read as a burst.
   */
  BotHarness(Path folder, NudgePolicy nudges, Duration readingDelay) throws Exception {
    this(folder, nudges, readingDelay, Optional.empty());
  }

  /** A bot that also offers the custom templates in {@code templates}. */
  BotHarness(Path folder, Path templates) throws Exception {
    this(folder, NudgePolicy.DEFAULT, Duration.ZERO, Optional.of(templates));
  }

  /**
   * A bot with its own reminder timing that also offers the custom templates in {@code templates}.
   */
  BotHarness(Path folder, NudgePolicy nudges, Path templates) throws Exception {
    this(folder, nudges, Duration.ZERO, Optional.of(templates));
  }

  private BotHarness(
      Path folder, NudgePolicy nudges, Duration readingDelay, Optional<Path> templates)
      throws Exception {
    this(folder, nudges, readingDelay, templates, Optional.empty());
  }

  private BotHarness(
      Path folder,
      NudgePolicy nudges,
      Duration readingDelay,
      Optional<Path> templates,
      Optional<FakeSocketMode> socket)
      throws Exception {
    this(
        folder,
        nudges,
        readingDelay,
        templates,
        socket,
        new FakeSlackWebApi(),
        Config.SlackPace.NONE);
  }

  private BotHarness(
      Path folder,
      NudgePolicy nudges,
      Duration readingDelay,
      Optional<Path> templates,
      Optional<FakeSocketMode> socket,
      FakeSlackWebApi slack,
      Config.SlackPace slackPace)
      throws Exception {
    this(folder, nudges, readingDelay, templates, socket, slack, slackPace, Config.GitHub.NONE);
  }

  private BotHarness(
      Path folder,
      NudgePolicy nudges,
      Duration readingDelay,
      Optional<Path> templates,
      Optional<FakeSocketMode> socket,
      FakeSlackWebApi slack,
      Config.SlackPace slackPace,
      Config.GitHub gitHub)
      throws Exception {
    this.slack = slack;
    this.slackPace = slackPace;
    this.gitHub = gitHub;
    this.database = folder.resolve("data/specbot.db");
    this.nudges = nudges;
    this.readingDelay = readingDelay;
    this.templates = templates;
    this.appToken = socket.map(fake -> APP_TOKEN);
    socket.ifPresent(fake -> slack.useSocketMode(fake.url()));
    startBot();
  }

  /**
   * A bot with an app token and no signing secret, which takes Slack's requests over Socket Mode
   * from {@code socket}; ready once connected to it.
   */
  static BotHarness overSocketMode(Path folder, FakeSocketMode socket) throws Exception {
    return new BotHarness(
        folder, NudgePolicy.DEFAULT, Duration.ZERO, Optional.empty(), Optional.of(socket));
  }

  /**
   * A bot that paces its calls by Slack's published limits, against a fake Slack that answers as
   * {@code model} says (its latency, its limits).
   */
  static BotHarness pacedAgainst(Path folder, SlackModel model) throws Exception {
    return new BotHarness(
        folder,
        NudgePolicy.DEFAULT,
        Duration.ZERO,
        Optional.empty(),
        Optional.empty(),
        new FakeSlackWebApi(model),
        Config.SlackPace.PUBLISHED);
  }

  /** A bot that publishes specs to GitHub as {@code gitHub} says, offering {@code templates}. */
  static BotHarness publishingTo(Path folder, Path templates, Config.GitHub gitHub)
      throws Exception {
    return new BotHarness(
        folder,
        NudgePolicy.DEFAULT,
        Duration.ZERO,
        Optional.of(templates),
        Optional.empty(),
        new FakeSlackWebApi(),
        Config.SlackPace.NONE,
        gitHub);
  }

  void startBot() throws Exception {
    bot = SlackBot.start(config(), clock);
    requests =
        new SlackRequests(
            URI.create("http://127.0.0.1:" + bot.port() + "/slack/events"),
            SECRET,
            Clock.systemUTC());
    awaitCondition(bot::isReady, "the bot to be ready");
  }

  private Config config() {
    return new Config(
            TOKEN,
            appToken.isPresent() ? "" : SECRET,
            0,
            TestDatabases.urlFor(database),
            slack.baseUrl(),
            templates,
            nudges,
            readingDelay,
            appToken,
            slackPace)
        .withGitHub(gitHub);
  }

  /**
   * A second bot on the same database and the same fake Slack, as when a team runs two instances;
   * stopped with the harness.
   */
  SlackBot startTwin() throws Exception {
    SlackBot twin = SlackBot.start(config(), clock);
    twins.add(twin);
    awaitCondition(twin::isReady, "the second bot to be ready");
    return twin;
  }

  /**
   * Stops the bot as a crash would leave it (the database file stays) and starts a new one on it.
   */
  void restart() throws Exception {
    bot.close();
    startBot();
  }

  /** Stops the bot; {@link #startBot()} starts it again on the same database. */
  void stop() {
    bot.close();
  }

  Path databaseFile() {
    return database;
  }

  SlackRequests requests() {
    return requests;
  }

  int port() {
    return bot.port();
  }

  /**
   * Starts an interview with {@code /spec TEMPLATE TITLE}; returns its thread (the parent's ts).
   */
  String start(String templateId, String title) {
    var response =
        requests.slashCommand(
            "/spec", templateId + " " + title, DRAFTER, CHANNEL, "trigger-" + next());
    assertEquals(200, response.status(), response.body());
    RecordedCall parent =
        slack.awaitCall(
            "chat.postMessage",
            call ->
                !call.params().containsKey("thread_ts")
                    && call.params().getOrDefault("text", "").startsWith(title + " - ")
                    && slack.answerTo(call).body().contains("\"ok\":true"),
            WAIT);
    return tsOf(parent);
  }

  /** The ts the fake gave a posted message: the one the bot then uses as its thread. */
  String tsOf(RecordedCall call) {
    return slack.tsOf(call);
  }

  /** The drafter (or anyone) replies in a thread; returns the reply's ts. */
  String reply(String threadTs, String user, String text) {
    return replyTo(requests, threadTs, user, text);
  }

  /** The same, delivered to the bot that {@code to} signs requests for (e.g. a twin). */
  String replyTo(SlackRequests to, String threadTs, String user, String text) {
    // In the fake's thread too, as in Slack, so that a bot reading the thread after a restart
    // finds it.
    String ts = slack.addUserMessage(CHANNEL, threadTs, user, text);
    var response = to.threadReply("Ev" + next(), CHANNEL, threadTs, user, text, ts);
    assertEquals(200, response.status(), response.body());
    return ts;
  }

  /** Signed requests for the {@code index}th twin, as a load balancer would send it some. */
  SlackRequests twinRequests(int index) {
    return new SlackRequests(
        URI.create("http://127.0.0.1:" + twins.get(index).port() + "/slack/events"),
        SECRET,
        Clock.systemUTC());
  }

  /**
   * Waits until question {@code number} is posted in the thread and the bot has everything it
   * queued sent, as a person sees the question before answering; returns that message.
   */
  RecordedCall awaitQuestion(String threadTs, int number) {
    RecordedCall question =
        slack.awaitCall(
            "chat.postMessage",
            call ->
                threadTs.equals(call.params().get("thread_ts"))
                    && call.params()
                        .getOrDefault("text", "")
                        .startsWith("Question " + number + " of "),
            WAIT);
    // Edits of the parent message wait up to a second to be merged; the thread does not wait.
    awaitCondition(() -> pendingThreadMessages() == 0, "the bot's messages to be sent");
    return question;
  }

  /**
   * Moves the bot's clock on once everything queued is sent: a message in flight whose lease ran
   * out under a jump of days would be sent again, as after a real stall that long.
   */
  void advanceClockTo(Instant moment) {
    awaitCondition(() -> pendingMessages() == 0, "the bot's messages to be sent");
    clock.advanceTo(moment);
  }

  void advanceClock(Duration by) {
    awaitCondition(() -> pendingMessages() == 0, "the bot's messages to be sent");
    clock.advance(by);
  }

  /** Whether a queued message has had a send attempt fail, and none is under way. */
  boolean hasFailedAttempt() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(database));
        var count =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT COUNT(*) FROM outbox"
                        + " WHERE status = 'PENDING' AND attempts >= 1 AND claims <= attempts")) {
      return count.next() && count.getLong(1) > 0;
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }

  /** How many messages the bot has queued and not yet sent, counted as an operator would. */
  long pendingMessages() {
    return countOutbox("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'");
  }

  /** The same, without edits of parent messages and homes (which have lanes of their own). */
  long pendingThreadMessages() {
    return countOutbox(
        "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND lane NOT LIKE 'parent:%'"
            + " AND lane NOT LIKE 'home:%'");
  }

  private long countOutbox(String query) {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(database));
        var count = connection.createStatement().executeQuery(query)) {
      count.next();
      return count.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }

  /** Waits for an uploaded file with this name whose content contains {@code fragment}. */
  String awaitFile(String name, String fragment) {
    awaitCondition(
        () -> uploadedText(name).filter(text -> text.contains(fragment)).isPresent(),
        name + " containing " + fragment);
    return uploadedText(name).orElseThrow();
  }

  /** The text of the last file uploaded with this name, if any. */
  Optional<String> uploadedText(String name) {
    return slack
        .uploadedFileTitled(name)
        .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Waits for a message in the thread whose text contains {@code fragment}. */
  RecordedCall awaitInThread(String threadTs, String fragment) {
    return slack.awaitCall(
        "chat.postMessage",
        call ->
            threadTs.equals(call.params().get("thread_ts"))
                && call.param("text").contains(fragment),
        WAIT);
  }

  /** Waits for a private message to {@code userId} whose text contains {@code fragment}. */
  RecordedCall awaitDirect(String userId, String fragment) {
    return slack.awaitCall(
        "chat.postMessage",
        call -> userId.equals(call.param("channel")) && call.param("text").contains(fragment),
        WAIT);
  }

  /** The messages posted in the thread so far whose text contains {@code fragment}. */
  List<RecordedCall> postedInThread(String threadTs, String fragment) {
    return slack.calls("chat.postMessage").stream()
        .filter(
            call ->
                threadTs.equals(call.params().get("thread_ts"))
                    && call.param("text").contains(fragment))
        .toList();
  }

  /** The reminders still to fire, read from the bot's database as an operator would. */
  List<Reminder> pendingReminders() {
    try (Database open = Database.open(TestDatabases.urlFor(database))) {
      return open.transaction(
          tx ->
              tx.interviews().listByDrafter(DRAFTER).stream()
                  .flatMap(stored -> tx.reminders().pending(stored.interview().id()).stream())
                  .toList());
    }
  }

  long postsInThread(String threadTs) {
    return slack.calls("chat.postMessage").stream()
        .filter(call -> threadTs.equals(call.params().get("thread_ts")))
        .count();
  }

  int healthStatus() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  /** {@code GET /metrics}, as Prometheus scrapes it. */
  HttpResponse<String> metrics() throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /** {@code GET /metrics}, read. */
  MetricsPage metricsPage() throws Exception {
    return new MetricsPage(metrics().body());
  }

  private int next() {
    return sequence.incrementAndGet();
  }

  /** The value of the button with this action id in a posted message's blocks. */
  static String actionValue(RecordedCall message, String actionId) {
    for (JsonElement block : JsonParser.parseString(message.jsonParam("blocks")).getAsJsonArray()) {
      JsonObject object = block.getAsJsonObject();
      if (object.has("elements")) {
        for (JsonElement element : object.getAsJsonArray("elements")) {
          JsonObject button = element.getAsJsonObject();
          if (button.has("action_id") && actionId.equals(button.get("action_id").getAsString())) {
            return button.get("value").getAsString();
          }
        }
      }
    }
    throw new AssertionError("no " + actionId + " in " + message.jsonParam("blocks"));
  }

  /** Waits for a condition (polling briefly); fails with what it was waiting for. */
  static void awaitCondition(BooleanSupplier condition, String what) {
    Instant deadline = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  @Override
  public void close() {
    twins.forEach(SlackBot::close);
    bot.close();
    slack.close();
  }
}
