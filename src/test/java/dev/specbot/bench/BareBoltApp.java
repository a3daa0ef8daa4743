package dev.specbot.bench;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;

/**
 * The benchmark's baseline: Bolt on the same Jetty as specbot, with handlers that only acknowledge.
 * What specbot costs on top of Bolt and Jetty is the difference between the two.
 */
public final class BareBoltApp {
  private BareBoltApp() {}

  public static void main(String[] args) throws Exception {
    App app = app(slack());
    app.command("/spec", (request, ctx) -> ctx.ack());
    app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
    serve(app);
  }

  /** The Slack SDK pointed at the fake Web API the benchmark gives in the environment. */
  static Slack slack() {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(System.getenv("SLACK_API_URL"));
    slackConfig.setStatsEnabled(false);
    return Slack.getInstance(slackConfig);
  }

  /** A Bolt app for one workspace, with the token and signing secret from the environment. */
  static App app(Slack slack) {
    return new App(
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(System.getenv("SLACK_BOT_TOKEN"))
            .signingSecret(System.getenv("SLACK_SIGNING_SECRET"))
            .clientId(null)
            .clientSecret(null)
            .build());
  }

  /**
   * Serves the app on Jetty at {@code PORT}, as specbot does, with an always-ready health check.
   */
  static void serve(App app) throws Exception {
    Server jetty = new Server(Integer.parseInt(System.getenv("PORT")));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    context.addServlet(new ServletHolder(new Ok()), "/healthz");
    jetty.setHandler(context);
    jetty.start();
    jetty.join();
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
