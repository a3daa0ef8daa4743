package dev.specbot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.FileShare;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.testdb.TestDatabases;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three bots, each its own process, on one PostgreSQL behind a load balancer: simulated people
 * whose requests go to a random live instance. Mid-run one instance is killed with {@code kill -9}
 * and another is stopped with SIGTERM (a rolling deploy) and started again, then the killed one is
 * started again. Every question and every finished spec reaches Slack once, in order in its thread.
 */
class SeveralInstancesEndToEndTest {
  private static final String SECRET = "fleet-test-secret";
  private static final String CHANNEL = "C0SPECS";
  private static final int INSTANCES = 3;
  private static final int PEOPLE = 6;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Template TEMPLATE =
      TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow();

  @TempDir Path folder;
  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private final Random random = new Random();
  private final BotProcess[] bots = new BotProcess[INSTANCES];
  private final int[] ports = new int[INSTANCES];
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger starts = new AtomicInteger();
  private final java.util.Queue<String> deliveries =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private String databaseUrl;

  @BeforeEach
  void startFleet() throws Exception {
    assumeTrue(TestDatabases.postgres(), "several instances share one PostgreSQL");
    databaseUrl = TestDatabases.urlFor(folder.resolve("data/specbot.db"));
    for (int instance = 0; instance < INSTANCES; instance++) {
      ports[instance] = BotProcess.freePort();
      launch(instance);
    }
  }

  @AfterEach
  void stopFleet() {
    for (BotProcess bot : bots) {
      if (bot != null) {
        bot.close();
      }
    }
    slack.close();
  }

  @Test
  void
      people_spread_over_three_instances_get_each_message_once_and_in_order_through_a_kill_and_a_deploy()
          throws Exception {
    ExecutorService people = Executors.newFixedThreadPool(PEOPLE);
    List<Future<String>> threads = new ArrayList<>();
    try {
      for (int person = 1; person <= PEOPLE; person++) {
        String user = "U0PERSON" + person;
        String title = "Fleet spec " + person;
        threads.add(people.submit(() -> interview(user, title)));
      }
      int total = PEOPLE * TEMPLATE.questions().size();
      awaitAnswered(total / 4);
      kill(0);
      awaitAnswered(total / 2);
      deploy(1);
      awaitAnswered(3 * total / 4);
      launch(0);
      for (Future<String> thread : threads) {
        thread.get(WAIT.toSeconds() * 4, TimeUnit.SECONDS);
      }
    } finally {
      people.shutdownNow();
    }

    for (int person = 1; person <= PEOPLE; person++) {
      String thread = threads.get(person - 1).get();
      List<String> asked =
          slack.messagesInThread(CHANNEL, thread).stream()
              .filter(text -> text.startsWith("Question "))
              .map(text -> text.substring(0, text.indexOf(" of ")))
              .toList();
      List<String> expected =
          TEMPLATE.questions().stream().map(question -> "Question " + question.number()).toList();
      assertEquals(expected, asked, "each question once, in order, in " + thread);
      String document = fileName("Fleet spec " + person);
      List<FileShare> shared =
          slack.fileShares().stream().filter(share -> share.title().equals(document)).toList();
      assertEquals(1, shared.size(), "the spec shared once: " + shared);
    }
    assertEquals(1, parentsTitled("Fleet spec 1 - "), "one parent message per interview");
    assertTrue(starts.get() >= INSTANCES + 2, "an instance was killed and one deployed again");
  }

  /** One person's whole interview, each request to a random live instance; returns the thread. */
  private String interview(String user, String title) {
    send(requests -> requests.slashCommand("/spec", "echo-tech-spec " + title, user, CHANNEL, "t"));
    RecordedCall parent =
        slack.awaitCall(
            "chat.postMessage",
            call ->
                !call.params().containsKey("thread_ts")
                    && call.param("text").startsWith(title + " - "),
            WAIT);
    String thread = slack.tsOf(parent);
    for (Question question : TEMPLATE.questions()) {
      awaitQuestion(thread, question.number());
      String answer = title + " answer " + question.number() + ".";
      String ts = slack.addUserMessage(CHANNEL, thread, user, answer);
      String eventId = "Ev" + user + "q" + question.number();
      sendWithRetries(eventId, attempt -> attempt.threadReply(eventId, thread, user, answer, ts));
      answered.incrementAndGet();
    }
    await(() -> slack.uploadedFileTitled(fileName(title)).isPresent(), "the spec of " + title);
    return thread;
  }

  private static String fileName(String title) {
    return title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".md";
  }

  private long parentsTitled(String prefix) {
    return slack.calls().stream()
        .filter(call -> call.method().equals("chat.postMessage"))
        .filter(call -> !call.params().containsKey("thread_ts"))
        .filter(call -> call.param("text").startsWith(prefix))
        .count();
  }

