package dev.specbot.bench;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import dev.specbot.background.DaemonThreads;
import dev.specbot.slack.webapi.WebApiClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The least a bot that answers must do: Bolt on the same Jetty as specbot, acknowledging each
 * thread reply and then posting one message in its thread through the Web API client specbot uses,
 * with no database and nothing rendered. What it costs beyond {@link BareBoltApp} is the cost of
 * the post alone (the client, the fake Slack on the same cores); what specbot costs beyond it is
 * specbot's own. It answers the benchmark's saturation reply {@code n} with "Question n of 7",
 * which the driver waits for.
 */
public final class PostingBoltApp {
  /** As many calls in flight as specbot's outbox lets its senders make. */
  private static final int SENDERS = 64;

  private static final Logger log = LoggerFactory.getLogger(PostingBoltApp.class);

  /** The benchmark's own replies, which it writes itself: linear, and run on no user's text. */
  private static final Pattern REPLY = Pattern.compile("Saturation reply (\\d+)\\.");

  private PostingBoltApp() {}

  public static void main(String[] args) throws Exception {
    Slack slack = BareBoltApp.slack();
    App app = BareBoltApp.app(slack);
    MethodsClient client = WebApiClient.of(slack, System.getenv("SLACK_BOT_TOKEN"));
    ExecutorService senders =
        Executors.newFixedThreadPool(SENDERS, DaemonThreads.numbered("posting-bolt"));
    app.command("/spec", (request, ctx) -> ctx.ack());
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          Matcher reply = REPLY.matcher(event.getText() == null ? "" : event.getText());
          if (reply.matches() && event.getThreadTs() != null) {
            String text = "Question " + reply.group(1) + " of " + Benchmark.SATURATION_REPLIES;
            senders.execute(() -> post(client, event.getChannel(), event.getThreadTs(), text));
          }
          return ctx.ack();
        });
    BareBoltApp.serve(app);
  }

  private static void post(MethodsClient client, String channel, String thread, String text) {
    try {
      var unused = client.chatPostMessage(r -> r.channel(channel).threadTs(thread).text(text));
    } catch (Exception e) {
      // The driver, waiting for the post, fails the run naming it; the log says why.
      log.warn("Posting {} in thread {} failed", text, thread, e);
    }
  }
}
