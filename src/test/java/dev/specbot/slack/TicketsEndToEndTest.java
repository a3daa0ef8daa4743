package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.Config;
import dev.specbot.github.fake.Failure;
import dev.specbot.github.fake.FakeGitHub;
import dev.specbot.github.fake.FakeIssue;
import dev.specbot.github.fake.Route;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tickets from an approved spec's action items through the real bot, a fake Slack and a fake GitHub
 * on loopback: the button posted once on approval, the form it opens, the tickets the drafter ticks
 * (with a title edited) made as GitHub issues linking back to the spec's, once whatever is sent
 * twice, lost or restarted; without GitHub, a checklist in the document; the process step ticked;
 * and each refusal told.
 */
class TicketsEndToEndTest {
  private static final String REPO = "echo-team/specs";
  private static final String BOB = "U0BOB";
  private static final String DAVE = "U0DAVE";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final String OFFER = "turn its action items into tickets?";
  private static final String FILE = "payment-retries.md";
  private static final String STEP = "Turn tech spec into next-step actionable tickets.";
  private static final String SPEC_URL = "https://github.com/echo-team/specs/issues/1";

  @TempDir Path folder;
  private final FakeGitHub github = new FakeGitHub();
  private BotHarness harness;
  private String problemTs;

  @AfterEach
  void stop() {
    if (harness != null) {
      harness.close();
    }
    github.close();
  }

  @Test
  void approval_offers_tickets_once_and_the_ticked_ones_become_issues_linking_to_the_spec()
      throws Exception {
    startBot(true);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);

    press(offer, DAVE, "1700000000.000001");
    awaitEphemeral(DAVE, "Only <@U0ALICE>, who drafted this spec, can create its tickets");
    press(offer, DRAFTER, "1700000000.000002");
    JsonObject form = openedForm(1);
    press(offer, DRAFTER, "1700000000.000002"); // Slack sends the same press again.
    assertEquals(ActionIds.TICKETS_FORM, form.get("callback_id").getAsString());
    assertEquals("Create issues", form.getAsJsonObject("submit").get("text").getAsString());
    List<String> keys = keys(form);
    assertEquals(
        List.of("Build the retry queue", "Add a dashboard", "Alert on failures"), titles(form));

    Map<String, Map<String, Object>> sent =
        submission(form, Set.of(keys.get(1)), Map.of(keys.get(0), "Build a durable retry queue"));
    submit(form, sent);
    submit(form, sent); // Slack sends the same submission again.
    harness.awaitInThread(thread, "Tickets created: 2 tickets.");
    harness.advanceClock(Duration.ofSeconds(5));
    submit(form, sent); // The drafter sends the same form once more.
    awaitEphemeral(DRAFTER, "Those tickets are made already");

    List<FakeIssue> issues = github.issues(REPO);
    assertEquals(3, issues.size(), issues.toString());
    FakeIssue durable = issue("Build a durable retry queue");
    assertTrue(durable.body().contains("From the spec #1, section Milestones."), durable.body());
    assertTrue(issue("Alert on failures").body().contains("From the spec #1"));
    assertTrue(issues.stream().noneMatch(i -> i.title().equals("Add a dashboard")));
    assertEquals(3, github.calls(Route.CREATE_ISSUE).size());

    String said = harness.postedInThread(thread, "Tickets created").get(0).param("text");
    assertTrue(said.contains("|#2> Build a durable retry queue"), said);
    assertTrue(said.contains("|#3> Alert on failures"), said);
    assertTrue(said.contains("step of turning it into tickets is ticked"), said);
    String document = harness.awaitFile(FILE, "## Tickets");
    assertTrue(document.contains("- [x] Tech spec drafter: " + STEP), document);
    assertTrue(
        document.contains("- [ ] [#2](https://github.com/echo-team/specs/issues/2) Build a"),
        document);
    assertFalse(document.contains("Add a dashboard]"), document);
    assertEquals(1, harness.postedInThread(thread, OFFER).size(), "offered once");

