package dev.specbot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * specbot against a Slack that takes its time and enforces its limits (issue 17's measure): people
 * in one workspace who all start within a kickoff window and answer with human think times, while
 * the fake Web API answers each call in about 150 ms and refuses calls over each method's published
 * limit with 429. It reports what a person waits for the next question, how far the parent
 * message's progress line lags behind the answers, acks while the bot is cold, start-up, and every
 * 429 the bot got, each over several runs (see {@link SlackSpeedRun}, {@link SlackSpeedReport}).
 * Figures are reported, never asserted; only lost or duplicated messages fail it.
 *
 * <p>Run with {@code mvn -B -Pbenchmark verify -Dsurefire.groups=slack-speed} (see README); sizes
 * from {@code -Dbench.runs} (2), {@code -Dbench.people} (200), {@code -Dbench.channels} (20),
 * {@code -Dbench.minutes} (6, the most one run takes), {@code -Dbench.kickoffSeconds} (10), {@code
 * -Dbench.thinkSeconds} ({@code 5-30}), {@code -Dbench.latencyMillis} (150), {@code
 * -Dbench.postsPerMinute} (600).
 */
final class SlackSpeedBenchmark {
  /**
   * The limits the bot paces by ({@code -Dbench.slackLimits}): {@code published}, or {@code none}
   * to see the bot meet Slack's limits unpaced.
   */
  static String slackLimits() {
    return System.getProperty("bench.slackLimits", "published");
  }

  /**
   * Whether the bot runs as the README runs it ({@code -Dbench.archive=true}): the jar, mapping the
   * class archive {@code mvn package} wrote; otherwise from the build's classes, without one.
   */
  static boolean archived() {
    return Boolean.getBoolean("bench.archive");
  }

  record Settings(
      int runs,
      int people,
      int channels,
      Duration limit,
      Duration kickoff,
      Duration thinkLeast,
      Duration thinkMost,
      Duration latency,
      int postsPerMinute) {
    static Settings fromSystemProperties() {
      String think = System.getProperty("bench.thinkSeconds", "5-30");
      int dash = think.indexOf('-');
      return new Settings(
          Integer.getInteger("bench.runs", 2),
          Integer.getInteger("bench.people", 200),
          Integer.getInteger("bench.channels", 20),
          Duration.ofMinutes(Integer.getInteger("bench.minutes", 6)),
          Duration.ofSeconds(Integer.getInteger("bench.kickoffSeconds", 10)),
          Duration.ofSeconds(Long.parseLong(think.substring(0, dash))),
          Duration.ofSeconds(Long.parseLong(think.substring(dash + 1))),
          Duration.ofMillis(Integer.getInteger("bench.latencyMillis", 150)),
          Integer.getInteger("bench.postsPerMinute", 600));
    }

    /** The same scenario, its people stopped after {@code limit}. */
    Settings withLimit(Duration limit) {
      return new Settings(
          runs, people, channels, limit, kickoff, thinkLeast, thinkMost, latency, postsPerMinute);
    }
  }

  private SlackSpeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Path work = Files.createTempDirectory("specbot-slack-speed");
    SlackSpeedRun.warmUp(settings, work.resolve("warm-up").resolve("specbot.db"));
    List<SlackSpeedRun.Result> runs = new ArrayList<>();
    for (int run = 1; run <= settings.runs(); run++) {
      // A fresh fake, bot and database each run: nothing one run left behind weighs on the next.
      runs.add(
          SlackSpeedRun.run(
              settings, work.resolve("run-" + run).resolve("specbot.db"), "SlackSpeed-" + run));
    }
    Files.writeString(
        Path.of("docs", "benchmarks-slack-speed.md"),
        new SlackSpeedReport(settings, runs).markdown());
    List<String> problems = runs.stream().flatMap(run -> run.problems().stream()).toList();
    if (!problems.isEmpty()) {
      throw new AssertionError("lost or duplicated messages: " + problems);
    }
  }
}
