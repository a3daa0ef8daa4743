package dev.specbot.bench;

import static dev.specbot.bench.Latencies.ms;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The benchmark's figures, and the table in docs/benchmarks.md. */
final class Report {
  private Benchmark.Settings settings;
  private Duration baselineStartup = Duration.ZERO;
  private Latencies baselineAcks = new Latencies();
  private Latencies baselineSlashCommands = new Latencies();
  private double baselinePerSecond;
  private double postingPerSecond;
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private final List<String> problems = new ArrayList<>();
  private int inProgress;
  private long heapBytes;
  private long rssBytes;

  /** What one measurement of specbot gave: whole interviews, then saturation rounds. */
  record Measured(Driver.Interviews interviews, List<Driver.Saturation> rounds) {}

  /** One measurement, with the figures taken from it. */
  private record Run(
      Driver.Interviews interviews,
      Latencies saturationAcks,
      double perSecond,
      double sentPerSecond) {}

  private Duration startup = Duration.ZERO;
  private Duration startupWithHistory = Duration.ZERO;
  private long databaseBytes;
  private long historyDatabaseBytes;
  private Benchmark.WarmUp warmUp;
  private Benchmark.WarmUp historyWarmUp;

  void settings(Benchmark.Settings settings) {
    this.settings = settings;
  }

  void baselineStartup(Duration startup) {
    this.baselineStartup = startup;
  }

  void baselineSlashCommands(Latencies acks) {
    this.baselineSlashCommands = acks;
  }

  void baseline(List<Driver.Saturation> rounds) {
    baselineAcks = acks(rounds);
    baselinePerSecond = perSecond(rounds, Driver.Saturation::elapsed);
    rounds.forEach(round -> addErrors("baseline", round.errors()));
  }

  /** The Bolt app that posts each next question: its rounds, until every answer was posted. */
  void posting(List<Driver.Saturation> rounds) {
    postingPerSecond = perSecond(rounds, Driver.Saturation::elapsed);
    rounds.forEach(round -> addErrors("posting baseline", round.errors()));
  }

  /** specbot's start-up on an empty database, and how long it took to warm up. */
  void startup(Duration startup) {
    this.startup = startup;
  }

  void warmUps(Benchmark.WarmUp empty, Benchmark.WarmUp history) {
    this.warmUp = empty;
    this.historyWarmUp = history;
  }

  void specbot(String name, Measured measured) {
    List<Driver.Saturation> rounds = measured.rounds();
    addErrors(name + " saturation", rounds.stream().mapToInt(Driver.Saturation::errors).sum());
    runs.put(
        name,
        new Run(
            measured.interviews(),
            acks(rounds),
            perSecond(rounds, Driver.Saturation::elapsed),
            perSecond(rounds, Driver.Saturation::untilSent)));
  }

  void databaseSizes(long emptyBytes, long historyBytes) {
    this.databaseBytes = emptyBytes;
    this.historyDatabaseBytes = historyBytes;
  }

  private List<Duration> archivedStartups = List.of();
  private List<Duration> bareStartups = List.of();

  /** Starts of the jar with its class archive, and of bare Bolt alternating with them. */
  void archivedStartups(List<Duration> archived, List<Duration> bare) {
    this.archivedStartups = List.copyOf(archived);
    this.bareStartups = List.copyOf(bare);
  }

