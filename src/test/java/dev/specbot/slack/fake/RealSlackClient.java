package dev.specbot.slack.fake;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The Slack Java SDK's own client, pointed at a fake, configured as the bot configures it. */
final class RealSlackClient implements AutoCloseable {
  static final String TOKEN = "xoxb-fake-token";
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  final Slack slack;
  final MethodsClient methods;

  private RealSlackClient(Slack slack) {
    this.slack = slack;
    this.methods = slack.methods(TOKEN);
  }

  static RealSlackClient against(FakeSlackWebApi fake) {
    return against(fake, Duration.ofSeconds(10));
  }

  static RealSlackClient against(FakeSlackWebApi fake, Duration readTimeout) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.baseUrl());
    // Stats would call auth.test on their own and muddle the recorded calls.
    config.setStatsEnabled(false);
    // The SDK's default executor is JVM-wide and would keep talking to the first fake.
    config.getMethodsConfig().setExecutorName("fake-slack-test-" + CLIENTS.incrementAndGet());
    config.setHttpClientReadTimeoutMillis((int) readTimeout.toMillis());
    return new RealSlackClient(Slack.getInstance(config));
  }

  @Override
  public void close() {
    try {
      slack.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while closing the Slack client", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot close the Slack client", e);
    }
  }
}
