package dev.specbot.slack.training;

import dev.specbot.Config;
import dev.specbot.slack.SlackBot;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A training run for class data sharing, run by {@code mvn package} under {@code
 * -XX:ArchiveClassesAtExit}: the bot starts as in production (its own SQLite file, Jetty, Bolt, the
 * Slack SDK) against {@link StubSlack}, takes a signed {@code /spec} and a thread reply, and stops.
 * The JVM then archives every class the run loaded, and a bot started with the archive maps them
 * instead of reading and checking each again: a faster start, and a shorter cold period after it,
 * as the first requests' classes are in the archive too. A run that fails leaves a smaller archive
 * or none, never a failed build: the bot starts without one as it always could.
 */
public final class Training {
  private static final Logger log = LoggerFactory.getLogger(Training.class);
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final Clock CLOCK = Clock.systemUTC();
  private static final String CHANNEL = "C0TRAIN";
  private static final String DRAFTER = "U0TRAIN";

  private Training() {}

  public static void main(String[] args) {
    try {
      train();
    } catch (Exception | AssertionError e) {
      log.warn("Training run incomplete: the class archive is partial", e);
    }
    System.exit(0); // The bot's non-daemon threads are closed; the archive is written at exit.
  }

  /** One start, one /spec and one reply; throws if the bot did not answer as it does in Slack. */
  static void train() throws Exception {
    Path folder = Files.createTempDirectory("specbot-training");
    String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    try (StubSlack slack = new StubSlack()) {
      Config config =
          Config.fromEnvironment(
              Map.of(
                  "SLACK_BOT_TOKEN",
                  "xoxb-training",
                  "SLACK_SIGNING_SECRET",
                  secret,
                  "SLACK_API_URL",
                  slack.apiUrl(),
                  "DATABASE_URL",
                  "jdbc:sqlite:" + folder.resolve("training.db"),
                  "PORT",
                  "0",
                  "SPECBOT_SLACK_LIMITS",
                  "none"));
      try (SlackBot bot = SlackBot.start(config, CLOCK)) {
        expect(bot.awaitAccepted(PATIENCE) && bot.isReady(), "the bot ready");
        Requests requests = new Requests(bot.port(), secret);
        requests.health();
        requests.command("echo-tech-spec Training run");
        expect(slack.awaitPosts(2, PATIENCE), "the spec's parent and first question");
        requests.reply("1700000000.000001", "The first answer, from the training run.");
        expect(slack.awaitPosts(1, PATIENCE), "the second question");
      }
    } finally {
      deleteTree(folder);
    }
  }

  private static void expect(boolean happened, String what) {
    if (!happened) {
      throw new AssertionError("gave up waiting for " + what);
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Slack's requests to the bot, signed as Slack signs them. */
  private static final class Requests {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String secret;

    Requests(int port, String secret) {
      this.base = "http://127.0.0.1:" + port;
      this.secret = secret;
    }

    void health() throws IOException, InterruptedException {
      var unused =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              HttpResponse.BodyHandlers.discarding());
    }

    void command(String text) throws Exception {
      String form =
          "command=%2Fspec&text="
              + URLEncoder.encode(text, StandardCharsets.UTF_8)
              + "&team_id="
              + StubSlack.TEAM
              + "&channel_id="
              + CHANNEL
              + "&user_id="
              + DRAFTER
              + "&user_name=train&trigger_id=1.1.train&api_app_id=A0TRAIN"
              + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT0TRAIN%2F1%2Ftrain";
      post(form, "application/x-www-form-urlencoded");
    }

    void reply(String threadTs, String text) throws Exception {
      String event =
          "{\"type\":\"message\",\"channel\":\""
              + CHANNEL
              + "\",\"channel_type\":\"channel\",\"user\":\""
              + DRAFTER
              + "\",\"text\":\""
              + text
              + "\",\"ts\":\"1700000100.000001\",\"event_ts\":\"1700000100.000001\","
              + "\"thread_ts\":\""
              + threadTs
              + "\",\"team\":\""
              + StubSlack.TEAM
              + "\"}";
      String envelope =
          "{\"type\":\"event_callback\",\"team_id\":\""
              + StubSlack.TEAM
              + "\",\"api_app_id\":\"A0TRAIN\",\"event_id\":\"Ev0TRAIN\",\"event_time\":"
              + CLOCK.instant().getEpochSecond()
              + ",\"authorizations\":[{\"team_id\":\""
              + StubSlack.TEAM
              + "\",\"user_id\":\""
              + StubSlack.BOT_USER
              + "\",\"is_bot\":true}],\"event\":"
              + event
              + "}";
      post(envelope, "application/json");
    }

    private void post(String body, String contentType) throws Exception {
      String timestamp = Long.toString(CLOCK.instant().getEpochSecond());
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/slack/events"))
                  .header("Content-Type", contentType)
                  .header("X-Slack-Request-Timestamp", timestamp)
                  .header("X-Slack-Signature", signature(timestamp, body))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new AssertionError("the bot answered " + response.statusCode());
      }
    }

    private String signature(String timestamp, String body) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    }
  }
}
