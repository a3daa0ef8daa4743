package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageBotEvent;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real Bolt app on Jetty accepts every request {@link SlackRequests} sends and reads the fields a
 * handler needs from it: the payloads are shaped the way Bolt parses Slack's.
 */
class SlackRequestsBoltTest {
  private static final String SECRET = "bolt-test-signing-secret";
  private static final String CHANNEL = "C0SPECS001";
  private static final String ALICE = "U0ALICE01";
  private static final String THREAD = "1763600000.000100";

  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private final RealSlackClient client = RealSlackClient.against(slack);

  /** What the handlers saw; a handler runs before Bolt answers, so it is here by then. */
  private final Map<String, Object> seen = new ConcurrentHashMap<>();

  private final Clock clock = Clock.systemUTC();
  private Server jetty;
  private SlackRequests requests;

  @BeforeEach
  void startApp() throws Exception {
    App app =
        new App(
            AppConfig.builder()
                .slack(client.slack)
                .singleTeamBotToken(RealSlackClient.TOKEN)
                .signingSecret(SECRET)
                .clientId(null)
                .clientSecret(null)
                .build());
    app.command(
        "/spec",
        (request, context) -> {
          seen.put("command", request.getPayload());
          return context.ack();
        });
    app.blockAction(
        "specbot_skip",
        (request, context) -> {
          seen.put("action", request.getPayload());
          return context.ack();
        });
    app.viewSubmission(
        "specbot_start",
        (request, context) -> {
          seen.put("view", request.getPayload());
          return context.ack();
        });
    app.event(
        MessageEvent.class,
        (payload, context) -> {
          seen.put("message " + payload.getEvent().getTs(), payload.getEvent());
          seen.put("retry " + payload.getEventId(), String.valueOf(context.getRetryNum()));
          seen.put("reason " + payload.getEventId(), String.valueOf(context.getRetryReason()));
          return context.ack();
        });
    app.event(
        MessageBotEvent.class,
        (payload, context) -> {
          seen.put("bot message", payload.getEvent());
          return context.ack();
        });
    app.event(
        MessageChangedEvent.class,
        (payload, context) -> {
          seen.put("changed", payload.getEvent());
          return context.ack();
        });
    app.event(
        MessageDeletedEvent.class,
        (payload, context) -> {
          seen.put("deleted", payload.getEvent());
          return context.ack();
        });
    jetty = new Server(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(new SlackAppServlet(app)), "/slack/events");
    jetty.setHandler(context);
    jetty.start();
    int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    requests =
        new SlackRequests(URI.create("http://127.0.0.1:" + port + "/slack/events"), SECRET, clock);
  }

  @AfterEach
  void stopApp() throws Exception {
    jetty.stop();
    client.close();
    slack.close();
  }

  @Test
  void a_slash_command_reaches_the_command_handler_with_its_fields() {
    var response = requests.slashCommand("/spec", "echo-tech-spec Retries", ALICE, CHANNEL, "t-1");

    assertEquals(200, response.status(), response.body());
    SlashCommandPayload command = (SlashCommandPayload) seen.get("command");
    assertEquals("/spec", command.getCommand());
    assertEquals("echo-tech-spec Retries", command.getText());
    assertEquals(ALICE, command.getUserId());
    assertEquals(CHANNEL, command.getChannelId());
    assertEquals("t-1", command.getTriggerId());
    assertEquals(FakeSlackWebApi.TEAM_ID, command.getTeamId());
  }

  @Test
  void a_thread_reply_and_its_retry_reach_the_message_handler() {
    var first =
        requests.threadReply("Ev01", CHANNEL, THREAD, ALICE, "Because.", "1763600001.000100");
    var retry =
        requests
            .asRetry(1)
            .threadReply("Ev02", CHANNEL, THREAD, ALICE, "Again.", "1763600002.000100");

    assertEquals(200, first.status(), first.body());
    assertEquals(200, retry.status(), retry.body());
    MessageEvent reply = (MessageEvent) seen.get("message 1763600001.000100");
    assertEquals(THREAD, reply.getThreadTs());
    assertEquals(ALICE, reply.getUser());
    assertEquals("Because.", reply.getText());
    assertEquals("channel", reply.getChannelType());
    assertEquals("null", seen.get("retry Ev01"));
    assertEquals("1", seen.get("retry Ev02"));
    assertEquals("http_timeout", seen.get("reason Ev02"));
  }