    // Asked again, the form offers only what is left.
    harness.reply(thread, DRAFTER, "tickets");
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, OFFER).size() == 2, "the button again");
    press(harness.postedInThread(thread, OFFER).get(1), DRAFTER, "1700000000.000003");
    assertEquals(List.of("Add a dashboard"), titles(openedForm(2)));
    assertEquals(2, harness.slack.calls("views.open").size(), "the same press opened one form");
  }

  @Test
  void a_ticket_whose_answer_was_lost_is_found_again_after_a_restart_not_made_twice()
      throws Exception {
    startBot(true);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "Published to GitHub as <" + SPEC_URL);
    github.failNext(Route.CREATE_ISSUE, 1, Failure.lostAnswer());

    press(offer, DRAFTER, "1700000000.000002");
    JsonObject form = openedForm(1);
    submit(form, submission(form, Set.of(), Map.of()));
    BotHarness.awaitCondition(harness::hasFailedAttempt, "the lost answer to be recorded");
    harness.restart();
    harness.awaitInThread(thread, "Tickets created: 3 tickets.");

    assertEquals(4, github.issues(REPO).size(), github.issues(REPO).toString());
    assertEquals(4, github.calls(Route.CREATE_ISSUE).size(), "the spec, the lost one, two more");
    assertFalse(github.calls(Route.LIST_ISSUES).isEmpty(), "it was looked for by its marker");
  }

  @Test
  void github_refusing_the_tickets_is_told_once_in_plain_words() throws Exception {
    startBot(true);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "Published to GitHub as <" + SPEC_URL);
    github.failNext(Route.CREATE_ISSUE, 3, Failure.validationFailed("title", "invalid", "x"));

    press(offer, DRAFTER, "1700000000.000002");
    JsonObject form = openedForm(1);
    submit(form, submission(form, Set.of(), Map.of()));
    RecordedCall told = harness.awaitInThread(thread, "GitHub would not take the issue");
    assertTrue(told.param("text").contains("write `tickets` here"), told.param("text"));
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "nothing left to send");
    assertEquals(1, harness.postedInThread(thread, "GitHub would not take the issue").size());
    assertEquals(1, github.issues(REPO).size(), "only the spec's");
    assertTrue(harness.postedInThread(thread, "Tickets created").isEmpty());

    // Refused tickets may be proposed again.
    harness.reply(thread, DRAFTER, "tickets");
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, OFFER).size() == 2, "the button again");
    press(harness.postedInThread(thread, OFFER).get(1), DRAFTER, "1700000000.000003");
    assertEquals(3, titles(openedForm(2)).size());
  }

  @Test
  void tickets_of_a_spec_github_refused_to_publish_are_not_made_and_may_be_proposed_again()
      throws Exception {
    startBot(true);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    github.failNext(Route.CREATE_ISSUE, 1, Failure.refused(404, "Not Found"));

    press(offer, DRAFTER, "1700000000.000002");
    JsonObject form = openedForm(1);
    submit(form, submission(form, Set.of(), Map.of()));
    harness.awaitInThread(
        thread, "Creating 3 tickets as GitHub issues, once this spec is published");
    harness.awaitInThread(thread, "could not be published to echo-team/specs");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "nothing left to send");
    assertEquals(1, harness.postedInThread(thread, "could not be published").size());
    assertEquals(0, github.issues(REPO).size());
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size(), "only the spec's was tried");
    assertTrue(harness.postedInThread(thread, "Tickets created").isEmpty());

    harness.reply(thread, DRAFTER, "tickets");
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, OFFER).size() == 2, "the button again");
    press(harness.postedInThread(thread, OFFER).get(1), DRAFTER, "1700000000.000003");
    assertEquals(3, titles(openedForm(2)).size());
  }

  @Test
  void without_github_the_tickets_become_a_checklist_in_the_document_and_the_step_is_ticked()
      throws Exception {
    startBot(false);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    press(offer, DRAFTER, "1700000000.000002");
    JsonObject form = openedForm(1);
    assertEquals("Add to the spec", form.getAsJsonObject("submit").get("text").getAsString());
    List<String> keys = keys(form);

    submit(form, submission(form, Set.of(keys.get(2)), Map.of(keys.get(1), "Add a <b>board")));
    String said =
        harness.awaitInThread(thread, "Added 2 tickets to the spec as a checklist.").param("text");
    assertTrue(said.contains("Add a &lt;b&gt;board"), said);
    String document = harness.awaitFile(FILE, "## Tickets");
    assertTrue(document.contains("- [x] Tech spec drafter: " + STEP), document);
    assertTrue(document.contains("- [ ] Build the retry queue"), document);
    assertTrue(document.contains("- [ ] Add a \\<b\\>board"), document);
    assertFalse(document.contains("- [ ] Alert on failures"), document);
    harness.slack.awaitCall(
        "canvases.create",
        call -> call.params().toString().contains("Build the retry queue"),
        BotHarness.WAIT);

    // A later change to the spec keeps its tickets and the ticked step.
    harness.reply(thread, BOB, "request changes: say what a retry costs");
    harness.awaitInThread(thread, "requested changes");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the bot's messages sent");
    String latest = harness.uploadedText(FILE).orElseThrow();
    assertTrue(latest.contains("## Tickets"), latest);
  }

  @Test
  void a_spec_approved_again_after_an_edit_is_not_offered_tickets_twice() throws Exception {
    startBot(false);
    String thread = approvedSpec();
    harness.awaitInThread(thread, OFFER);
    var edit =
        harness
            .requests()
            .messageChanged(
                "EvEdit1",
                BotHarness.CHANNEL,
                thread,
                DRAFTER,
                problemTs,
                "Retries are lost.",
                "Retries vanish.");
    assertEquals(200, edit.status(), edit.body());
    harness.awaitFile(FILE, "Retries vanish.");
    harness.reply(thread, BOB, "approve");
    BotHarness.awaitCondition(
        () -> harness.postedInThread(thread, "<@U0BOB> approved the spec.").size() == 2,
        "the second approval");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the bot's messages sent");
    assertEquals(1, harness.postedInThread(thread, OFFER).size());
  }

  @Test
  void tickets_written_by_a_teammate_is_refused_privately_and_the_drafter_gets_the_button()
      throws Exception {
    startBot(false);
    String thread = finishedSpec();
    harness.reply(thread, BOB, "tickets");
    awaitEphemeral(BOB, "Only <@U0ALICE>, who drafted this spec, can create its tickets");
    assertTrue(harness.postedInThread(thread, OFFER).isEmpty());
    harness.reply(thread, DRAFTER, "tickets");
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    press(offer, DRAFTER, "1700000000.000002");
    assertEquals(3, titles(openedForm(1)).size());
  }

  @Test
  void a_form_slack_would_not_open_is_told_privately_and_a_new_press_opens_it() throws Exception {
    startBot(false);
    String thread = approvedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);
    harness.slack.failNext(
        "views.open", 1, dev.specbot.slack.fake.Failure.slackError("expired_trigger_id"));

    press(offer, DRAFTER, "1700000000.000001");
    awaitEphemeral(DRAFTER, "Slack would not open the ticket form just now");
    press(offer, DRAFTER, "1700000000.000002");

    assertEquals(3, titles(openedForm(2)).size());
  }

  /** A tech spec with milestones and the process step of making tickets. */
  private void startBot(boolean withGitHub) throws Exception {
    github.addRepository(REPO);
    Path templates = Files.createDirectories(folder.resolve("templates"));
    Files.writeString(
        templates.resolve("tech-spec.md"),
        """
        ---
        name: Tech spec
        about: A technical spec, as an issue
        specbot:
          github: %s
        ---
        # [Title]
        ## Problem
        What is wrong today?
        ## Milestones
        The steps, as a list.
        # Tech Spec Process
         - [ ] Tech spec drafter: %s
        """
            .formatted(REPO, STEP));
    Config.GitHub gitHub =
        withGitHub
            ? new Config.GitHub(
                Optional.of(FakeGitHub.TOKEN), Optional.empty(), github.apiUrl(), Map.of())
            : Config.GitHub.NONE;
    harness = BotHarness.publishingTo(folder, templates, gitHub);
  }

  private String finishedSpec() {
    String thread = harness.start("tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    problemTs = harness.reply(thread, DRAFTER, "Retries are lost.");
    harness.awaitQuestion(thread, 2);
    harness.reply(
        thread, DRAFTER, "- Build the retry queue\n- Add a dashboard\n- Alert on failures");
    harness.awaitInThread(thread, PROMPT);
    return thread;
  }

  private String approvedSpec() {
    String thread = finishedSpec();
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>");
    harness.reply(thread, BOB, "approve");
    harness.awaitInThread(thread, "<@U0BOB> approved the spec.");
    return thread;
  }

  private void press(RecordedCall message, String user, String actionTs) {
    var response =
        harness
            .requests()
            .blockActionAt(
                user,
                message.param("channel"),
                harness.tsOf(message),
                ActionIds.PROPOSE_TICKETS,
                BotHarness.actionValue(message, ActionIds.PROPOSE_TICKETS),
                "trig-" + actionTs,
                actionTs);
    assertEquals(200, response.status(), response.body());
  }

  /** The {@code count}th form opened, as Slack was sent it. */
  private JsonObject openedForm(int count) {
    BotHarness.awaitCondition(
        () -> harness.slack.calls("views.open").size() >= count, "form " + count + " opened");
    RecordedCall opened = harness.slack.calls("views.open").get(count - 1);
    return JsonParser.parseString(opened.params().get("view")).getAsJsonObject();
  }

  private static List<JsonObject> inputs(JsonObject form) {
    List<JsonObject> inputs = new ArrayList<>();
    for (JsonElement block : form.getAsJsonArray("blocks")) {
      if (block.getAsJsonObject().get("type").getAsString().equals("input")) {
        inputs.add(block.getAsJsonObject());
      }
    }
    return inputs;
  }

  /** The tickets' keys, in the form's order. */
  private static List<String> keys(JsonObject form) {
    List<String> keys = new ArrayList<>();
    for (JsonObject input : inputs(form)) {
      JsonObject element = input.getAsJsonObject("element");
      if (element.has("options")) {
        element
            .getAsJsonArray("options")
            .forEach(o -> keys.add(o.getAsJsonObject().get("value").getAsString()));
      }
    }
    return keys;
  }

  /** The title fields, as the form opens them. */
  private static List<String> titles(JsonObject form) {
    List<String> titles = new ArrayList<>();
    for (JsonObject input : inputs(form)) {
      JsonObject element = input.getAsJsonObject("element");
      if (element.has("initial_value")) {
        titles.add(element.get("initial_value").getAsString());
      }
    }
    return titles;
  }

  /** The form's state as Slack sends it: all ticked but {@code unticked}, titles as given. */
  private static Map<String, Map<String, Object>> submission(
      JsonObject form, Set<String> unticked, Map<String, String> retitled) {
    Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    for (JsonObject input : inputs(form)) {
      JsonObject element = input.getAsJsonObject("element");
      String block = input.get("block_id").getAsString();
      String action = element.get("action_id").getAsString();
      Map<String, Object> value = new HashMap<>();
      value.put("type", element.get("type").getAsString());
      if (element.has("options")) {
        List<Map<String, Object>> selected = new ArrayList<>();
        for (JsonElement option : element.getAsJsonArray("options")) {
          String key = option.getAsJsonObject().get("value").getAsString();
          if (!unticked.contains(key)) {
            selected.add(Map.of("value", key));
          }
        }
        value.put("selected_options", selected);
      } else {
        String key = block.substring(ActionIds.TICKETS_TITLE.length() + 1);
        value.put("value", retitled.getOrDefault(key, element.get("initial_value").getAsString()));
      }
      values.put(block, Map.of(action, value));
    }
    return values;
  }

  private void submit(JsonObject form, Map<String, Map<String, Object>> values) {
    var response =
        harness
            .requests()
            .viewSubmission(
                DRAFTER,
                ActionIds.TICKETS_FORM,
                form.get("private_metadata").getAsString(),
                values);
    assertEquals(200, response.status(), response.body());
  }

  private FakeIssue issue(String title) {
    return github.issues(REPO).stream()
        .filter(issue -> issue.title().equals(title))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no issue " + title + ": " + github.issues(REPO)));
  }

  private void awaitEphemeral(String user, String fragment) {
    BotHarness.awaitCondition(
        () -> harness.slack.ephemeralsShownTo(user).stream().anyMatch(t -> t.contains(fragment)),
        "a private note to " + user + " saying " + fragment);
  }
}