  private void awaitQuestion(String thread, int number) {
    String asked = "Question " + number + " of ";
    await(
        () -> slack.messagesInThread(CHANNEL, thread).stream().anyMatch(t -> t.startsWith(asked)),
        asked + "in " + thread);
  }

  /**
   * Waits longer than the harness: a message a killed instance was sending waits until that
   * instance has been silent for a few heartbeats, and the processes share two cores.
   */
  private void await(java.util.function.BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + what + "; " + unsent() + "\ndeliveries: " + deliveries);
      }
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  /** What the outbox still holds, for a failure's message. */
  private String unsent() {
    StringBuilder unsent = new StringBuilder("outbox not sent:");
    try (var connection = TestDatabases.connect(databaseUrl);
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT lane, seq, kind, status, attempts, claims, claimed_by, last_error"
                        + " FROM outbox WHERE status <> 'SENT' ORDER BY lane, seq")) {
      while (rows.next()) {
        unsent.append("\n");
        for (int column = 1; column <= 8; column++) {
          unsent.append(rows.getString(column)).append(' ');
        }
      }
      unsent.append("\ninterviews:");
      try (var interviews =
          connection
              .createStatement()
              .executeQuery("SELECT thread_ts, status, current_index, version FROM interviews")) {
        while (interviews.next()) {
          unsent.append("\n");
          for (int column = 1; column <= 4; column++) {
            unsent.append(interviews.getString(column)).append(' ');
          }
        }
      }
    } catch (java.sql.SQLException e) {
      unsent.append(e);
    }
    return unsent.toString();
  }

  private void awaitAnswered(int count) {
    await(() -> answered.get() >= count, count + " answers");
  }

  /** A slash command: Slack does not retry it, so the load balancer's pick must be alive. */
  private void send(Function<SlackRequests, SlackRequests.Response> request) {
    SlackRequests.Response response = request.apply(requests(liveInstance()));
    assertEquals(200, response.status(), response.body());
  }

  /** An event Slack sends again, up to three times, when it gets no 200 (as from a killed bot). */
  private void sendWithRetries(String eventId, Function<Attempt, SlackRequests.Response> request) {
    for (int retry = 0; retry <= 3; retry++) {
      int instance = liveInstance();
      try {
        int status = request.apply(new Attempt(requests(instance), retry)).status();
        deliveries.add(eventId + " to " + instance + ": " + status);
        if (status == 200) {
          return;
        }
      } catch (RuntimeException | AssertionError connectionLost) {
        // The instance died under the request (SlackRequests says so with an AssertionError):
        // Slack retries it.
        deliveries.add(eventId + " to " + instance + ": " + connectionLost);
      }
    }
    throw new AssertionError("an event went unacknowledged by every instance");
  }

  /** One delivery of an event: the signed requests to an instance, and Slack's retry number. */
  private record Attempt(SlackRequests requests, int number) {
    SlackRequests.Response threadReply(
        String eventId, String thread, String user, String text, String ts) {
      SlackRequests sent = number == 0 ? requests : requests.asRetry(number);
      return sent.threadReply(eventId, CHANNEL, thread, user, text, ts);
    }
  }

  private synchronized int liveInstance() {
    List<Integer> live = new ArrayList<>();
    for (int instance = 0; instance < INSTANCES; instance++) {
      if (bots[instance] != null) {
        live.add(instance);
      }
    }
    return live.get(random.nextInt(live.size()));
  }

  private SlackRequests requests(int instance) {
    return new SlackRequests(
        URI.create("http://127.0.0.1:" + ports[instance] + "/slack/events"),
        SECRET,
        Clock.systemUTC());
  }

  /** kill -9, and the load balancer stops sending to it once it fails its health check. */
  private void kill(int instance) throws InterruptedException {
    BotProcess bot = bots[instance];
    bot.kill();
    synchronized (this) {
      bots[instance] = null;
    }
  }

  /** A rolling deploy: drained from the load balancer, sent SIGTERM, started again. */
  private void deploy(int instance) throws Exception {
    BotProcess bot;
    synchronized (this) {
      bot = bots[instance];
      bots[instance] = null;
    }
    bot.close();
    launch(instance);
  }

  private void launch(int instance) throws Exception {
    BotProcess bot =
        BotProcess.start(
            "dev.specbot.Main",
            ports[instance],
            Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-fleet-test",
                "SLACK_SIGNING_SECRET",
                SECRET,
                "DATABASE_URL",
                databaseUrl,
                "SLACK_API_URL",
                slack.baseUrl()),
            List.of(),
            logOf(instance, starts.getAndIncrement()));
    bot.awaitReady("/healthz");
    synchronized (this) {
      bots[instance] = bot;
    }
  }

  private static Path logOf(int instance, int start) throws IOException {
    return Files.createDirectories(Path.of("target", "fleet"))
        .resolve("bot-" + instance + "-" + start + ".log");
  }
}