  @Test
  void channel_messages_and_classic_bot_messages_reach_their_handlers() {
    requests.channelMessage("Ev03", CHANNEL, ALICE, "Hello all", "1763600003.000100");
    requests.classicBotMessage(
        "Ev04", CHANNEL, null, "B0OTHERBOT", "Deploy done", "1763600004.000100");

    MessageEvent message = (MessageEvent) seen.get("message 1763600003.000100");
    assertNull(message.getThreadTs());
    assertEquals("Hello all", message.getText());
    MessageBotEvent bot = (MessageBotEvent) seen.get("bot message");
    assertEquals("B0OTHERBOT", bot.getBotId());
  }

  @Test
  void the_apps_own_echoed_message_is_acknowledged_and_skipped_by_bolt() {
    // Bolt drops events from its own bot user, which it learns from the fake's auth.test.
    var response =
        requests.botMessage("Ev05", CHANNEL, THREAD, "Question 2 of 7", "1763600005.000100");

    assertEquals(200, response.status(), response.body());
    assertFalse(seen.containsKey("message 1763600005.000100"), seen.toString());
  }

  @Test
  void edits_and_deletions_reach_their_handlers() {
    requests.messageChanged("Ev06", CHANNEL, THREAD, ALICE, "1763600006.000100", "old", "new");
    requests.messageDeleted("Ev07", CHANNEL, THREAD, ALICE, "1763600006.000100", "new");

    MessageChangedEvent changed = (MessageChangedEvent) seen.get("changed");
    assertEquals("new", changed.getMessage().getText());
    assertEquals("1763600006.000100", changed.getMessage().getTs());
    assertEquals(THREAD, changed.getMessage().getThreadTs());
    assertEquals("old", changed.getPreviousMessage().getMessage().getText());
    MessageDeletedEvent deleted = (MessageDeletedEvent) seen.get("deleted");
    assertEquals("1763600006.000100", deleted.getDeletedTs());
    assertEquals("new", deleted.getPreviousMessage().getText());
  }

  @Test
  void a_button_click_reaches_the_action_handler_with_its_value_and_thread() {
    var response =
        requests.blockAction(
            ALICE, CHANNEL, "1763600000.000200", THREAD, "specbot_skip", "interview-1", "t-2");

    assertEquals(200, response.status(), response.body());
    BlockActionPayload action = (BlockActionPayload) seen.get("action");
    assertEquals("interview-1", action.getActions().get(0).getValue());
    assertEquals(ALICE, action.getUser().getId());
    assertEquals(CHANNEL, action.getContainer().getChannelId());
    assertEquals("1763600000.000200", action.getContainer().getMessageTs());
    assertEquals(THREAD, action.getContainer().getThreadTs());
    assertEquals("t-2", action.getTriggerId());
  }

  @Test
  void a_modal_submission_reaches_the_view_handler_with_its_state() {
    var response =
        requests.viewSubmission(
            ALICE,
            "specbot_start",
            CHANNEL,
            Map.of(
                "template",
                Map.of(
                    "template",
                    Map.of(
                        "type",
                        "static_select",
                        "selected_option",
                        Map.of(
                            "value",
                            "echo-tech-spec",
                            "text",
                            Map.of("type", "plain_text", "text", "Echo tech spec"))))));

    assertEquals(200, response.status(), response.body());
    ViewSubmissionPayload view = (ViewSubmissionPayload) seen.get("view");
    assertEquals(CHANNEL, view.getView().getPrivateMetadata());
    assertEquals(
        "echo-tech-spec",
        view.getView()
            .getState()
            .getValues()
            .get("template")
            .get("template")
            .getSelectedOption()
            .getValue());
    assertEquals(ALICE, view.getUser().getId());
  }

  @Test
  void bad_unsigned_and_stale_requests_are_refused_before_any_handler() {
    var bad = requests.withBadSignature().slashCommand("/spec", "", ALICE, CHANNEL, "t");
    var unsigned = requests.unsigned().slashCommand("/spec", "", ALICE, CHANNEL, "t");
    var stale =
        requests
            .at(clock.instant().minus(Duration.ofMinutes(6)))
            .slashCommand("/spec", "", ALICE, CHANNEL, "t");

    assertEquals(401, bad.status());
    assertEquals(401, unsigned.status());
    assertEquals(401, stale.status());
    assertFalse(seen.containsKey("command"));
  }
}
