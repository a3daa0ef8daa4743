package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static dev.specbot.slack.BotHarness.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.Reminder;
import dev.specbot.meeting.WorkingHours;
import dev.specbot.slack.fake.FakeUser;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * The discussion meeting through the real bot and a fake Slack: scheduling by picker and in
 * writing, rescheduling, cancelling, the reminders and nudges, and a restart in between.
 */
class MeetingEndToEndTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String BOB = "U0BOB";
  private static final String CAROL = "U0CAROL";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final WorkingHours ALWAYS = WorkingHours.parse("00:00-24:00", "MON-SUN");
  private static final NudgePolicy DAY_LONG =
      new NudgePolicy(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 3, ALWAYS);

  @TempDir Path folder;
  private BotHarness harness;

  @AfterEach
  void stopBot(TestInfo test) throws java.io.IOException {
    if (harness != null) {
      // Kept for checking by hand: slack-check webapi-jsonl target/slack-calls/meeting-*.jsonl
      harness.slack.writeJsonl(
          Files.createDirectories(Path.of("target/slack-calls"))
              .resolve("meeting-" + test.getTestMethod().orElseThrow().getName() + ".jsonl"));
      harness.close();
    }
  }

  private void startBot(NudgePolicy nudges) throws Exception {
    harness = new BotHarness(folder, nudges);
    harness.slack.addUser(FakeUser.of(CAROL).withEmail("").withTimeZone(ZoneId.of("Asia/Tokyo")));
  }

  @Test
  void scheduling_with_the_pickers_announces_invites_attaches_the_ics_and_updates_the_spec()
      throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    ZonedDateTime start = daysAhead(3, LocalTime.of(15, 0));

    RecordedCall announcement = scheduleWithPickers(thread, start, 45, List.of(BOB, CAROL));

    assertTrue(
        announcement.param("text").contains("is scheduled for " + slackDate(start)),
        announcement.param("text"));
    assertTrue(announcement.param("text").contains("(45 minutes) with <@U0BOB>, <@U0CAROL>"));
    assertTrue(harness.awaitDirect(BOB, "invites you").param("text").contains(slackDate(start)));
    harness.awaitDirect(CAROL, "invites you");

    String ics = harness.awaitFile("discussion.ics", "DTSTART");
    saveForSlackCheck("picker.ics", ics);
    assertTrue(ics.contains("METHOD:REQUEST"), ics);
    assertTrue(ics.contains("DTSTART;TZID=Europe/Berlin:" + icsLocal(start)), ics);
    assertTrue(ics.contains("mailto:u0bob@example.com"), ics);
    assertTrue(ics.contains("mailto:u0alice@example.com"), ics);
    assertFalse(ics.contains("u0carol"), "Carol has no e-mail: named in the description only");
    assertTrue(ics.contains("BEGIN:VALARM"), ics);

    String spec = harness.awaitFile("payment-retries.md", "15:45");
    String when =
        DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", java.util.Locale.ENGLISH)
            .format(start);
    assertTrue(spec.contains(when + "-15:45"), spec);
    assertTrue(spec.contains("- [x]"), "the checklist's scheduling step is ticked:\n" + spec);
    harness.slack.awaitCall(
        "chat.update",
        call -> call.param("text").contains("Discussion: " + slackDate(start)),
        WAIT);

    var list = harness.requests().slashCommand("/spec", "list", DRAFTER, CHANNEL, "trig-list");
    assertTrue(list.body().contains("Discussion: "), list.body());
  }

  @Test
  void a_written_time_is_echoed_back_and_scheduled_only_on_confirm() throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Search ranking");
    ZonedDateTime start = daysAhead(1, LocalTime.of(15, 30));

    harness.reply(thread, DRAFTER, "meeting tomorrow at 15:30 for 45 minutes with <@U0BOB>");
    RecordedCall proposal = harness.awaitInThread(thread, "Schedule the discussion for");
    assertTrue(proposal.param("text").contains(slackDate(start)), proposal.param("text"));
    assertTrue(proposal.param("text").contains("45 minutes with <@U0BOB>"));
    assertEquals(0, harness.postedInThread(thread, "is scheduled for").size());

    press(proposal, thread, ActionIds.CONFIRM, Map.of());
    harness.awaitInThread(thread, "is scheduled for " + slackDate(start));
    harness.awaitDirect(BOB, "invites you");
  }

  @Test
  void an_unreadable_past_or_distant_time_gets_a_clear_reply_and_talk_gets_none() throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Dark mode");

    harness.reply(thread, DRAFTER, "thanks Bob, looks good!");
    harness.reply(thread, DRAFTER, "whenever suits the team, for 30 minutes");
    harness.awaitInThread(thread, "Nothing was scheduled.");
    harness.reply(thread, DRAFTER, "yesterday at 3pm");
    harness.awaitInThread(thread, "passed");
    harness.reply(thread, DRAFTER, "Dec 3 2030 at 10am");
    harness.awaitInThread(thread, "year");

    assertEquals(3, harness.postedInThread(thread, "Nothing was scheduled.").size());
    // Talk in the thread is left alone: the refusals above were queued after it, in order.
    assertEquals(0, harness.postedInThread(thread, "thanks Bob").size());
    assertEquals(0, harness.postedInThread(thread, "Schedule the discussion for").size());
    assertTrue(
        harness.pendingReminders().stream()
            .noneMatch(r -> r.kind() == Reminder.Kind.MEETING_START));
  }

  @Test
  void rescheduling_moves_the_reminders_and_tells_everyone() throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    ZonedDateTime first = daysAhead(3, LocalTime.of(15, 0));
    scheduleWithPickers(thread, first, 30, List.of(BOB));
    harness.awaitDirect(BOB, "invites you");

    ZonedDateTime moved = daysAhead(5, LocalTime.of(11, 0));
    harness.reply(thread, DRAFTER, "reschedule to in 5 days at 11am");
    RecordedCall proposal = harness.awaitInThread(thread, "Move the discussion to");
    assertTrue(proposal.param("text").contains(slackDate(moved)), proposal.param("text"));
    press(proposal, thread, ActionIds.CONFIRM, Map.of());

    harness.awaitInThread(thread, "has moved to " + slackDate(moved));
    harness.awaitDirect(BOB, "moved the discussion");
    String update = harness.awaitFile("discussion.ics", "SEQUENCE:1");
    saveForSlackCheck("moved.ics", update);
    assertTrue(update.contains("DTSTART;TZID=Europe/Berlin:" + icsLocal(moved)), update);

    List<Reminder> pending = harness.pendingReminders();
    assertEquals(4, pending.size(), pending.toString()); // read: thread and Bob; start; end
    assertTrue(pending.stream().allMatch(r -> !r.dueAt().isBefore(Instant.now())));
    assertTrue(
        pending.stream()
            .filter(r -> r.kind() == Reminder.Kind.MEETING_START)
            .allMatch(r -> r.dueAt().equals(moved.toInstant())));
    assertTrue(
        pending.stream()
            .filter(r -> r.kind() == Reminder.Kind.MEETING_END)
            .allMatch(r -> r.dueAt().equals(moved.toInstant().plus(Duration.ofMinutes(30)))));

    harness.advanceClockTo(moved.minusDays(1).toInstant());
    harness.awaitInThread(thread, "Please read the spec");
    harness.advanceClockTo(moved.toInstant());
    harness.awaitInThread(thread, "starts now");
    harness.awaitDirect(BOB, "starts now");
    assertEquals(1, harness.postedInThread(thread, "starts now").size());
    assertEquals(1, harness.postedInThread(thread, "Please read the spec").size());
    assertTrue(
        harness
            .postedInThread(thread, "Please read the spec")
            .get(0)
            .param("text")
            .contains(slackDate(moved)));
    assertEquals(List.of(Reminder.Kind.MEETING_END), pendingKinds(), "the meeting's end is next");
  }

  @Test
  void cancelling_tells_the_attendees_sends_a_cancelling_invite_and_drops_the_reminders()
      throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    ZonedDateTime start = daysAhead(2, LocalTime.of(9, 30));
    RecordedCall announcement = scheduleWithPickers(thread, start, 30, List.of(BOB));

    press(announcement, thread, ActionIds.CANCEL, Map.of());

    harness.awaitInThread(thread, "is cancelled");
    harness.awaitDirect(BOB, "cancelled the discussion");
    String cancel = harness.awaitFile("discussion.ics", "METHOD:CANCEL");
    saveForSlackCheck("cancel.ics", cancel);
    assertTrue(cancel.contains("STATUS:CANCELLED"), cancel);
    List<Reminder> pending = harness.pendingReminders();
    assertEquals(
        List.of(Reminder.Kind.MEETING_NUDGE),
        pending.stream().map(Reminder::kind).toList(),
        "only the nudge to schedule another meeting is left");
  }

  @Test
  void the_read_reminder_reaches_the_thread_and_each_attendee_and_the_drafter_sees_who_read()
      throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    ZonedDateTime start = daysAhead(3, LocalTime.of(14, 0));
    scheduleWithPickers(thread, start, 30, List.of(BOB, CAROL));

    harness.advanceClockTo(start.minusDays(1).toInstant());
    RecordedCall reminder = harness.awaitInThread(thread, "Please read the spec");
    RecordedCall toBob = harness.awaitDirect(BOB, "Please read the spec");
    harness.awaitDirect(CAROL, "Please read the spec");
    assertTrue(reminder.jsonParam("blocks").contains("\"url\":\"https://"), "Read it opens it");

    press(toBob, BOB, null, ActionIds.READ, Map.of());
    RecordedCall thanks =
        harness.slack.awaitCall("chat.postEphemeral", call -> BOB.equals(call.param("user")), WAIT);
    assertTrue(thanks.param("text").contains("noted that you have read"), thanks.param("text"));

    press(reminder, DRAFTER, thread, ActionIds.WHO_READ, Map.of());
    RecordedCall readers =
        harness.slack.awaitCall(
            "chat.postEphemeral",
            call -> DRAFTER.equals(call.param("user")) && call.param("text").contains("Read so"),
            WAIT);
    assertTrue(readers.param("text").contains("Read so far: <@U0BOB> (1 of 2 invited)"));
    assertTrue(readers.param("text").contains("Not yet: <@U0CAROL>"), readers.param("text"));
  }

  @Test
  void a_restart_between_scheduling_and_the_meeting_still_fires_each_reminder_once()
      throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    ZonedDateTime start = daysAhead(2, LocalTime.of(16, 0));
    scheduleWithPickers(thread, start, 30, List.of(BOB));
    harness.awaitDirect(BOB, "invites you");

    harness.restart();
    harness.advanceClockTo(start.minusDays(1).toInstant());
    harness.awaitDirect(BOB, "Please read the spec");
    harness.advanceClockTo(start.toInstant());

    harness.awaitInThread(thread, "starts now");
    harness.awaitDirect(BOB, "starts now");
    assertEquals(1, harness.postedInThread(thread, "Please read the spec").size());
    assertEquals(1, harness.postedInThread(thread, "starts now").size());
    assertEquals(List.of(Reminder.Kind.MEETING_END), pendingKinds(), "the meeting's end is next");
  }

  @Test
  void two_bots_on_one_database_send_each_reminder_once() throws Exception {
    startBot(DAY_LONG);
    harness.startTwin();
    String thread = finishedSpec("Payment retries");
    ZonedDateTime start = daysAhead(2, LocalTime.of(11, 0));
    scheduleWithPickers(thread, start, 30, List.of(BOB, CAROL));

    harness.advanceClockTo(start.minusDays(1).toInstant());
    harness.awaitInThread(thread, "Please read the spec");
    harness.awaitDirect(BOB, "Please read the spec");
    harness.awaitDirect(CAROL, "Please read the spec");
    harness.advanceClockTo(start.toInstant());
    harness.awaitDirect(CAROL, "starts now");
    harness.awaitDirect(BOB, "starts now");
    harness.awaitInThread(thread, "starts now");
    harness.advanceClockTo(start.plusMinutes(30).toInstant());
    harness.awaitInThread(thread, "is over: what was decided?");

    BotHarness.awaitCondition(() -> harness.pendingReminders().isEmpty(), "every reminder fired");
    assertEquals(1, harness.postedInThread(thread, "Agenda for the discussion").size());
    assertEquals(1, harness.postedInThread(thread, "is over: what was decided?").size());
    assertEquals(1, harness.postedInThread(thread, "Please read the spec").size());
    assertEquals(1, harness.postedInThread(thread, "starts now").size());
    for (String attendee : List.of(BOB, CAROL)) {
      assertEquals(1, directs(attendee, "Please read the spec"), attendee);
      assertEquals(1, directs(attendee, "starts now"), attendee);
      assertEquals(1, directs(attendee, "invites you"), attendee);
    }
  }

  private List<Reminder.Kind> pendingKinds() {
    return harness.pendingReminders().stream().map(Reminder::kind).toList();
  }

  private long directs(String userId, String fragment) {
    return harness.slack.calls("chat.postMessage").stream()
        .filter(
            call -> userId.equals(call.param("channel")) && call.param("text").contains(fragment))
        .count();
  }

  @Test
  void an_unanswered_question_is_nudged_after_the_configured_delay_up_to_the_limit()
      throws Exception {
    startBot(
        new NudgePolicy(Duration.ofMillis(300), Duration.ofDays(1), Duration.ofDays(1), 2, ALWAYS));
    String thread = harness.start("echo-tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);

    RecordedCall nudge = harness.awaitInThread(thread, "waiting for your answer");
    assertTrue(nudge.jsonParam("blocks").contains("specbot_pause"), nudge.jsonParam("blocks"));
    harness.awaitInThread(thread, "(last reminder)");
    BotHarness.awaitCondition(
        () -> harness.pendingReminders().isEmpty(), "the nudges to stop at the limit");
    assertEquals(2, harness.postedInThread(thread, "waiting for your answer").size());

    harness.reply(thread, DRAFTER, "An answer resets the nudges.");
    harness.awaitQuestion(thread, 2);
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, "waiting for your answer").size() == 4,
        "two more nudges after the answer");
  }

  @Test
  void pressing_pause_on_a_nudge_stops_the_nudges() throws Exception {
    startBot(
        new NudgePolicy(Duration.ofMillis(300), Duration.ofDays(1), Duration.ofDays(1), 5, ALWAYS));
    String thread = harness.start("echo-tech-spec", "Payment retries");
    RecordedCall nudge = harness.awaitInThread(thread, "waiting for your answer");

    press(nudge, thread, ActionIds.PAUSE, Map.of());
    harness.awaitInThread(thread, "Paused.");
    // A second nudge is due 300 ms after the first: a slow machine may send it before the press.
    int beforePause = harness.postedInThread(thread, "waiting for your answer").size();

    assertEquals(List.of(), harness.pendingReminders());
    harness.advanceClock(Duration.ofDays(3));
    assertEquals(List.of(), harness.pendingReminders(), "nothing left to nudge while paused");
    // Counted before resuming: a resumed interview is nudged again 300 ms later.
    assertEquals(beforePause, harness.postedInThread(thread, "waiting for your answer").size());
    harness.reply(thread, DRAFTER, "resume");
    harness.awaitQuestion(thread, 1);
  }

  @Test
  void a_posted_spec_without_a_meeting_is_nudged_and_snooze_and_no_meeting_needed_work()
      throws Exception {
    startBot(
        new NudgePolicy(Duration.ofDays(1), Duration.ofMillis(300), Duration.ofDays(1), 3, ALWAYS));
    String thread = finishedSpec("Payment retries");

    RecordedCall nudge = harness.awaitInThread(thread, "has no discussion meeting yet");
    press(nudge, thread, ActionIds.SNOOZE, Map.of());
    harness.awaitInThread(thread, "Snoozed");
    List<Reminder> snoozed = harness.pendingReminders();
    assertEquals(1, snoozed.size());
    assertTrue(snoozed.get(0).dueAt().isAfter(Instant.now().plus(Duration.ofHours(23))));

    harness.advanceClock(Duration.ofDays(1).plusMinutes(1));
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, "has no discussion meeting yet").size() == 2,
        "the snoozed nudge a day later");
    RecordedCall second = harness.postedInThread(thread, "has no discussion meeting yet").get(1);
    press(second, thread, ActionIds.NO_MEETING, Map.of());
    harness.awaitInThread(thread, "no discussion meeting for this spec");
    assertEquals(List.of(), harness.pendingReminders());
  }

  @Test
  void only_the_drafter_can_schedule_and_others_are_told_whose_spec_it_is() throws Exception {
    startBot(DAY_LONG);
    String thread = finishedSpec("Payment retries");
    RecordedCall prompt = harness.awaitInThread(thread, PROMPT);

    press(
        prompt,
        BOB,
        thread,
        ActionIds.SCHEDULE,
        pickers(daysAhead(2, LocalTime.NOON), 30, List.of()));

    RecordedCall note =
        harness.slack.awaitCall("chat.postEphemeral", call -> BOB.equals(call.param("user")), WAIT);
    assertTrue(note.param("text").contains("<@U0ALICE>'s spec"), note.param("text"));
    assertEquals(0, harness.postedInThread(thread, "is scheduled for").size());
  }

  // --- helpers

  /** Starts an interview and finishes it at once; returns its thread once the pickers are up. */
  private String finishedSpec(String title) {
    String thread = harness.start("echo-tech-spec", title);
    harness.awaitQuestion(thread, 1);
    harness.reply(thread, DRAFTER, "finish");
    harness.awaitInThread(thread, PROMPT);
    return thread;
  }

  private RecordedCall scheduleWithPickers(
      String thread, ZonedDateTime start, int minutes, List<String> attendees) {
    RecordedCall prompt = harness.awaitInThread(thread, PROMPT);
    press(prompt, thread, ActionIds.SCHEDULE, pickers(start, minutes, attendees));
    return harness.awaitInThread(thread, "is scheduled for " + slackDate(start));
  }

  private static Map<String, Map<String, Object>> pickers(
      ZonedDateTime start, int minutes, List<String> attendees) {
    return Map.of(
        ActionIds.WHEN_BLOCK,
        Map.of(
            ActionIds.DATE,
            Map.of("type", "datepicker", "selected_date", start.toLocalDate().toString()),
            ActionIds.TIME,
            Map.of("type", "timepicker", "selected_time", start.toLocalTime().toString()),
            ActionIds.LENGTH,
            Map.of(
                "type",
                "static_select",
                "selected_option",
                Map.of("value", String.valueOf(minutes)))),
        ActionIds.WHO_BLOCK,
        Map.of(
            ActionIds.ATTENDEES,
            Map.of("type", "multi_users_select", "selected_users", attendees)));
  }

  private void press(
      RecordedCall message,
      String thread,
      String actionId,
      Map<String, Map<String, Object>> state) {
    press(message, DRAFTER, thread, actionId, state);
  }

  private void press(
      RecordedCall message,
      String user,
      String thread,
      String actionId,
      Map<String, Map<String, Object>> state) {
    String channel = message.param("channel");
    var response =
        harness
            .requests()
            .blockAction(
                user,
                channel,
                harness.tsOf(message),
                thread,
                actionId,
                BotHarness.actionValue(message, actionId),
                "trig-" + actionId,
                state);
    assertEquals(200, response.status(), response.body());
  }

  /** Kept under target/ics for {@code slack-check ics}. */
  private static void saveForSlackCheck(String name, String ics) throws java.io.IOException {
    Path folder = Path.of("target", "ics");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("e2e-" + name), ics);
  }

  private static ZonedDateTime daysAhead(int days, LocalTime time) {
    return ZonedDateTime.of(LocalDate.now(BERLIN).plusDays(days), time, BERLIN);
  }

  private static String slackDate(ZonedDateTime start) {
    return "<!date^" + start.toEpochSecond() + "^{date_long} at {time}|";
  }

  private static String icsLocal(ZonedDateTime start) {
    return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(start);
  }
}
