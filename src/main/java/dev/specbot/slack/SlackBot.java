package dev.specbot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.specbot.Config;
import dev.specbot.background.DaemonThreads;
import dev.specbot.github.GitHubIssues;
import dev.specbot.review.ReviewMachine;
import dev.specbot.review.Rule;
import dev.specbot.slack.github.GitHubActions;
import dev.specbot.slack.github.GitHubDesk;
import dev.specbot.slack.home.HomeDesk;
import dev.specbot.slack.home.HomeView;
import dev.specbot.slack.http.WebServer;
import dev.specbot.slack.interviews.CatchUp;
import dev.specbot.slack.interviews.Interviewer;
import dev.specbot.slack.interviews.Presence;
import dev.specbot.slack.interviews.ReplyInbox;
import dev.specbot.slack.interviews.Revisions;
import dev.specbot.slack.listeners.SlackFrontEnd;
import dev.specbot.slack.meetings.MeetingActions;
import dev.specbot.slack.meetings.MeetingDesk;
import dev.specbot.slack.meetings.ReminderWorker;
import dev.specbot.slack.metrics.Metrics;
import dev.specbot.slack.outbox.Delivery;
import dev.specbot.slack.outbox.GitHubOutbox;
import dev.specbot.slack.outbox.OutboxWorker;
import dev.specbot.slack.outbox.PostedMessages;
import dev.specbot.slack.outbox.Pruner;
import dev.specbot.slack.reviews.ReviewActions;
import dev.specbot.slack.reviews.ReviewDesk;
import dev.specbot.slack.reviews.ReviewNudges;
import dev.specbot.slack.socket.SocketMode;
import dev.specbot.slack.tickets.TicketActions;
import dev.specbot.slack.webapi.Budgets;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.slack.webapi.PacedCalls;
import dev.specbot.slack.webapi.SlackAuthCheck;
import dev.specbot.slack.webapi.SlackLimits;
import dev.specbot.slack.webapi.WebApiClient;
import dev.specbot.storage.Database;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.template.TemplateException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running bot, assembled: the database, the rooms wired by their constructors, the workers
 * (outbox, reminders, pruner, catch-up) and the ways in (Jetty serving the Bolt app, and Socket
 * Mode serving it too when there is an app token). Started and stopped here, in order.
 */
