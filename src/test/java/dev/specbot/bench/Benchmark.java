package dev.specbot.bench;

import dev.specbot.slack.BotProcess;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The load benchmark: the real bot (its own JVM, Jetty, Bolt, a SQLite file) against the fake Slack
 * Web API, driven by simulated users with requests signed as Slack signs them, side by side with a
 * bare Bolt app that only acknowledges. Writes {@code docs/benchmarks.md}.
 */
public final class Benchmark {
  static final String SECRET = "benchmark-signing-secret";
  static final String TOKEN = "xoxb-benchmark";
  static final String CHANNEL = "C0BENCH";
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();

  /** How big a run is; each from a system property. */
  record Settings(int users, int rounds, int history, int inProgress) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("bench.users", 50),
          Integer.getInteger("bench.rounds", 8),
          Integer.getInteger("bench.history", 10_000),
          Integer.getInteger("bench.inProgress", 1_000));
    }
  }

  /** Replies each user sends back to back at saturation: one per question of the template. */
  static final int SATURATION_REPLIES = TEMPLATE.questions().size();

  /**
   * Warming up goes on until the JIT compilers use less than this share of a core: it takes HotSpot
   * tens of seconds of traffic to compile this much code (Jetty, Bolt, Gson, OkHttp, Jdbi, SQLite).
   */
  private static final double SETTLED_COMPILER_SHARE = 0.20;

  /** The longest warm-up of one bot; bots warming up in turns may take this long each. */
  private static final Duration LONGEST_WARM_UP = Duration.ofSeconds(90);

  /** Rounds of unmeasured work before measuring the bare app, whose code is far smaller. */
  private static final int BASELINE_WARM_UP_ROUNDS = 3;

  private static final String BARE_APP = "dev.specbot.bench.BareBoltApp";

  private static final String POSTING_APP = "dev.specbot.bench.PostingBoltApp";

  private final Settings settings;
  private final Path work;
  private final Report report = new Report();
  private int launches;

  Benchmark(Settings settings, Path work) {
    this.settings = settings;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    Path work = Files.createTempDirectory("specbot-bench");
    Report report;
    try {
      report = new Benchmark(Settings.fromSystemProperties(), work).run();
    } finally {
      deleteTree(work); // Its databases take tens of megabytes a run.
    }
    Path out = Path.of("docs", "benchmarks.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.markdown());
    if (!report.problems().isEmpty()) {
      throw new AssertionError("lost, duplicated or failed messages: " + report.problems());
    }
  }

  Report run() throws Exception {
    report.settings(settings);
    try (FakeSlackWebApi slack = new FakeSlackWebApi()) {
      // The driver's index and checks need no log of every call, which would grow all run long.
      slack.stopRecordingCalls();
      Arrivals arrivals = Arrivals.of(slack);
      baseline(slack, arrivals);
      slack.reset();
      arrivals.clear();
      specbot(slack, arrivals);
      slack.reset();
      archivedStartups(slack);
      slack.reset();
      arrivals.clear();
      memory(slack, arrivals, work.resolve("memory/specbot.db"));
    }
    return report;
  }

  /**
   * The bare Bolt app: its start-up and its acks of a burst of {@code /spec}. Its saturation is
   * measured later, in turns with specbot's ({@link #measureInTurns}).
   */
  private void baseline(FakeSlackWebApi slack, Arrivals arrivals) throws Exception {
    report.baselineStartup(startups(BARE_APP, slack, () -> work.resolve("bare.db")));
    try (BotProcess bare = launch(BARE_APP, slack, work.resolve("bare.db"))) {
      bare.awaitReady("/healthz");
      Driver driver = new Driver(requestsFor(bare), slack, arrivals);
      driver.warmUp();
      for (int round = 0; round < BASELINE_WARM_UP_ROUNDS; round++) {
        var unused = driver.slashCommandBurst(settings.users());
      }
      report.baselineSlashCommands(driver.slashCommandBurst(settings.users()));
    }
  }

  /**
   * A baseline app, warmed up for saturation rounds taken in turns with specbot's, by rounds of its
   * own kind: the posting app's end once every answer reached the fake, so that no answer left
   * unawaited answers for the same thread in a later round.
   */
  private Driver warmedForSaturation(
      BotProcess app, FakeSlackWebApi slack, Arrivals arrivals, BaselineRound round)
      throws Exception {
    app.awaitReady("/healthz");
    Driver driver = new Driver(requestsFor(app), slack, arrivals);
    driver.warmUp();
    for (int warm = 0; warm < BASELINE_WARM_UP_ROUNDS; warm++) {
      var unused = round.run(driver, "warm-" + warm);
    }
    return driver;
  }

  /** A saturation round of a baseline app. */
  @FunctionalInterface
  private interface BaselineRound {
    Driver.Saturation run(Driver driver, String name) throws Exception;
  }

  /** A saturation round of the bare app: until the last ack. */
  private Driver.Saturation bareRound(Driver bare, String name) throws Exception {
    return bare.saturate(baseUsers(name, "1700000000"), SATURATION_REPLIES, () -> {});
  }

  /** A saturation round of the posting app: until each reply's answer reached the fake. */
  private Driver.Saturation postingRound(Driver posting, String name) throws Exception {
    List<Driver.Started> users = baseUsers(name, "1710000000");
    return posting.saturate(
        users, SATURATION_REPLIES, () -> posting.awaitAnswered(users, SATURATION_REPLIES));
  }

  /**
   * Users of a baseline app, in threads {@code seconds.000000} on, the same in every round: it
   * keeps nothing, so any thread will do.
   */
  private List<Driver.Started> baseUsers(String round, String seconds) {
    List<Driver.Started> users = new ArrayList<>();
    for (int user = 0; user < settings.users(); user++) {
      users.add(
          new Driver.Started(
              String.format("%s.%06d", seconds, user), "U0BASE-" + round + "-" + user));
    }
    return users;
  }

  /**
   * specbot twice, side by side: one bot on an empty database and one on a database that is then
   * given the history, both warmed up and measured in turns, round by round, so that a machine that
   * slows down or speeds up during the run weighs on both alike and only the history differs.
   * Start-up is timed on fresh starts before, and on the grown database after.
   */
  private void specbot(FakeSlackWebApi slack, Arrivals arrivals) throws Exception {
    report.startup(
        startups(
            "dev.specbot.Main", slack, () -> work.resolve("startup-" + launches + "/specbot.db")));
    Path emptyDatabase = work.resolve("specbot/specbot.db");
    Path grownDatabase = work.resolve("history/specbot.db");
    try (BotProcess emptyProcess = launch("dev.specbot.Main", slack, emptyDatabase);
        BotProcess grownProcess = launch("dev.specbot.Main", slack, grownDatabase);
        BotProcess bare = launch(BARE_APP, slack, work.resolve("bare-beside.db"));
        BotProcess posting = launch(POSTING_APP, slack, work.resolve("posting.db"))) {
      emptyProcess.awaitReady("/healthz");
      grownProcess.awaitReady("/healthz");
      Bot empty = new Bot(emptyProcess, slack, arrivals, emptyDatabase);
      Bot grown = new Bot(grownProcess, slack, arrivals, grownDatabase);
      List<WarmUp> warmUps = warmUpInTurns(List.of(empty, grown));
      report.warmUps(warmUps.get(0), warmUps.get(1));
      new History(grownDatabase, TEMPLATE, CHANNEL).seed(settings.history());
      checkpoint(grownDatabase);
      var unused = grown.driver().interviews(settings.users(), TEMPLATE);
      saturate(grown, "After the history");
      report.databaseSizes(Files.size(emptyDatabase), Files.size(grownDatabase));
      Driver bareDriver = warmedForSaturation(bare, slack, arrivals, this::bareRound);
      Driver postingDriver = warmedForSaturation(posting, slack, arrivals, this::postingRound);
      List<Report.Measured> measured =
          measureInTurns(List.of(empty, grown), bareDriver, postingDriver);
      report.specbot("before", measured.get(0));
      report.specbot("history", measured.get(1));
    }
    report.startupWithHistory(startups("dev.specbot.Main", slack, () -> grownDatabase));
  }

  /** The jar and its class archive, as {@code mvn package} writes them and the README runs them. */
  private static final Path JAR = Path.of("target", "specbot.jar");

  private static final Path ARCHIVE = Path.of("target", "specbot.jsa");

  /** Starts of each in {@link #archivedStartups}, alternating. */
  private static final int ARCHIVED_STARTS = 5;

  /**
   * Start-up as the README runs the bot (the jar, mapping its class archive), beside bare Bolt,
   * alternating; only where {@code mvn package} has written both since the classes were last
   * compiled: otherwise the jar is not the code under test, and the row says so.
   */
  private void archivedStartups(FakeSlackWebApi slack) throws Exception {
    if (!archiveIsCurrent()) {
      return;
    }
    List<Duration> archived = new ArrayList<>();
    List<Duration> bare = new ArrayList<>();
    for (int start = 0; start < ARCHIVED_STARTS; start++) {
      try (BotProcess bot =
          launchArchived(
              slack,
              work.resolve("archived-" + start + "/specbot.db"),
              "archived-" + start,
              Map.of())) {
        archived.add(bot.awaitReady("/healthz"));
      }
      try (BotProcess bot =
          launch("dev.specbot.bench.BareBoltApp", slack, work.resolve("bare-" + start + ".db"))) {
        bare.add(bot.awaitReady("/healthz"));
      }
    }
    report.archivedStartups(archived, bare);
  }

  /**
   * How many times start-up is timed: one start is at the mercy of whatever else the machine does.
   */
  private static final int STARTS = 3;

  /** The median time to {@code /healthz} 200 of {@link #STARTS} starts, each on its database. */
  private Duration startups(String mainClass, FakeSlackWebApi slack, Supplier<Path> database)
      throws Exception {
    List<Duration> times = new ArrayList<>();
    for (int start = 0; start < STARTS; start++) {
      try (BotProcess bot = launch(mainClass, slack, database.get())) {
        times.add(bot.awaitReady("/healthz"));
      }
    }
    Collections.sort(times);
    return times.get(STARTS / 2);
  }

  /** A running bot, the driver that sends it Slack's requests, and its database file. */
  private record Bot(BotProcess process, Driver driver, Path database) {
    Bot(BotProcess process, FakeSlackWebApi slack, Arrivals arrivals, Path database) {
      this(process, new Driver(requestsFor(process), slack, arrivals), database);
    }
  }

  /**
   * Waits until the bot has sent everything it queued: saturation leaves it hundreds of messages
   * behind, which would otherwise be sent during the next measurement.
   */
  private static void awaitOutboxSent(Path database) {
    try {
      awaitNone(
          database,
          "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'",
          Duration.ofMillis(20),
          "the bot to send all it queued");
    } catch (AssertionError timedOut) {
      String left;
      try {
        left = pendingRows(database);
      } catch (SQLException e) {
        left = "unreadable (" + e.getMessage() + ")";
      }
      throw new AssertionError(timedOut.getMessage() + "; left: " + left, timedOut);
    }
  }

  /**
   * Waits until the bot has posted all it queued in its interviews' threads (each thread's lane is
   * its interview's id, without a colon), polling every millisecond, as the round is timed until
   * then: its parents' edits wait a second on purpose, to be coalesced, and are left out.
   */
  private static void awaitThreadsSent(Path database) {
    awaitNone(
        database,
        "SELECT COUNT(*) FROM outbox WHERE status = 'PENDING' AND lane NOT LIKE '%:%'",
        Duration.ofMillis(1),
        "the bot to post all it queued in its threads");
  }

  /**
   * Waits until the bot has taken in every reply it recorded, polling every millisecond so that the
   * round's time is not rounded up by much.
   */
  private static void awaitInboxEmpty(Path database) {
    awaitNone(
        database,
        "SELECT COUNT(*) FROM inbox",
        Duration.ofMillis(1),
        "the bot to take in every reply");
  }

  /** Waits, polling every {@code poll}, until {@code count} counts no row in the bot's database. */
  private static void awaitNone(Path database, String count, Duration poll, String what) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement query = connection.prepareStatement(count)) {
      await(() -> counted(query) == 0, poll, what);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long counted(PreparedStatement query) {
    try (ResultSet rows = query.executeQuery()) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What was left in the outbox, to tell a stuck message from a slow bot. */
  private static String pendingRows(Path database) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        PreparedStatement pending =
            connection.prepareStatement(
                "SELECT id, lane, seq, kind, attempts, claims, claimed_by, next_attempt_at,"
                    + " last_error FROM outbox WHERE status = 'PENDING' ORDER BY lane, seq"
                    + " LIMIT 20");
        ResultSet rows = pending.executeQuery()) {
      StringBuilder left = new StringBuilder();
      while (rows.next()) {
        for (int column = 1; column <= 9; column++) {
          left.append(column == 1 ? "\n  " : ", ").append(rows.getString(column));
        }
      }
      return left.toString();
    }
  }

  /**
   * Whole interviews as people answer them, then saturation, each in rounds taken in turns by the
   * bots (a p99 of one round's 300 questions is its third slowest, too few to compare); returns
   * each bot's rounds taken together, in the bots' order. The bare app takes a saturation round in
   * each round too (first in even rounds, last in odd ones), so that its baseline is measured while
   * the machine is as fast as for the bots: measured in a phase of its own, bare Bolt's answers a
   * second went from 668 to 1151 between runs of one day, and the ratio with them. The Bolt app
   * that posts each next question takes its round beside the bare one's.
   */
  private List<Report.Measured> measureInTurns(List<Bot> bots, Driver bare, Driver posting)
      throws Exception {
    Driver.Interviews[] interviews = new Driver.Interviews[bots.size()];
    for (int round = 0; round < settings.rounds(); round++) {
      for (int bot : turnOrder(bots.size(), round)) {
        Driver.Interviews run = bots.get(bot).driver().interviews(settings.users(), TEMPLATE);
        awaitOutboxSent(bots.get(bot).database());
        interviews[bot] = interviews[bot] == null ? run : interviews[bot].plus(run);
      }
    }
    List<List<Driver.Saturation>> saturation = new ArrayList<>();
    bots.forEach(bot -> saturation.add(new ArrayList<>()));
    List<Driver.Saturation> bareRounds = new ArrayList<>();
    List<Driver.Saturation> postingRounds = new ArrayList<>();
    for (int round = 0; round < settings.rounds(); round++) {
      if (round % 2 == 0) {
        bareRounds.add(bareRound(bare, "round-" + round));
        postingRounds.add(postingRound(posting, "round-" + round));
      }
      for (int bot : turnOrder(bots.size(), round)) {
        saturation.get(bot).add(saturate(bots.get(bot), "Saturation " + round));
      }
      if (round % 2 == 1) {
        postingRounds.add(postingRound(posting, "round-" + round));
        bareRounds.add(bareRound(bare, "round-" + round));
      }
    }
    report.posting(postingRounds);
    report.baseline(bareRounds);
    List<Report.Measured> measured = new ArrayList<>();
    for (int bot = 0; bot < bots.size(); bot++) {
      report.problems().addAll(interviews[bot].problems());
      measured.add(new Report.Measured(interviews[bot], saturation.get(bot)));
    }
    return measured;
  }

  /**
   * The bots' order in a round: as listed in even rounds, reversed in odd ones, so that neither
   * always goes first (right after the other's work, say, or its garbage collection).
   */
  private static List<Integer> turnOrder(int bots, int round) {
    List<Integer> order = new ArrayList<>();
    for (int bot = 0; bot < bots; bot++) {
      order.add(round % 2 == 0 ? bot : bots - 1 - bot);
    }
    return order;
  }

  /** A saturation round on interviews started for it; returns once their replies were sent. */
  private Driver.Saturation saturate(Bot bot, String name) throws Exception {
    Driver driver = bot.driver();
    List<Driver.Started> users = driver.startInterviews(settings.users(), name);
    Driver.Saturation round =
        driver.saturate(
            users,
            SATURATION_REPLIES,
            () -> awaitInboxEmpty(bot.database()),
            () -> awaitThreadsSent(bot.database()));
    awaitOutboxSent(bot.database());
    driver.forget(users, TEMPLATE.questions().size());
    return round;
  }

  /**
   * The same work as measured, not measured, so that what is measured is compiled code, as in a bot
   * that has been up for a while: in the first seconds after start the JIT compilers take more of
   * the two cores than the bot itself. The bots take rounds in turns until each is settled, so that
   * they have had the same work when measuring begins.
   */
  private List<WarmUp> warmUpInTurns(List<Bot> bots) throws Exception {
    List<JitActivity> jits = new ArrayList<>();
    for (Bot bot : bots) {
      bot.driver().warmUp();
      jits.add(new JitActivity(bot.process().pid()));
    }
    long started = System.nanoTime();
    for (int round = 1; ; round++) {
      List<WarmUp> settled = new ArrayList<>();
      for (int bot = 0; bot < bots.size(); bot++) {
        settled.add(warmUpRound(bots.get(bot), jits.get(bot), round, started));
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (settled.stream().allMatch(warm -> warm.compilerShare() < SETTLED_COMPILER_SHARE)
          || elapsed.compareTo(LONGEST_WARM_UP.multipliedBy(bots.size())) > 0) {
        return settled;
      }
    }
  }

  private WarmUp warmUpRound(Bot bot, JitActivity jit, int round, long started) throws Exception {
    Duration compiledBefore = jit.compilerTime();
    long roundStarted = System.nanoTime();
    report.problems().addAll(bot.driver().interviews(settings.users(), TEMPLATE).problems());
    var unused = saturate(bot, "Warm-up " + round);
    double compilerShare =
        jit.compilerTime().minus(compiledBefore).toNanos()
            / (double) (System.nanoTime() - roundStarted);
    return new WarmUp(round, Duration.ofNanos(System.nanoTime() - started), compilerShare);
  }

  /** How long warming up took, and the JIT's share of a core in its last round. */
  record WarmUp(int rounds, Duration elapsed, double compilerShare) {}

  /** Heap and RSS with many interviews in progress. */
  private void memory(FakeSlackWebApi slack, Arrivals arrivals, Path database) throws Exception {
    try (BotProcess bot = launch("dev.specbot.Main", slack, database)) {
      bot.awaitReady("/healthz");
      Driver driver = new Driver(requestsFor(bot), slack, arrivals);
      driver.startInterviews(settings.inProgress(), "In progress");
      report.memory(settings.inProgress(), heapUsedAfterGc(bot.pid()), rss(bot.pid()));
    }
  }

  private BotProcess launch(String mainClass, FakeSlackWebApi slack, Path database)
      throws IOException {
    String name = mainClass.substring(mainClass.lastIndexOf('.') + 1) + "-" + ++launches;
    return launch(mainClass, slack, database, name);
  }

  /** The bot (or the bare app) as its own JVM on {@code database}, logging as {@code name}. */
  static BotProcess launch(String mainClass, FakeSlackWebApi slack, Path database, String name)
      throws IOException {
    return launch(mainClass, slack, database, name, Map.of());
  }

  /** As above, with {@code env} added to the bot's environment (e.g. the limits it paces by). */
  static BotProcess launch(
      String mainClass, FakeSlackWebApi slack, Path database, String name, Map<String, String> env)
      throws IOException {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putAll(env(slack, database));
    return BotProcess.start(
        mainClass,
        BotProcess.freePort(),
        all,
        jvmOptions(name),
        Path.of("target", "bench", name + ".log"));
  }

  /**
   * The bot as the README runs it: the jar, mapping its class archive; refused when {@code mvn
   * package} has not written both since the classes were last compiled.
   */
  static BotProcess launchArchived(
      FakeSlackWebApi slack, Path database, String name, Map<String, String> env)
      throws IOException {
    if (!archiveIsCurrent()) {
      throw new IllegalStateException(
          "no class archive for the current classes: run `mvn -B -DskipTests package` first");
    }
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putAll(env(slack, database));
    List<String> options = new ArrayList<>(jvmOptions(name));
    options.add("-XX:SharedArchiveFile=" + ARCHIVE);
    return BotProcess.startJar(
        JAR, BotProcess.freePort(), all, options, Path.of("target", "bench", name + ".log"));
  }

  private static boolean archiveIsCurrent() throws IOException {
    Path classes = Path.of("target", "classes", "dev", "specbot", "Main.class");
    return Files.exists(ARCHIVE)
        && Files.exists(JAR)
        && Files.getLastModifiedTime(JAR).compareTo(Files.getLastModifiedTime(classes)) >= 0;
  }

  /** What every measured bot is started with: the fake Slack and its own database file. */
  private static Map<String, String> env(FakeSlackWebApi slack, Path database) throws IOException {
    Files.createDirectories(database.getParent());
    return Map.of(
        "SLACK_BOT_TOKEN",
        TOKEN,
        "SLACK_SIGNING_SECRET",
        SECRET,
        "DATABASE_URL",
        "jdbc:sqlite:" + database,
        "SLACK_API_URL",
        slack.baseUrl());
  }

  /**
   * Extra options for the measured JVMs, e.g. {@code
   * -Dbench.jvmOptions=-XX:StartFlightRecording=filename=target/bench/{launch}.jfr} to profile
   * them; {@code {launch}} becomes the launch's name (e.g. {@code Main-2}), as its log's.
   */
  private static List<String> jvmOptions(String launch) {
    String options = System.getProperty("bench.jvmOptions", "").strip().replace("{launch}", launch);
    return options.isEmpty() ? List.of() : List.of(options.split("\\s+", -1));
  }

  static SlackRequests requestsFor(BotProcess process) {
    return new SlackRequests(
        URI.create("http://127.0.0.1:" + process.port() + "/slack/events"),
        SECRET,
        Clock.systemUTC());
  }

  /**
   * Moves the seeded rows from SQLite's write-ahead log into the database file, as the bot's own
   * checkpoints do bit by bit: otherwise the bot's first commit after the seed copies tens of
   * megabytes while every request waits, a cost of the bulk load, not of the history.
   */
  private static void checkpoint(Path database) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 5000");
      statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  private static long heapUsedAfterGc(long pid) throws Exception {
    run("jcmd", String.valueOf(pid), "GC.run");
    String info = run("jcmd", String.valueOf(pid), "GC.heap_info");
    Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap figure in: " + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static long rss(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Runs {@code tasks} on {@code threads} threads; returns their results in order. */
  static <T> List<T> inParallel(int threads, List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = pool.invokeAll(tasks, WAIT.toMinutes() * 5, TimeUnit.MINUTES);
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits, polling, until {@code condition} holds. */
  static void await(java.util.function.BooleanSupplier condition, String what) {
    await(condition, Duration.ofMillis(20), what);
  }

  private static void await(
      java.util.function.BooleanSupplier condition, Duration poll, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(poll.toNanos());
    }
  }
}
