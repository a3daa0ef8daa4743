package dev.specbot.slack.webapi;

import com.slack.api.methods.MethodsClient;
import dev.specbot.background.DaemonThreads;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's {@code auth.test}, which proves the token works: asked as soon as the client exists,
 * while the rest of the bot starts, and retried with back-off until Slack says yes.
 */
public final class SlackAuthCheck implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAuthCheck.class);
  private static final Duration FIRST_WAIT = Duration.ofMillis(200);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final MethodsClient slack;
  private final CompletableFuture<Void> accepted = new CompletableFuture<>();
  private volatile String workspaceUrl;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("specbot-auth-test"));

  private SlackAuthCheck(MethodsClient slack) {
    this.slack = slack;
  }

  /** Starts asking Slack. */
  public static SlackAuthCheck start(MethodsClient slack) {
    SlackAuthCheck check = new SlackAuthCheck(slack);
    check.checker.execute(() -> check.check(FIRST_WAIT));
    return check;
  }

  /** Completes once Slack has accepted the token. */
  public CompletableFuture<Void> accepted() {
    return accepted;
  }

  /**
   * The workspace's address ({@code https://team.slack.com/}), once Slack has accepted the token: a
   * message's permalink is built from it rather than asked of Slack, whose chat.getPermalink is
   * rate-limited like any method.
   */
  public Optional<String> workspaceUrl() {
    return Optional.ofNullable(workspaceUrl);
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }

  private void check(Duration nextWait) {
    try {
      var auth = slack.authTest(r -> r);
      if (auth.isOk()) {
        workspaceUrl = auth.getUrl();
        log.info("Connected to Slack as {} in team {}", auth.getUserId(), auth.getTeamId());
        accepted.complete(null);
        return;
      }
      log.error("Slack refused the bot token: {}", auth.getError());
    } catch (Exception e) {
      log.warn("Slack auth.test failed: {}", e.getMessage());
    }
    Duration after = nextWait.multipliedBy(2);
    // The check logs its own failures; the future has nothing more to say.
    var unused =
        checker.schedule(
            () -> check(after.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : after),
            nextWait.toMillis(),
            TimeUnit.MILLISECONDS);
  }
}