  private static Duration median(List<Duration> times) {
    List<Duration> sorted = times.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static String spread(List<Duration> times) {
    List<Duration> sorted = times.stream().sorted().toList();
    return seconds(median(times))
        + " ("
        + seconds(sorted.get(0))
        + "-"
        + seconds(sorted.get(sorted.size() - 1))
        + ")";
  }

  private static String ratio(Duration part, Duration whole) {
    return String.format(Locale.ROOT, "%.2f", (double) part.toNanos() / whole.toNanos());
  }

  void startupWithHistory(Duration startup) {
    this.startupWithHistory = startup;
  }

  void memory(int inProgress, long heapBytes, long rssBytes) {
    this.inProgress = inProgress;
    this.heapBytes = heapBytes;
    this.rssBytes = rssBytes;
  }

  List<String> problems() {
    return problems;
  }

  String markdown() {
    Run empty = runs.get("before");
    Run history = runs.get("history");
    StringBuilder out = new StringBuilder();
    out.append("# specbot benchmark\n\n")
        .append("Run on ")
        .append(LocalDate.now(ZoneOffset.UTC))
        .append(" with ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(". Reproduce with `mvn -B -Pbenchmark verify` (writes this file).\n\n")
        .append("The real bot runs as its own JVM (Jetty + Bolt + a SQLite file, the production")
        .append(" configuration) against a fake Slack Web API on loopback. ")
        .append(settings.users())
        .append(" simulated users each run a whole `echo-tech-spec` interview (`/spec`, one")
        .append(" reply per question, sent only once the question arrived at the fake Web API),")
        .append(" with requests signed as Slack signs them; all start at the same moment (the")
        .append(" bare Bolt app gets the same burst of `/spec`), in ")
        .append(settings.rounds())
        .append(" rounds whose figures are taken together. Saturation: ")
        .append(settings.rounds())
        .append(" rounds of ")
        .append(settings.users())
        .append(" users each sending ")
        .append(Benchmark.SATURATION_REPLIES)
        .append(" replies back to back, waiting only for each ack; a round of specbot's ends")
        .append(" once it has taken in every reply it acknowledged (its inbox is empty), not")
        .append(" when the last ack comes. The baseline is a bare Bolt app on the same Jetty,")
        .append(" driven the same way in the same run, its saturation rounds taken in turns with")
        .append(" specbot's. Beside it, a Bolt app that does the least a bot that answers must")
        .append(" do (`PostingBoltApp`): it acknowledges each reply and then posts one message in")
        .append(" its thread, through the Web API client specbot uses, with no database; its")
        .append(" rounds end once every answer reached the fake Slack. What it costs beyond bare")
        .append(" Bolt is the post alone (the client, and the fake on the same two cores); specbot")
        .append(" is timed against it until all it queued in the threads (the next questions, the")
        .append(" finished specs) reached the fake; its edits of the parent messages, held a")
        .append(" second on purpose to be coalesced, are left out. A reply sent before the bot")
        .append(" asked the next question adds to the answer before it, as in Slack.\n\n")
        .append("specbot runs twice, side by side: one bot on an empty database and one whose")
        .append(" database is then given ")
        .append(settings.history())
        .append(" finished interviews, each with all a finished interview leaves in the database")
        .append(" (copied from one the bot finished while warming up: its answers, its outbox")
        .append(" messages as sent, its answer messages, its settled reminders, the keys of the")
        .append(" events it handled). They are written by another connection, as a bulk load; the")
        .append(
            " write-ahead log is then checkpointed, and one round of the same work, unmeasured,")
        .append(
            " lets the bot read the grown file into its cache. Each is measured warm, as a bot that has")
        .append(" been up for a while: first the same work unmeasured, in rounds, until its JIT")
        .append(
            " compilers use under 20% of a core (at most 90 s each); until then they take more of")
        .append(" the two cores than the bot itself, and every figure is slower. The two bots are")
        .append(" then measured in turns, round by round, so that a machine that slows down or")
        .append(" speeds up during the run weighs on both alike and only the history differs.")
        .append(" Start-up is timed on new starts: on empty databases before, on the grown")
        .append(" database after.\n\n");
    out.append("| Figure | specbot | specbot, ")
        .append(settings.history())
        .append(" finished interviews added | bare Bolt | Target |\n")
        .append("| --- | --- | --- | --- | --- |\n");
    row(
        out,
        "`/spec` ack p50 / p99 / max",
        pmx(empty.interviews().slashAcks()),
        pmx(history.interviews().slashAcks()),
        pmx(baselineSlashCommands),
        "p99 < 100 ms");
    row(
        out,
        "Thread reply ack p50 / p99 / max",
        pmx(empty.interviews().replyAcks()),
        pmx(history.interviews().replyAcks()),
        "",
        "p99 < 100 ms");
    row(
        out,
        "Reply to next question p50 / p99",
        pp(empty.interviews().nextQuestion()),
        pp(history.interviews().nextQuestion()),
        "",
        "p99 < 250 ms");
    row(
        out,
        "Reply ack at saturation p50 / p99 / max",
        pmx(empty.saturationAcks()),
        pmx(history.saturationAcks()),
        pmx(baselineAcks),
        "");
    row(
        out,
        "Answers per second at saturation",
        rate(empty.perSecond()),
        rate(history.perSecond()),
        rate(baselinePerSecond),
        ">= 90% of bare Bolt (issue 17)");
    row(
        out,
        "Ratio to bare Bolt",
        percent(empty.perSecond() / baselinePerSecond),
        percent(history.perSecond() / baselinePerSecond),
        "100%",
        ">= 90%");
    row(
        out,
        "Answers per second at saturation, until all said in the threads reached Slack",
        rate(empty.sentPerSecond()),
        rate(history.sentPerSecond()),
        rate(postingPerSecond) + " (Bolt posting each next question)",
        "");
    row(
        out,
        "Ratio to Bolt posting each next question",
        percent(empty.sentPerSecond() / postingPerSecond),
        percent(history.sentPerSecond() / postingPerSecond),
        "itself 100%; it is "
            + percent(postingPerSecond / baselinePerSecond)
            + " of bare Bolt's answers a second",
        "");
    row(
        out,
        "Whole interviews: answers, time",
        empty.interviews().answers() + " in " + seconds(empty.interviews().elapsed()),
        history.interviews().answers() + " in " + seconds(history.interviews().elapsed()),
        "",
        "");
    row(
        out,
        "Start-up to `/healthz` 200 (median of 3 starts)",
        seconds(startup),
        seconds(startupWithHistory),
        seconds(baselineStartup),
        "< 3 s");
    row(
        out,
        "Start-up, the jar with its class archive as the README runs it: median (min-max)",
        archivedStartups.isEmpty()
            ? "not measured: run `mvn -B -DskipTests package` first"
            : spread(archivedStartups),
        "",
        bareStartups.isEmpty() ? "" : spread(bareStartups) + " (starts alternating)",
        archivedStartups.isEmpty()
            ? "< 1.2x bare Bolt"
            : "< 1.2x bare Bolt: " + ratio(median(archivedStartups), median(bareStartups)) + "x");
    row(
        out,
        "Warm-up before measuring: rounds, time, JIT at the end",
        warmUp(warmUp),
        warmUp(historyWarmUp),
        "",
        "");
    out.append("\nWith the history, reply-to-next-question p99 is ")
        .append(
            percent(
                history.interviews().nextQuestion().percentile(99)
                    / empty.interviews().nextQuestion().percentile(99)))
        .append(" of the empty database's (target: within 120%); p50 ")
        .append(
            percent(
                history.interviews().nextQuestion().percentile(50)
                    / empty.interviews().nextQuestion().percentile(50)))
        .append(". Database files when measured: ")
        .append(mb(databaseBytes))
        .append(" empty, ")
        .append(mb(historyDatabaseBytes))
        .append(" with the history.\n\n");
    out.append("Memory with ")
        .append(inProgress)
        .append(" interviews in progress: heap used after a full GC ")
        .append(mb(heapBytes))
        .append(" (target < 256 MB), process RSS ")
        .append(mb(rssBytes))
        .append(" (default JVM settings).\n\n");
    out.append(
            "Errors, lost or duplicated messages (checked in each thread the fake Web API holds:")
        .append(" every question and the finished spec exactly once, every request acknowledged): ")
        .append(problems.isEmpty() ? "none." : String.join("; ", problems))
        .append("\n");
    return out.toString();
  }

  private void addErrors(String where, int errors) {
    if (errors > 0) {
      problems.add(where + ": " + errors + " requests not answered 200");
    }
  }

  private static Latencies acks(List<Driver.Saturation> rounds) {
    Latencies all = new Latencies();
    rounds.forEach(round -> all.addAll(round.acks()));
    return all;
  }

  private static double perSecond(
      List<Driver.Saturation> rounds, Function<Driver.Saturation, Duration> time) {
    long requests = rounds.stream().mapToLong(Driver.Saturation::requests).sum();
    long nanos = rounds.stream().mapToLong(round -> time.apply(round).toNanos()).sum();
    return requests / (nanos / 1e9);
  }

  private static void row(StringBuilder out, String... cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  private static String pmx(Latencies latencies) {
    return ms(latencies.percentile(50))
        + " / "
        + ms(latencies.percentile(99))
        + " / "
        + ms(latencies.max());
  }

  private static String pp(Latencies latencies) {
    return ms(latencies.percentile(50)) + " / " + ms(latencies.percentile(99));
  }

  private static String warmUp(Benchmark.WarmUp warmUp) {
    return warmUp.rounds()
        + ", "
        + seconds(warmUp.elapsed())
        + ", "
        + percent(warmUp.compilerShare())
        + " of a core";
  }

  private static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.0f/s", perSecond);
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
  }
}
