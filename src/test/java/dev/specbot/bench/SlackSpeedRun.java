package dev.specbot.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.specbot.slack.BotProcess;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackModel;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One run of the benchmark at Slack's speed, on a fresh fake Slack, bot JVM and database: every
 * person's interview at once, and what they waited for. All times are on the fake's clock ({@link
 * FakeSlackWebApi#nanoTime()}, which is {@link System#nanoTime()} of this JVM), so that acks and
 * the arrivals of the bot's calls compare directly.
 */
final class SlackSpeedRun {
  static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();

  /** After /healthz first answers 200, how long acks are reported apart, as a cold bot's. */
  static final Duration COLD = Duration.ofSeconds(30);

  /**
   * How long the parents' last edits are awaited once the people stopped: each stops the moment
   * their finished spec arrives, while their parent may still have to say "Finished". Long enough
   * for chat.update's limit to edit every parent once more, and 30 s besides, so that a change
   * never shown is the bot's and not the run's end cutting it off.
   */
  static Duration lastEdits(SlackSpeedBenchmark.Settings settings) {
    SlackModel.Limit edits = model(settings).limitOf("chat.update").orElseThrow();
    return edits.window().multipliedBy(settings.people()).dividedBy(edits.count()).plusSeconds(30);
  }

  /** The methods whose calls and 429s are reported. */
  static final List<String> METHODS =
      List.of(
          "chat.postMessage",
          "chat.update",
          "conversations.replies",
          "conversations.history",
          "chat.postEphemeral",
          "files.getUploadURLExternal",
          "files.completeUploadExternal",
          "users.info",
          "chat.getPermalink",
          "conversations.open",
          "views.open");

  /** What one run measured; latencies in nanoseconds. */
  record Result(
      Duration startup,
      Duration elapsed,
      Duration lastEdits,
      int finished,
      Latencies replyAcks,
      Latencies coldAcks,
      Latencies laterAcks,
      Latencies nextQuestion,
      Latencies nextQuestionWithRoom,
      Latencies firstQuestion,
      Latencies finishedSpec,
      ProgressLag.Lags progress,
      Map<String, Integer> calls,
      Map<String, Integer> rateLimited,
      int minutesWaited,
      List<String> gaveUp,
      List<String> problems) {
    int totalRateLimited() {
      return rateLimited.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private final SlackSpeedBenchmark.Settings settings;
  private final FakeSlackWebApi slack;
  private final SlackRequests requests;
  private final Arrivals arrivals;
  private final Driver driver;
  private final ProgressLag progress;
  private final long readyNanos;
  // The same seed each run: every run plays the same scenario, so the spread is the system's.
  private final Random random = new Random(17);
  private final Latencies replyAcks = new Latencies();
  private final Latencies coldAcks = new Latencies();
  private final Latencies laterAcks = new Latencies();
  private final Latencies nextQuestion = new Latencies();
  private final Latencies nextQuestionWithRoom = new Latencies();
  private final LimitRoom room;
  private final Latencies firstQuestion = new Latencies();
  private final Latencies finishedSpec = new Latencies();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  /** People who gave up waiting: how far behind Slack's limits put the bot, not a failure. */
  private final List<String> gaveUp = Collections.synchronizedList(new ArrayList<>());

  private final AtomicInteger minutesWaited = new AtomicInteger();

  private SlackSpeedRun(
      SlackSpeedBenchmark.Settings settings,
      FakeSlackWebApi slack,
      BotProcess bot,
      ProgressLag progress,
      LimitRoom room,
      long readyNanos) {
    this.settings = settings;
    this.room = room;
    this.slack = slack;
    this.requests = Benchmark.requestsFor(bot);
    this.arrivals = Arrivals.of(slack);
    this.driver = new Driver(Benchmark.requestsFor(bot), slack, arrivals);
    this.progress = progress;
    this.readyNanos = readyNanos;
  }

  /**
   * How long the unmeasured run before the others lasts: the first measured run's cold acks were
   * slower than the second's in each of seven paired runs (403-766 ms against 125-433 ms), the JVM
   * measuring (the fake Slack, the people's signed requests) being as cold as the bot.
   */
  static final Duration WARM_UP = Duration.ofSeconds(60);

  /**
   * Runs the scenario for {@link #WARM_UP} against a bot of its own and drops what it measured, so
   * that this JVM's own first minute weighs on no measured run. The bot it ran against is stopped.
   */
  static void warmUp(SlackSpeedBenchmark.Settings settings, Path database) throws Exception {
    var unused = run(settings.withLimit(WARM_UP), database, "SlackSpeed-warm-up", false);
  }

  /** Launches a bot on {@code database} (logging as {@code name}), runs everyone, measures. */
  static Result run(SlackSpeedBenchmark.Settings settings, Path database, String name)
      throws Exception {
    return run(settings, database, name, true);
  }

  /** A run; unless {@code complete}, the parents' last edits are not awaited. */
  private static Result run(
      SlackSpeedBenchmark.Settings settings, Path database, String name, boolean complete)
      throws Exception {
    ProgressLag progress = new ProgressLag();
    LimitRoom room = new LimitRoom(model(settings));
    try (FakeSlackWebApi slack = new FakeSlackWebApi(model(settings))) {
      slack.stopRecordingCalls();
      slack.onEachArrival(
          arrival -> {
            recordEdit(progress, arrival);
            recordPost(room, arrival);
          });
      Map<String, String> limits =
          Map.of("SPECBOT_SLACK_LIMITS", SlackSpeedBenchmark.slackLimits());
      try (BotProcess bot =
          SlackSpeedBenchmark.archived()
              ? Benchmark.launchArchived(slack, database, name, limits)
              : Benchmark.launch("dev.specbot.Main", slack, database, name, limits)) {
        Duration startup = bot.awaitReady("/healthz");
        return new SlackSpeedRun(settings, slack, bot, progress, room, slack.nanoTime())
            .measure(startup, complete);
      }
    }
  }

  static SlackModel model(SlackSpeedBenchmark.Settings settings) {
    return SlackModel.realistic()
        .withLatency(SlackModel.Latency.jittered(settings.latency(), SlackModel.DEFAULT_JITTER))
        .withPostMessagesPerMinute(settings.postsPerMinute());
  }

  /** Hands {@code progress} each edit of a message that Slack performed (a 429 changed nothing). */
  private static void recordEdit(ProgressLag progress, FakeSlackWebApi.Arrival arrival) {
    RecordedCall call = arrival.call();
    if (call.method().equals("chat.update") && performed(arrival.answer())) {
      progress.updated(
          call.param("channel"), call.param("ts"), call.param("text"), arrival.nanoTime());
    }
  }

  /** Hands {@code room} each post Slack performed. */
  private static void recordPost(LimitRoom room, FakeSlackWebApi.Arrival arrival) {
    RecordedCall call = arrival.call();
    if (call.method().equals("chat.postMessage") && performed(arrival.answer())) {
      room.posted(call.param("channel"), arrival.nanoTime());
    }
  }

  private static boolean performed(FakeSlackWebApi.Answer answer) {
    if (answer.status() != 200) {
      return false;
    }
    JsonElement ok = JsonParser.parseString(answer.body()).getAsJsonObject().get("ok");
    return ok != null && ok.getAsBoolean();
  }

  private Result measure(Duration startup, boolean complete) throws InterruptedException {
    long started = slack.nanoTime();
    int finished = runFor(people(), settings.limit());
    long stopped = slack.nanoTime();
    if (complete) {
      awaitLastEdits();
    }
    Duration lastEdits = Duration.ofNanos(slack.nanoTime() - stopped);
    Map<String, Integer> calls = new LinkedHashMap<>();
    Map<String, Integer> limited = new LinkedHashMap<>();
    for (String method : METHODS) {
      calls.put(method, slack.arrivals(method).size());
      limited.put(method, slack.rateLimitedCount(method));
    }
    return new Result(
        startup,
        Duration.ofNanos(stopped - started),
        lastEdits,
        finished,
        replyAcks,
        coldAcks,
        laterAcks,
        nextQuestion,
        nextQuestionWithRoom,
        firstQuestion,
        finishedSpec,
        progress.lags(),
        calls,
        limited,
        minutesWaited.get(),
        List.copyOf(gaveUp),
        List.copyOf(problems));
  }

  private List<Callable<Void>> people() {
    List<Callable<Void>> people = new ArrayList<>();
    for (int person = 0; person < settings.people(); person++) {
      String userId = String.format(Locale.ROOT, "U0PERSON%04d", person);
      // Slack allows about one post a second per channel: a team's specs are spread over its
      // channels, as they would be.
      String channel = String.format(Locale.ROOT, "C0SPEED%02d", person % settings.channels());
      Duration startAfter = between(Duration.ZERO, settings.kickoff());
      people.add(
          () -> {
            interview(userId, channel, startAfter);
            return null;
          });
    }
    return people;
  }

  private void interview(String userId, String channel, Duration startAfter) {
    pause(startAfter);
    String title = "Speed spec " + userId;
    long sent = slack.nanoTime();
    int status =
        requests
            .slashCommand("/spec", TEMPLATE.id() + " " + title, userId, channel, "t" + userId)
            .status();
    acked(sent);
    if (status != 200) {
      problems.add(userId + ": /spec answered " + status);
      return;
    }
    String thread = arrivals.parent(title);
    firstQuestion.add(awaitQuestion(userId, thread, 1) - sent);
    long lastSent = sent;
    for (Question question : TEMPLATE.questions()) {
      pause(between(settings.thinkLeast(), settings.thinkMost()));
      lastSent = answer(userId, channel, thread, question);
    }
    finishedSpec.add(arrivals.finishedSpec(thread) - lastSent);
    problems.addAll(driver.check(channel, thread, TEMPLATE.questions().size(), userId));
  }

  /**
   * The person answers {@code question}, and waits for the next one; returns when the answer was
   * sent.
   */
  private long answer(String userId, String channel, String thread, Question question) {
    int total = TEMPLATE.questions().size();
    String answer = "Answer to " + question.title() + " from " + userId + ".";
    String ts = slack.addUserMessage(channel, thread, userId, answer);
    long sent = slack.nanoTime();
    boolean hadRoom = room.hadRoom(channel, sent);
    int status =
        requests
            .threadReply("Ev" + userId + question.number(), channel, thread, userId, answer, ts)
            .status();
    long acked = acked(sent);
    replyAcks.add(acked - sent);
    if (status == 200) {
      progress.acknowledged(channel, thread, question.number(), total, acked);
    } else {
      problems.add(userId + ": reply " + question.number() + " answered " + status);
    }
    if (question.number() < total) {
      long waited = awaitQuestion(userId, thread, question.number() + 1) - sent;
      nextQuestion.add(waited);
      if (hadRoom) {
        nextQuestionWithRoom.add(waited);
      }
    }
    return sent;
  }

  /** Counts the ack of a request sent at {@code sentNanos}, cold or later; returns its time. */
  private long acked(long sentNanos) {
    long now = slack.nanoTime();
    boolean cold = sentNanos - readyNanos < COLD.toNanos();
    (cold ? coldAcks : laterAcks).add(now - sentNanos);
    return now;
  }

  /**
   * Runs every person's interview at once for at most {@code limit}; returns how many finished. A
   * run that does not finish is reported as it stands: how far behind Slack's limits put the bot is
   * the finding.
   */
  private int runFor(List<Callable<Void>> people, Duration limit) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(people.size());
    try {
      int finished = 0;
      for (Future<Void> future : pool.invokeAll(people, limit.toMillis(), TimeUnit.MILLISECONDS)) {
        if (!future.isCancelled()) {
          try {
            future.get();
            finished++;
          } catch (ExecutionException waitedTooLong) {
            gaveUp.add(String.valueOf(waitedTooLong.getCause().getMessage()));
          }
        }
      }
      return finished;
    } finally {
      // Those still at it stop (see pause), before the figures they add to are read.
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Waits for a question as long as a patient person would (five minutes), counting each minute
   * waited; returns when it reached Slack. Against a Slack that refuses calls, a question can be
   * that late, and how late is the measure, not a reason to stop.
   */
  private long awaitQuestion(String userId, String thread, int number) {
    for (int minute = 1; ; minute++) {
      try {
        return arrivals.question(thread, number);
      } catch (AssertionError notYet) {
        if (Thread.currentThread().isInterrupted()) {
          throw notYet; // The run's time is up, not this person's patience.
        }
        minutesWaited.incrementAndGet();
        if (minute == 5) {
          // Counted as given up where the person's task ends (runFor), once.
          throw new AssertionError(
              userId + ": question " + number + " not posted within 5 minutes", notYet);
        }
      }
    }
  }

  /** Gives the bot up to {@link #lastEdits} to show every acknowledged answer on its parent. */
  private void awaitLastEdits() {
    long deadline = System.nanoTime() + lastEdits(settings).toNanos();
    while (progress.lags().neverShown() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private synchronized Duration between(Duration least, Duration most) {
    long span = most.toMillis() - least.toMillis();
    return least.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
  }

  /**
   * A person thinking, or waiting for their moment to start: simulated, not a test's wait. Once the
   * run's time is up the person stops, rather than answer at once and skew the figures.
   */
  private static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("the run's time is up");
    }
  }
}
