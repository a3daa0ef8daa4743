package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeUser;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A title and profile names written to attack: through the real bot and everything it sends, they
 * read as typed and never ping, link or add a line to an invite.
 */
class EscapingEndToEndTest {
  /** Pings the channel and a user, and shows a phishing link, unless escaped everywhere. */
  private static final String TITLE =
      "<!channel> <@U0BOB0001> <https://evil.example/login|Sign in again> R&D: a < b > c @here";

  /** The title as Slack must receive it to show it as typed. */
  private static final String ESCAPED_TITLE =
      "&lt;!channel&gt; &lt;@U0BOB0001&gt; &lt;https://evil.example/login|Sign in again&gt;"
          + " R&amp;D: a &lt; b &gt; c @\u2060here";

  /** What a name may hold: Slack puts no limit on a profile's characters. */
  private static final String HOSTILE_NAME =
      "Trent\rX-INJECTED:yes\n<!everyone> \u0000\"Boss\"; a:b, c";

  private static final String BOB = "U0BOB";
  private static final String CAROL = "U0CAROL";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final NudgePolicy DAY_LONG =
      new NudgePolicy(
          Duration.ofDays(1),
          Duration.ofDays(1),
          Duration.ofDays(1),
          3,
          WorkingHours.parse("00:00-24:00", "MON-SUN"));

  /** Slack's parameters that carry JSON (blocks, a modal, file titles and comments). */
  private static final Set<String> JSON_PARAMS =
      Set.of("blocks", "view", "files", "metadata", "attachments");

  /** What must never reach Slack as written: each would ping, mention or link. */
  private static final List<String> RAW =
      List.of("<!channel", "<!everyone", "<!here", "<@U0BOB0001", "<https://evil.example");

  /** A bare {@code @here}: Slack pings on the plain word too. */
  private static final Pattern BARE_BROADCAST =
      Pattern.compile("@(?:here|channel|everyone)", Pattern.CASE_INSENSITIVE);

  @TempDir Path folder;
  private BotHarness harness;

  @AfterEach
  void stopBot(TestInfo test) throws IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/escaping-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("escaping-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
  }

  @Test
  void a_hostile_title_and_hostile_names_reach_slack_escaped_in_every_text_and_read_as_typed()
      throws Exception {
    startBot();
    String thread = start();
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "preview");
    harness.awaitInThread(thread, "Preview of *" + ESCAPED_TITLE + "* as it stands:");
    harness.reply(thread, DRAFTER, "An answer.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "finish");
    RecordedCall prompt = harness.awaitInThread(thread, PROMPT);
    // The bot quotes what it could not read as a time: a bare @here included.
    harness.reply(thread, DRAFTER, "@here whenever, for 30 minutes");
    harness.awaitInThread(thread, "Nothing was scheduled.");
    ZonedDateTime start =
        ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(3), LocalTime.NOON, BERLIN);
    press(prompt, DRAFTER, ActionIds.SCHEDULE, pickers(start, List.of(BOB, CAROL)));
    RecordedCall invitation = harness.awaitDirect(BOB, "invites you");
    assertTrue(
        invitation.param("text").contains("*" + ESCAPED_TITLE + "*"), invitation.param("text"));
    harness.awaitFile("discussion.ics", "ORGANIZER");

    harness.advanceClockTo(start.minusDays(1).toInstant());
    RecordedCall reminder = harness.awaitDirect(BOB, "Please read the spec");
    press(reminder, BOB, ActionIds.READ, Map.of());
    RecordedCall thanks =
        harness.slack.awaitCall("chat.postEphemeral", call -> BOB.equals(call.param("user")), WAIT);
    assertEquals("Thanks: noted that you have read *" + ESCAPED_TITLE + "*.", thanks.param("text"));

    // The channel goes: the drafter hears of it in private, with the title.
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the outbox to settle");
    harness.slack.failNext("chat.postMessage", 1, Failure.slackError("channel_not_found"));
    harness.reply(thread, DRAFTER, "who has read it");
    RecordedCall refusal = harness.awaitDirect(DRAFTER, "I can no longer post in");
    assertTrue(refusal.param("text").contains("*" + ESCAPED_TITLE + "*"), refusal.param("text"));

