package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.Config;
import dev.specbot.github.fake.FakeGitHub;
import dev.specbot.github.fake.FakeIssue;
import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.FakeUser;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discussion meeting itself through the real bot and a fake Slack (and a fake GitHub): the
 * agenda in the thread as the meeting starts (time moved with the test clock), the drafter asked
 * what was decided as it ends, their decisions and follow-ups recorded once each however often
 * Slack sends a reply, and the document posted again with them in the template's place for them,
 * dated, the step of facilitating the discussion ticked; a follow-up made a GitHub issue once.
 */
class DiscussionEndToEndTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String BOB = "U0BOB";
  private static final String CAROL = "U0CAROL";
  private static final String REPO = "echo-team/specs";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final String ASKED = "is over: what was decided?";
  private static final WorkingHours ALWAYS = WorkingHours.parse("00:00-24:00", "MON-SUN");
  private static final NudgePolicy DAY_LONG =
      new NudgePolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 3, ALWAYS);

  @TempDir Path folder;
  private BotHarness harness;
  private final FakeGitHub github = new FakeGitHub();

  @AfterEach
  void stop(TestInfo test) throws java.io.IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/discussion-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("discussion-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
    github.close();
  }

  @Test
  void the_agenda_opens_the_meeting_and_the_decisions_after_it_reach_the_document_once()
      throws Exception {
    harness = new BotHarness(folder, DAY_LONG);
    harness.slack.addUser(FakeUser.of(CAROL).withTimeZone(ZoneId.of("Asia/Tokyo")));
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "Payments fail.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Retry them.");
    harness.awaitQuestion(thread, 3);
    harness.reply(thread, DRAFTER, "Do we retry refunds? <!channel> & <b>");
    for (int question = 4; question <= 7; question++) {
      harness.awaitQuestion(thread, question);
      harness.reply(thread, DRAFTER, "Answer " + question + ".");
    }
    harness.awaitInThread(thread, PROMPT);
    harness.reply(thread, CAROL, "concern load: retries double the load");
    harness.awaitInThread(thread, "raised the concern *load*");
    ZonedDateTime start = daysAhead(2, LocalTime.of(15, 0));
    schedule(thread, start, List.of(BOB, CAROL));

    harness.advanceClockTo(start.minusDays(1).toInstant());
    RecordedCall toBob = harness.awaitDirect(BOB, "Please read the spec");
    press(toBob, BOB, null, ActionIds.READ, Map.of());
    harness.slack.awaitCall(
        "chat.postEphemeral", call -> BOB.equals(call.param("user")), BotHarness.WAIT);
    harness.advanceClockTo(start.toInstant());

    RecordedCall agenda = harness.awaitInThread(thread, "Agenda for the discussion");
    String blocks = agenda.jsonParam("blocks");
    assertTrue(blocks.contains("Open Questions"), blocks);
    assertTrue(
        blocks.contains("&gt; Do we retry refunds? &lt;!channel&gt; &amp; &lt;b&gt;"), blocks);
    assertTrue(blocks.contains("*load* (<@U0CAROL>): retries double the load"), blocks);
    assertTrue(agenda.param("text").contains("Read it: <@U0BOB>."), agenda.param("text"));
    assertTrue(agenda.param("text").contains("Not yet: <@U0CAROL>."), agenda.param("text"));
    assertEquals(0, harness.postedInThread(thread, ASKED).size(), "not before it ends");

    harness.advanceClockTo(start.plusMinutes(30).toInstant());
    RecordedCall asked = harness.awaitInThread(thread, ASKED);
    assertTrue(
        asked.param("text").startsWith("<@U0ALICE>, the discussion of"), asked.param("text"));

    String first = "Retry with exponential backoff, at most 5 times";
    sentTwice("EvD1", thread, first);
    harness.awaitInThread(thread, "Noted (1 decision, 0 follow-ups so far)");
    harness.reply(thread, CAROL, "concern cost: retries cost money");
    harness.awaitInThread(thread, "raised the concern *cost*");
    sentTwice("EvD2", thread, "<@U0BOB>: write the migration");
    harness.awaitInThread(thread, "Noted the follow-up for <@U0BOB>");
    harness.reply(thread, DRAFTER, "Refunds are never retried");
    harness.awaitInThread(thread, "Noted (2 decisions, 1 follow-up so far)");
    harness.reply(thread, DRAFTER, "<@U0BOB>:");
    harness.awaitInThread(thread, "names an owner but no task");
    sentTwice("EvDone", thread, "That's all");
    harness.awaitInThread(thread, "Thanks: 2 decisions and 1 follow-up are in the spec");

    String day = start.plusMinutes(30).toLocalDate().toString();
    String spec = harness.awaitFile("payment-retries.md", "Decided in the discussion");
    String notes = spec.substring(spec.indexOf("## Research Notes"), spec.indexOf("# Tech Spec"));
    assertTrue(
        notes.endsWith(
            "Answer 7.\n\n### Decided in the discussion\n\n"
                + ("- " + day + ": " + first + "\n")
                + ("- " + day + ": Refunds are never retried\n\n")
                + "**Follow-ups**\n\n"
                + ("- [ ] User U0BOB: write the migration (" + day + ")\n\n")),
        notes);
    assertTrue(spec.contains(" - [x] Tech spec drafter: Facilitate that discussion."), spec);
    assertEquals(1, harness.postedInThread(thread, "Noted (1 decision").size(), "recorded once");
    assertEquals(1, harness.postedInThread(thread, "Noted the follow-up").size());
    assertEquals(1, harness.postedInThread(thread, "Thanks: ").size());

    harness.reply(thread, DRAFTER, "thanks everyone!");
    harness.reply(thread, DRAFTER, "who has read it");
    harness.awaitInThread(thread, "Read so far: <@U0BOB>");
    assertEquals(0, harness.postedInThread(thread, "Noted (3").size(), "talk after done is talk");
  }

  @Test
  void a_follow_up_becomes_one_github_issue_and_the_template_names_where_decisions_go()
      throws Exception {
    startPublishingBot();
    String thread = harness.start("tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "Retries are lost.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Keep them.");
    harness.awaitInThread(thread, PROMPT);
    harness.reply(thread, DRAFTER, "publish");
    BotHarness.awaitCondition(() -> github.issues(REPO).size() == 1, "the spec's issue");
    ZonedDateTime start = daysAhead(2, LocalTime.of(11, 0));
    schedule(thread, start, List.of(BOB));

    harness.advanceClockTo(start.plusMinutes(30).toInstant());
    harness.awaitInThread(thread, ASKED);
    sentTwice("EvF1", thread, "<@U0BOB|bob> ask finance about refunds");
    harness.awaitInThread(thread, "It becomes a GitHub issue.");
    harness.reply(thread, DRAFTER, "no decisions");
    harness.awaitInThread(thread, "0 decisions and 1 follow-up are in the spec");

    BotHarness.awaitCondition(() -> github.issues(REPO).size() == 2, "the follow-up's issue");
    FakeIssue followUp = github.issues(REPO).get(1);
    assertEquals("ask finance about refunds", followUp.title());
    assertTrue(followUp.body().contains("Owner: User U0BOB (@bob-gh)"), followUp.body());
    String spec = harness.awaitFile("payment-retries.md", "/issues/2)");
    String plan = spec.substring(spec.indexOf("## Plan"));
    assertTrue(plan.contains("Keep them.\n\n### Decided in the discussion\n\n"), plan);
    assertTrue(
        plan.contains(
            "- [ ] User U0BOB: ask finance about refunds ("
                + start.toLocalDate()
                + ") ([#2](https://github.com/echo-team/specs/issues/2))"),
        plan);
    BotHarness.awaitCondition(
        () -> github.issues(REPO).get(0).body().contains("Decided in the discussion"),
        "the spec's issue to show the decisions");
    assertEquals(2, github.issues(REPO).size(), "the retried reply made one issue");
    assertFalse(spec.contains("## Decisions"), "the template's section, not one of its own");
    assertFalse(spec.contains("## Tickets"), "a follow-up is listed with its owner, not again");
  }

  @Test
  void meeting_commands_still_work_while_decisions_are_taken_and_a_later_meeting_asks_again()
      throws Exception {
    harness = new BotHarness(folder, DAY_LONG);
    String thread = harness.start("project-spec", "Search ranking");
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, PROMPT);
    ZonedDateTime start = daysAhead(1, LocalTime.of(10, 0));
    schedule(thread, start, List.of(BOB));
    harness.advanceClockTo(start.plusMinutes(30).toInstant());
    harness.awaitInThread(thread, ASKED);

    harness.reply(thread, DRAFTER, "who has read it");
    harness.awaitInThread(thread, "Nobody has pressed Read it yet");
    harness.reply(thread, DRAFTER, "Rank by freshness first");
    harness.awaitInThread(thread, "Noted (1 decision");
    harness.reply(thread, DRAFTER, "done");
    harness.awaitInThread(thread, "Thanks: 1 decision and 0 follow-ups");

    ZonedDateTime later = daysAhead(3, LocalTime.of(10, 0));
    move(thread, later);
    harness.advanceClockTo(later.plusMinutes(30).toInstant());
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, ASKED).size() == 2, "the later meeting to ask again");
    harness.reply(thread, DRAFTER, "Keep the old ranking as a fallback");
    harness.awaitInThread(thread, "Noted (2 decisions");
    RecordedCall askedAgain = harness.postedInThread(thread, ASKED).get(1);
    press(askedAgain, BOB, thread, ActionIds.DECISIONS_DONE, Map.of());
    BotHarness.awaitCondition(
        () -> !harness.slack.ephemeralsShownTo(BOB).isEmpty(), "a teammate's press refused");
    press(askedAgain, DRAFTER, thread, ActionIds.DECISIONS_DONE, Map.of());
    press(askedAgain, DRAFTER, thread, ActionIds.DECISIONS_DONE, Map.of());
    harness.awaitInThread(thread, "Thanks: 2 decisions and 0 follow-ups");

    String spec = harness.awaitFile("search-ranking.md", "Keep the old ranking");
    assertTrue(
        spec.endsWith(
            "## Decisions\n\n"
                + ("- " + start.toLocalDate() + ": Rank by freshness first\n")
                + ("- " + later.toLocalDate() + ": Keep the old ranking as a fallback\n")),
        spec);
    assertEquals(0, harness.postedInThread(thread, "Noted (3").size(), "a command is no decision");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "everything sent");
    assertEquals(
        1, harness.postedInThread(thread, "Thanks: 2 decisions").size(), "That's all, once");
  }

  // --- helpers

  private void startPublishingBot() throws Exception {
    github.addRepository(REPO);
    Path templates = Files.createDirectories(folder.resolve("templates"));
    Files.writeString(
        templates.resolve("tech-spec.md"),
        """
        ---
        name: Tech spec
        about: A technical spec, as an issue
        title: '[SUBJECT] Tech Spec'
        specbot:
          github: echo-team/specs
          decisions: Plan
        ---
        # [Title]
        ## Problem
        What is wrong today?
        ## Plan
        What will change?
        """);
    harness =
        BotHarness.publishingTo(
            folder,
            templates,
            new Config.GitHub(
                Optional.of(FakeGitHub.TOKEN),
                Optional.empty(),
                github.apiUrl(),
                Map.of(BOB, "bob-gh")));
  }

  /** The drafter's reply, and Slack's retry of it (the same event, sent again). */
  private void sentTwice(String eventId, String thread, String text) {
    String ts = harness.slack.addUserMessage(CHANNEL, thread, DRAFTER, text);
    for (int retry = 0; retry < 2; retry++) {
      var response =
          harness.requests().threadReply(eventId, CHANNEL, thread, DRAFTER, text, ts, retry);
      assertEquals(200, response.status(), response.body());
    }
  }

  /** Schedules the meeting in writing, for 30 minutes, and confirms it. */
  private void schedule(String thread, ZonedDateTime start, List<String> attendees) {
    String mentions = String.join(" ", attendees.stream().map(id -> "<@" + id + ">").toList());
    harness.reply(
        thread,
        DRAFTER,
        "meeting "
            + start.toLocalDate()
            + " at "
            + start.toLocalTime()
            + " for 30 minutes with "
            + mentions);
    RecordedCall proposal = harness.awaitInThread(thread, "Schedule the discussion for");
    press(proposal, DRAFTER, thread, ActionIds.CONFIRM, Map.of());
    harness.awaitInThread(thread, "is scheduled for");
  }

  /** Moves the meeting in writing and confirms it. */
  private void move(String thread, ZonedDateTime start) {
    harness.reply(
        thread, DRAFTER, "reschedule to " + start.toLocalDate() + " at " + start.toLocalTime());
    RecordedCall proposal = harness.awaitInThread(thread, "Move the discussion to");
    press(proposal, DRAFTER, thread, ActionIds.CONFIRM, Map.of());
    harness.awaitInThread(thread, "has moved to");
  }

  private void press(
      RecordedCall message,
      String user,
      String thread,
      String actionId,
      Map<String, Map<String, Object>> state) {
    var response =
        harness
            .requests()
            .blockAction(
                user,
                message.param("channel"),
                harness.tsOf(message),
                thread,
                actionId,
                BotHarness.actionValue(message, actionId),
                "trig-" + actionId,
                state);
    assertEquals(200, response.status(), response.body());
  }

  private static ZonedDateTime daysAhead(int days, LocalTime time) {
    return ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(days), time, BERLIN);
  }
}
