package dev.specbot.bench;

import dev.specbot.slack.BotProcess;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.SlackModel;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * specbot against a Slack that takes its time and enforces its limits (issue 17's measure): people
 * in one workspace who all start within a kickoff window and answer with human think times, while
 * the fake Web API answers each call in about 150 ms and refuses calls over each method's published
 * limit with 429. It reports what a person waits for the next question, on top of Slack's own time
 * for that call, and every 429 the bot got. Figures are reported, never asserted; only lost or
 * duplicated messages fail it.
 *
 * <p>Run with {@code mvn -B -Pbenchmark verify -Dsurefire.groups=slack-speed} (see README); sizes
 * from {@code -Dbench.people} (200), {@code -Dbench.channels} (20), {@code -Dbench.kickoffSeconds}
 * (10), {@code -Dbench.thinkSeconds} ({@code 5-30}), {@code -Dbench.latencyMillis} (150), {@code
 * -Dbench.postsPerMinute} (600).
 */
final class SlackSpeedBenchmark {
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();

  record Settings(
      int people,
      int channels,
      Duration kickoff,
      Duration thinkLeast,
      Duration thinkMost,
      Duration latency,
      int postsPerMinute) {
    static Settings fromSystemProperties() {
      String think = System.getProperty("bench.thinkSeconds", "5-30");
      int dash = think.indexOf('-');
      return new Settings(
          Integer.getInteger("bench.people", 200),
          Integer.getInteger("bench.channels", 20),
          Duration.ofSeconds(Integer.getInteger("bench.kickoffSeconds", 10)),
          Duration.ofSeconds(Long.parseLong(think.substring(0, dash))),
          Duration.ofSeconds(Long.parseLong(think.substring(dash + 1))),
          Duration.ofMillis(Integer.getInteger("bench.latencyMillis", 150)),
          Integer.getInteger("bench.postsPerMinute", 600));
    }
  }

  private final Settings settings;
  private final Random random = new Random(17);
  private final Latencies replyAcks = new Latencies();
  private final Latencies nextQuestion = new Latencies();
  private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

  /** People who gave up waiting: how far behind Slack's limits put the bot, not a failure. */
  private final List<String> gaveUp = Collections.synchronizedList(new ArrayList<>());

  private final java.util.concurrent.atomic.AtomicInteger minutesWaited =
      new java.util.concurrent.atomic.AtomicInteger();

  SlackSpeedBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    SlackSpeedBenchmark benchmark = new SlackSpeedBenchmark(Settings.fromSystemProperties());
    String report = benchmark.run(Files.createTempDirectory("specbot-slack-speed"));
    Path out = Path.of("docs", "benchmarks-slack-speed.md");
    Files.writeString(out, report);
    if (!benchmark.problems.isEmpty()) {
      throw new AssertionError("lost or duplicated messages: " + benchmark.problems);
    }
  }

  String run(Path work) throws Exception {
    SlackModel model =
        SlackModel.realistic()
            .withLatency(SlackModel.Latency.jittered(settings.latency(), 0.3))
            .withPostMessagesPerMinute(settings.postsPerMinute());
    try (FakeSlackWebApi slack = new FakeSlackWebApi(model);
        BotProcess bot =
            Benchmark.launch(
                "dev.specbot.Main",
                slack,
                work.resolve("specbot.db"),
                "SlackSpeed",
                // Slack's limits as published; its unpublished limit for posts across a workspace
                // is the bot's default (600 a minute), whatever the model enforces.
                java.util.Map.of("SPECBOT_SLACK_LIMITS", "published"))) {
      slack.stopRecordingCalls();
      Arrivals arrivals = Arrivals.of(slack);
      bot.awaitReady("/healthz");
      Driver driver = new Driver(Benchmark.requestsFor(bot), slack, arrivals);
      SlackRequests requests = Benchmark.requestsFor(bot);
      List<Callable<Void>> people = new ArrayList<>();
      for (int person = 0; person < settings.people(); person++) {
        String userId = String.format(Locale.ROOT, "U0PERSON%04d", person);
        // Slack allows about one post a second per channel: a team's specs are spread over its
        // channels, as they would be.
        String channel = String.format(Locale.ROOT, "C0SPEED%02d", person % settings.channels());
        Duration startAfter = between(Duration.ZERO, settings.kickoff());
        people.add(
            () -> {
              interview(userId, channel, startAfter, requests, slack, arrivals, driver);
              return null;
            });
      }
      long started = System.nanoTime();
      int finished = runFor(people, Duration.ofMinutes(Integer.getInteger("bench.minutes", 6)));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      return report(slack, elapsed, finished);
    }
  }

  private void interview(
      String userId,
      String channel,
      Duration startAfter,
      SlackRequests requests,
      FakeSlackWebApi slack,
      Arrivals arrivals,
      Driver driver) {
    pause(startAfter);
    String title = "Speed spec " + userId;
    int status =
        requests
            .slashCommand("/spec", TEMPLATE.id() + " " + title, userId, channel, "t" + userId)
            .status();
    if (status != 200) {
      problems.add(userId + ": /spec answered " + status);
      return;
    }
    String thread = arrivals.parent(title);
    awaitQuestion(arrivals, userId, thread, 1);
    int total = TEMPLATE.questions().size();
    for (Question question : TEMPLATE.questions()) {
      pause(between(settings.thinkLeast(), settings.thinkMost()));
      String answer = "Answer to " + question.title() + " from " + userId + ".";
      String ts = slack.addUserMessage(channel, thread, userId, answer);
      long replied = System.nanoTime();
      int replyStatus =
          requests
              .threadReply("Ev" + userId + question.number(), channel, thread, userId, answer, ts)
              .status();
      replyAcks.add(System.nanoTime() - replied);
      if (replyStatus != 200) {
        problems.add(userId + ": reply " + question.number() + " answered " + replyStatus);
      }
      if (question.number() < total) {
        awaitQuestion(arrivals, userId, thread, question.number() + 1);
        nextQuestion.add(System.nanoTime() - replied);
      }
    }
    arrivals.finishedSpec(thread);
    problems.addAll(driver.check(channel, thread, total, userId));
  }

  /**
   * Runs every person's interview at once for at most {@code limit}; returns how many finished. A
   * run that does not finish is reported as it stands: how far behind Slack's limits put the bot is
   * the finding.
   */
  private int runFor(List<Callable<Void>> people, Duration limit) throws InterruptedException {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(people.size());
    try {
      int finished = 0;
      for (var future : pool.invokeAll(people, limit.toMillis(), TimeUnit.MILLISECONDS)) {
        if (!future.isCancelled()) {
          try {
            future.get();
            finished++;
          } catch (java.util.concurrent.ExecutionException waitedTooLong) {
            gaveUp.add(String.valueOf(waitedTooLong.getCause().getMessage()));
          }
        }
      }
      return finished;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits for a question as long as a patient person would (five minutes), counting each minute
   * waited: against a Slack that refuses calls, a question can be that late, and how late is the
   * measure, not a reason to stop.
   */
  private void awaitQuestion(Arrivals arrivals, String userId, String thread, int number) {
    for (int minute = 1; ; minute++) {
      try {
        arrivals.question(thread, number);
        return;
      } catch (AssertionError notYet) {
        minutesWaited.incrementAndGet();
        if (minute == 5) {
          gaveUp.add(userId + ": question " + number + " not posted within 5 minutes");
          throw notYet;
        }
      }
    }
  }

  private synchronized Duration between(Duration least, Duration most) {
    long span = most.toMillis() - least.toMillis();
    return least.plusMillis(span <= 0 ? 0 : (long) (random.nextDouble() * span));
  }

  /** A person thinking, or waiting for their moment to start: simulated, not a test's wait. */
  private static void pause(Duration duration) {
    LockSupport.parkNanos(duration.toNanos());
  }

  private String report(FakeSlackWebApi slack, Duration elapsed, int finished) {
    StringBuilder out = new StringBuilder();
    out.append("# specbot against a Slack at its own speed\n\n")
        .append("Run on ")
        .append(LocalDate.now(ZoneOffset.UTC))
        .append(" with ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(
            " cores. Reproduce with `mvn -B -Pbenchmark verify -Dsurefire.groups=slack-speed`.\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "%d people in %d channels, all starting within %d s, each answering the %d questions of"
                    + " `echo-tech-spec` after %d-%d s of thought; the fake Web API answers each"
                    + " call in %d ms give or take 30%% and enforces each method's published limit"
                    + " (chat.postMessage: 3 in any 3 s per channel, %d a minute in the workspace;"
                    + " chat.update: 50 a minute). One bot, SQLite, cold JVM (no warm-up), %.0f s"
                    + " in all.%n%n",
                settings.people(),
                settings.channels(),
                settings.kickoff().toSeconds(),
                TEMPLATE.questions().size(),
                settings.thinkLeast().toSeconds(),
                settings.thinkMost().toSeconds(),
                settings.latency().toMillis(),
                settings.postsPerMinute(),
                elapsed.toMillis() / 1000.0))
        .append(
            String.format(
                Locale.ROOT,
                "People who finished their interview within the run: %d of %d.%n%n",
                finished,
                settings.people()))
        .append("| Figure | p50 | p99 | max |\n| --- | --- | --- | --- |\n")
        .append(row("Reply ack", replyAcks))
        .append(row("Reply sent to next question reaching Slack", nextQuestion))
        .append("\nMinutes people waited past the first for a question: ")
        .append(minutesWaited.get())
        .append(".\n\nCalls Slack refused with 429, by method: ");
    List<String> limited = new ArrayList<>();
    for (String method :
        List.of(
            "chat.postMessage",
            "chat.update",
            "conversations.replies",
            "conversations.history",
            "chat.postEphemeral",
            "files.getUploadURLExternal",
            "files.completeUploadExternal",
            "users.info")) {
      int count = slack.rateLimitedCount(method);
      if (count > 0) {
        limited.add("`" + method + "` " + count);
      }
    }
    out.append(limited.isEmpty() ? "none" : String.join(", ", limited))
        .append(" (")
        .append(slack.totalRateLimited())
        .append(" in all; `chat.update` made ")
        .append(slack.arrivals("chat.update").size())
        .append(" calls, `chat.postMessage` ")
        .append(slack.arrivals("chat.postMessage").size())
        .append(
            ").\n\nPeople who gave up waiting (for a parent message a minute, a question five): ")
        .append(gaveUp.size())
        .append(gaveUp.isEmpty() ? "" : ", e.g. " + gaveUp.subList(0, Math.min(3, gaveUp.size())))
        .append(".\n\nLost or duplicated messages in the threads that finished: ")
        .append(problems.isEmpty() ? "none" : problems.size() + ": " + problems)
        .append(".\n");
    return out.toString();
  }

  private static String row(String figure, Latencies latencies) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %s |%n",
        figure,
        Latencies.ms(latencies.percentile(50)),
        Latencies.ms(latencies.percentile(99)),
        Latencies.ms(latencies.max()));
  }
}