    var list = harness.requests().slashCommand("/spec", "list", DRAFTER, CHANNEL, "trig-list");
    assertTrue(list.body().contains(json(ESCAPED_TITLE)), list.body());
    assertNoRawText("/spec list", list.body());

    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the outbox to settle");
    List<RecordedCall> calls = harness.slack.calls();
    for (RecordedCall call : calls) {
      for (Map.Entry<String, String> param : call.params().entrySet()) {
        String value =
            JSON_PARAMS.contains(param.getKey())
                ? call.jsonParam(param.getKey())
                : param.getValue();
        assertNoRawText(call.method() + " " + param.getKey(), value);
      }
    }
    List<String> escapedIn = new ArrayList<>();
    for (RecordedCall call : calls) {
      if (call.param("text").contains(ESCAPED_TITLE)) {
        escapedIn.add(call.method() + " to " + call.param("channel"));
      }
    }
    // Parent, its edits, preview, announcement, invitations, reminders, thanks and the refusal.
    assertTrue(escapedIn.size() >= 8, "the title reads as typed in: " + escapedIn);
  }

  @Test
  void hostile_profile_names_add_no_line_or_organizer_to_the_invite() throws Exception {
    startBot();
    String thread = start();
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "finish");
    RecordedCall prompt = harness.awaitInThread(thread, PROMPT);
    ZonedDateTime start =
        ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(2), LocalTime.NOON, BERLIN);

    press(prompt, DRAFTER, ActionIds.SCHEDULE, pickers(start, List.of(BOB, CAROL)));

    String ics = harness.awaitFile("discussion.ics", "ORGANIZER");
    // Kept for checking by hand: slack-check ics target/ics/e2e-hostile-names.ics
    Files.writeString(
        Files.createDirectories(Path.of("target", "ics")).resolve("e2e-hostile-names.ics"), ics);
    String unfolded = ics.replace("\r\n ", "");
    assertFalse(unfolded.replace("\r\n", "").contains("\r"), "a lone CR:\n" + ics);
    assertFalse(unfolded.replace("\r\n", "").contains("\n"), "a lone LF:\n" + ics);
    assertFalse(unfolded.contains("\u0000"), ics);
    for (String line : unfolded.split("\r\n", -1)) {
      assertFalse(line.startsWith("X-INJECTED"), "an injected property:\n" + ics);
    }
    VEvent event = event(ics);
    assertEquals(1, event.getProperties(Property.ORGANIZER).size(), ics);
    // Each run of control characters is one space; the space before the NUL stays.
    String name = "Trent X-INJECTED:yes <!everyone>  'Boss'; a:b, c";
    Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
    assertEquals(name, organizer.getParameter(Parameter.CN).orElseThrow().getValue());
    assertTrue(unfolded.contains("ORGANIZER;CN=\"" + name + "\":mailto:"), ics);
    assertTrue(
        event
            .getProperty(Property.DESCRIPTION)
            .orElseThrow()
            .getValue()
            .endsWith("Also invited in Slack: Trent X-INJECTED:yes <!everyone>  \"Boss\"; a:b, c"),
        ics);
  }

  private void startBot() throws Exception {
    harness = new BotHarness(folder, DAY_LONG);
    harness.slack.addUser(FakeUser.of(DRAFTER).withRealName(HOSTILE_NAME));
    harness.slack.addUser(FakeUser.of(BOB).withRealName(HOSTILE_NAME));
    harness.slack.addUser(FakeUser.of(CAROL).withRealName(HOSTILE_NAME).withEmail(""));
  }

  /** {@code /spec echo-tech-spec TITLE}; returns the thread, once its parent is posted. */
  private String start() {
    var response =
        harness
            .requests()
            .slashCommand("/spec", "echo-tech-spec " + TITLE, DRAFTER, CHANNEL, "trig-start");
    assertEquals(200, response.status(), response.body());
    RecordedCall parent =
        harness.slack.awaitCall(
            "chat.postMessage",
            call ->
                !call.params().containsKey("thread_ts")
                    && call.param("text").startsWith(ESCAPED_TITLE + " - Echo tech spec: "),
            WAIT);
    return harness.tsOf(parent);
  }

  private static void assertNoRawText(String where, String value) {
    for (String raw : RAW) {
      assertFalse(value.contains(raw), where + " sent " + raw + " unescaped: " + value);
    }
    assertFalse(BARE_BROADCAST.matcher(value).find(), where + " sent a bare @here: " + value);
    assertFalse(value.contains("X-INJECTED"), where + " sent a profile name: " + value);
  }

  /** How a text appears inside a JSON answer: Bolt's Gson writes & < > as Unicode escapes. */
  private static String json(String text) {
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e");
  }

  private void press(
      RecordedCall message, String user, String actionId, Map<String, Map<String, Object>> state) {
    var response =
        harness
            .requests()
            .blockAction(
                user,
                message.param("channel"),
                harness.tsOf(message),
                message.params().get("thread_ts"),
                actionId,
                BotHarness.actionValue(message, actionId),
                "trig-" + actionId,
                state);
    assertEquals(200, response.status(), response.body());
  }

  private static Map<String, Map<String, Object>> pickers(
      ZonedDateTime start, List<String> attendees) {
    return Map.of(
        ActionIds.WHEN_BLOCK,
        Map.of(
            ActionIds.DATE,
            Map.of("type", "datepicker", "selected_date", start.toLocalDate().toString()),
            ActionIds.TIME,
            Map.of("type", "timepicker", "selected_time", start.toLocalTime().toString()),
            ActionIds.LENGTH,
            Map.of("type", "static_select", "selected_option", Map.of("value", "30"))),
        ActionIds.WHO_BLOCK,
        Map.of(
            ActionIds.ATTENDEES,
            Map.of("type", "multi_users_select", "selected_users", attendees)));
  }

  private static VEvent event(String ics) {
    try {
      List<VEvent> events =
          new CalendarBuilder().build(new StringReader(ics)).getComponents(Component.VEVENT);
      assertEquals(1, events.size(), ics);
      return events.get(0);
    } catch (IOException | ParserException e) {
      throw new AssertionError("ical4j cannot read the invite back:\n" + ics, e);
    }
  }
}