public final class SlackBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackBot.class);

  private final Database database;
  private final OutboxWorker worker;
  private final Pruner pruner;
  private final ReminderWorker reminders;
  private final Directory directory;
  private final CatchUp catchUp;
  private final ReplyInbox inbox;
  private final Presence presence;
  private final SlackAuthCheck auth;
  private final WebServer server;
  private final Metrics metrics;
  private final Optional<SocketMode> socketMode;

  private SlackBot(
      Config config,
      Clock clock,
      Database database,
      TemplateCatalog catalog,
      Slack slack,
      MethodsClient methods,
      SlackAuthCheck auth,
      Metrics metrics,
      Budgets budgets) {
    this.database = database;
    this.presence = new Presence(database, clock);
    this.auth = auth;
    this.metrics = metrics;
    metrics.watch(
        database,
        clock,
        Arrays.stream(Delivery.Kind.values()).map(Enum::name).toList(),
        this::isReady);
    GitHubDesk gitHubDesk = new GitHubDesk(config.gitHub(), catalog);
    // The outbox tells the tickets' desk when a spec's tickets are all made; the desk, made below,
    // wakes the outbox: each needs the other.
    AtomicReference<TicketActions> ticketDesk = new AtomicReference<>();
    this.worker =
        new OutboxWorker(
            database,
            methods,
            clock,
            metrics.outbox(),
            budgets,
            auth::workspaceUrl,
            gitHubOutbox(
                config.gitHub(),
                gitHubDesk,
                clock,
                interviewId -> ticketDesk.get().made(interviewId)),
            Optional.of(new HomeView(catalog::find)::of));
    this.pruner = new Pruner(database, clock);
    this.directory = new Directory(database, methods, clock);
    MeetingDesk desk = new MeetingDesk(catalog, config.nudges(), config.gitHub());
    ReviewNudges reviewNudges = new ReviewNudges(config.nudges());
    this.reminders =
        new ReminderWorker(database, desk, clock, worker::wake, reviewNudges, metrics.reminders());
    Runnable wake =
        () -> {
          worker.wake();
          reminders.wake();
        };
    ReviewDesk reviewDesk =
        new ReviewDesk(
            catalog, new ReviewMachine(), Rule.all(), reviewNudges, directory, gitHubDesk);
    GitHubActions gitHubActions = new GitHubActions(database, gitHubDesk, catalog, clock, wake);
    TicketActions tickets =
        new TicketActions(database, catalog, gitHubDesk, gitHubActions, clock, wake);
    ticketDesk.set(tickets);
    Interviewer interviewer =
        new Interviewer(
            database,
            catalog,
            desk,
            reviewDesk,
            clock,
            // Not the reminders: an answer moves its nudges hours on, and the worker looks twice
            // a second anyway; a wake per answer was a read per answer beside the requests' own.
            worker::wake,
            config.readingDelay(),
            PostedMessages.of(methods),
            worker.unrecorded(),
            gitHubActions);
    MeetingActions meetingActions = new MeetingActions(database, desk, directory, clock, wake);
    ReviewActions reviewActions = new ReviewActions(database, reviewDesk, clock, wake);
    this.catchUp = new CatchUp(database, methods, interviewer, presence);
    this.inbox = new ReplyInbox(database, clock, interviewer, catchUp, wake);
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(config.slackBotToken())
            .signingSecret(signingSecret(config))
            .clientId(null)
            .clientSecret(null)
            // Bolt asks Slack's auth.test when it starts and, by default, again on the first
            // request and every ten minutes, each time before acknowledging that request. The
            // token and the bot's identity do not change while it runs: the first answer is kept.
            .authTestCacheExpirationMillis(-1L)
            .build();
    App app =
        new SlackFrontEnd(
                catalog,
                interviewer,
                meetingActions,
                reviewActions,
                directory,
                new Revisions(database, interviewer, reviewDesk, clock, wake),
                inbox,
                gitHubActions,
                tickets,
                new HomeDesk(database, clock, wake))
            .app(appConfig, metrics.requests());
    this.server = new WebServer(config.port(), app, this::notReadyBecause, metrics::scrape);
    this.socketMode =
        config.slackAppToken().map(token -> new SocketMode(slack, token, app, database, clock));
  }

  /**
   * Starts the bot; {@code /healthz} answers 200 once Slack has accepted the token. The database is
   * opened and migrated while the Slack client is made and Slack is asked about the token: each
   * takes a few hundred milliseconds of a cold JVM. The templates are read once the bot is up.
   */
  public static SlackBot start(Config config, Clock clock) throws Exception {
    ExecutorService opener =
        Executors.newSingleThreadExecutor(DaemonThreads.named("specbot-open-database"));
    Future<Database> opening = opener.submit(() -> Database.open(config.databaseUrl()));
    opener.shutdown();
    SlackAuthCheck auth = null;
    Metrics metrics = new Metrics();
    try {
      TemplateCatalog catalog = TemplateCatalog.onFirstUse(config.templatesDir());
      Budgets budgets = new Budgets(limits(config.slackPace()));
      Slack slack = slack(slackConfig(config), metrics, budgets);
      MethodsClient methods = WebApiClient.of(slack, config.slackBotToken());
      auth = SlackAuthCheck.start(methods);
      SlackBot bot =
          new SlackBot(
              config, clock, opened(opening), catalog, slack, methods, auth, metrics, budgets);
      bot.catchUp.load();
      bot.server.start();
      String name = instanceName(bot.port());
      bot.presence.start(name);
      bot.inbox.start();
      bot.worker.start(name);
      bot.reminders.start();
      bot.pruner.start();
      // Last, as Slack sends at once what waited: everything that handles it is running.
      bot.socketMode.ifPresent(SocketMode::start);
      var unused = auth.accepted().thenRun(bot.catchUp::start);
      log.info("specbot listening on port {} ({})", bot.port(), config);
      readInBackground(catalog);
      return bot;
    } catch (Exception e) {
      if (auth != null) {
        auth.close();
      }
      metrics.close();
      closeWhenOpen(opening);
      throw e;
    }
  }

  /**
   * Reads the templates once the bot is up, on a thread of their own: nothing before the first
   * {@code /spec} needs them, and whatever comes sooner waits for them.
   */
  private static void readInBackground(TemplateCatalog catalog) {
    DaemonThreads.of(
            "specbot-templates",
            () -> {
              for (TemplateException problem : catalog.problems()) {
                log.warn("Template skipped: {}", problem.getMessage());
              }
            })
        .start();
  }

  /** The database, once open; its own failure to open, unwrapped. */
  private static Database opened(Future<Database> opening) throws Exception {
    try {
      return opening.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static void closeWhenOpen(Future<Database> opening) {
    try {
      opening.get().close();
    } catch (ExecutionException | RuntimeException notOpened) {
      // Nothing was opened, or it is closing anyway: the start-up failure is the one to report.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Names this bot among others on one database: its host and port, the same after a restart. */
  private static String instanceName(int port) {
    try {
      return java.net.InetAddress.getLocalHost().getHostName() + ":" + port;
    } catch (java.net.UnknownHostException e) {
      return "localhost:" + port;
    }
  }

  /** The port Jetty listens on: the configured one, or the one it picked for port 0. */
  public int port() {
    return server.port();
  }

  public boolean isReady() {
    return notReadyBecause().isEmpty();
  }

  /**
   * Waits, at most {@code patience}, for Slack to accept the bot's token: false if it did not (or
   * refused it). Over HTTP the bot is ready then; over Socket Mode, once its socket is open too.
   */
  public boolean awaitAccepted(Duration patience) throws InterruptedException {
    try {
      auth.accepted().get(patience.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException notAccepted) {
      return false;
    }
  }

  /** Empty once the bot can take Slack's requests; otherwise why not, for {@code /healthz}. */
  public Optional<String> notReadyBecause() {
    // The database is migrated before the bot is made (Database.open returns only once it is).
    if (!auth.accepted().isDone()) {
      return Optional.of("starting");
    }
    return socketMode.flatMap(SocketMode::notConnectedBecause);
  }

  /** The connections to Slack go first: no envelope is taken that the workers would not finish. */
  @Override
  public void close() {
    socketMode.ifPresent(SocketMode::close);
    auth.close();
    server.close();
    inbox.close();
    catchUp.close();
    reminders.close();
    pruner.close();
    worker.close();
    presence.close();
    directory.close();
    database.close();
    metrics.close();
  }

  /**
   * The SDK's client, its every HTTP call paced under Slack's limits and timed: the bot's Web API
   * client, Bolt's, and the uploads all share its OkHttp client. Pacing comes first, so that a call
   * waiting for its limit is not timed as Slack's.
   */
  private static Slack slack(SlackConfig slackConfig, Metrics metrics, Budgets budgets) {
    String prefix = slackConfig.getMethodsEndpointUrlPrefix();
    OkHttpClient paced =
        SlackHttpClient.buildOkHttpClient(slackConfig)
            .newBuilder()
            .addInterceptor(new PacedCalls(budgets, prefix))
            .build();
    return Slack.getInstance(slackConfig, new SlackHttpClient(metrics.measuring(paced, prefix)));
  }

  private static SlackLimits limits(Config.SlackPace pace) {
    return pace.published() ? SlackLimits.published(pace.postsPerMinute()) : SlackLimits.none();
  }

  /**
   * GitHub's client, when a token is set: its own HTTP client, not the SDK's, whose interceptor
   * paces calls by Slack's limits (GitHub's are kept by the sender's retries).
   */
  private static Optional<GitHubOutbox> gitHubOutbox(
      Config.GitHub gitHub, GitHubDesk desk, Clock clock, GitHubOutbox.TicketsMade ticketsMade) {
    return gitHub
        .token()
        .map(
            token ->
                new GitHubOutbox(
                    GitHubIssues.connect(gitHub.apiUrl(), token, clock),
                    desk::published,
                    ticketsMade));
  }

  /**
   * In Socket Mode without a signing secret, one nobody knows, so that {@code /slack/events}
   * refuses every request: left empty, Bolt would check signatures against a fixed placeholder
   * anyone can sign with.
   */
  private static String signingSecret(Config config) {
    if (!config.slackSigningSecret().isEmpty()) {
      return config.slackSigningSecret();
    }
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return HexFormat.of().formatHex(secret);
  }

  private static SlackConfig slackConfig(Config config) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(config.slackApiUrl());
    slackConfig.setStatsEnabled(false);
    // Each client gets its own executor: the SDK's default one is JVM-wide and would talk to the
    // first host.
    slackConfig.getMethodsConfig().setExecutorName("specbot-" + UUID.randomUUID());
    return slackConfig;
  }
}
