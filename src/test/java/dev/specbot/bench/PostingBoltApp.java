package dev.specbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.MessageEvent;
import dev.specbot.background.DaemonThreads;
import dev.specbot.slack.webapi.WebApiClient;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

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

  private static final Pattern REPLY = Pattern.compile("Saturation reply (\\d+)\\.");

  private PostingBoltApp() {}

  public static void main(String[] args) throws Exception {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    String token = System.getenv("SLACK_BOT_TOKEN");
    App app =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(token)
                .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
                .clientId(null)
                .clientSecret(null)
                .build());
    MethodsClient client = WebApiClient.of(slack, token);
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

    Server jetty = new Server(Integer.parseInt(System.getenv("PORT")));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    context.addServlet(new ServletHolder(new Ok()), "/healthz");
    jetty.setHandler(context);
    jetty.start();
    jetty.join();
  }

  private static void post(MethodsClient client, String channel, String thread, String text) {
    try {
      var unused = client.chatPostMessage(r -> r.channel(channel).threadTs(thread).text(text));
    } catch (Exception e) {
      // The driver waits for the post and reports it missing; nothing else to do here.
      System.err.println("post failed: " + e);
    }
  }

  /** Always ready. */
  private static final class Ok extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
      response.setStatus(200);
    }
  }
}
