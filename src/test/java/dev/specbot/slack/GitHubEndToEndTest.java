package dev.specbot.slack;

import static dev.specbot.slack.BotHarness.CHANNEL;
import static dev.specbot.slack.BotHarness.DRAFTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.Config;
import dev.specbot.github.fake.Failure;
import dev.specbot.github.fake.FakeComment;
import dev.specbot.github.fake.FakeGitHub;
import dev.specbot.github.fake.FakeIssue;
import dev.specbot.github.fake.Route;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.messages.ActionIds;
import dev.specbot.testdb.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spec published as a GitHub issue through the real bot, a fake Slack and a fake GitHub on
 * loopback: the button and {@code publish}, the issue's title, labels, assignees and body, the link
 * in the thread, on the parent and in the document, edits and review events after it, publishing on
 * approval, one issue whatever is pressed twice, lost or restarted, GitHub's outages and rate
 * limits waited out, and its refusals told to the drafter once, in plain words.
 */
class GitHubEndToEndTest {
  private static final String REPO = "echo-team/specs";
  private static final String BOB = "U0BOB";
  private static final String DAVE = "U0DAVE";
  private static final String PROMPT = "Next, the spec's discussion meeting";
  private static final String OFFER = "publish this spec as an issue";
  private static final String FILE = "payment-retries.md";
  private static final String ISSUE_URL = "https://github.com/echo-team/specs/issues/1";

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
  void the_button_publishes_one_issue_as_the_template_says_and_links_it_everywhere()
      throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    RecordedCall offer = harness.awaitInThread(thread, OFFER);

    press(offer, DAVE, "1700000000.000001");
    awaitEphemeral(DAVE, "Only <@U0ALICE>, who drafted this spec, can publish it");
    press(offer, DRAFTER, "1700000000.000002");
    // Slack sends the same click again, and the drafter clicks once more.
    press(offer, DRAFTER, "1700000000.000002");
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL + "|echo-team/specs#1>");
    press(offer, DRAFTER, "1700000000.000003");
    awaitEphemeral(DRAFTER, "already published as <" + ISSUE_URL + "|echo-team/specs#1>");

    FakeIssue issue = onlyIssue();
    assertEquals("Payment retries Tech Spec", issue.title());
    assertEquals(List.of("spec", "needs-review"), issue.labels());
    assertEquals(List.of("octo-lead", "alice-gh"), issue.assignees());
    assertTrue(issue.body().contains("Retries are lost."), issue.body());
    assertTrue(issue.body().contains("<!-- specbot:spec-id="), issue.body());
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size());
    harness.slack.awaitCall(
        "chat.update",
        call -> call.param("text").contains("GitHub issue: <" + ISSUE_URL + "|"),
        BotHarness.WAIT);
    // The canvas, the current document, links to the issue at once, and once.
    BotHarness.awaitCondition(
        () ->
            harness.slack.canvases().size() == 1
                && harness.slack.canvases().get(0).markdown().contains(ISSUE_URL),
        "the canvas to link to the issue");

    // An answer edited after publishing: the document links to the issue, whose body follows.
    var edit =
        harness
            .requests()
            .messageChanged(
                "EvEdit1",
                CHANNEL,
                thread,
                DRAFTER,
                problemTs,
                "Retries are lost.",
                "Retries vanish.");
    assertEquals(200, edit.status(), edit.body());
    String document = harness.awaitFile(FILE, "Retries vanish.");
    assertTrue(document.contains("GitHub issue: <" + ISSUE_URL + ">"), document);
    BotHarness.awaitCondition(
        () -> onlyIssue().body().contains("Retries vanish."), "the issue's body to be edited");
    assertFalse(onlyIssue().body().contains("GitHub issue:"), "the issue does not link to itself");
    BotHarness.awaitCondition(
        () -> harness.slack.canvases().get(0).markdown().contains("Retries vanish."),
        "the canvas to follow the edit");
    String canvas = harness.slack.canvases().get(0).markdown();
    assertTrue(canvas.contains("GitHub issue:"), canvas);
    assertEquals(
        canvas.indexOf("GitHub issue:"),
        canvas.lastIndexOf("GitHub issue:"),
        "linked once:\n" + canvas);

    // The review's events become comments on the issue.
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>");
    harness.reply(thread, BOB, "approve");
    harness.awaitInThread(thread, "<@U0BOB> approved the spec.");
    BotHarness.awaitCondition(
        () -> commentsSay("approved the spec.") && commentsSay("→ **Approved**"),
        "the approval as comments");
    assertTrue(commentsSay("Review requested from"), comments().toString());
    assertEquals(1, github.issues(REPO).size());
  }

  @Test
  void publish_written_in_the_thread_publishes_and_a_teammate_is_not_the_drafter()
      throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);

    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);
    harness.reply(thread, DRAFTER, "publish");
    awaitEphemeral(DRAFTER, "already published");
    assertEquals(1, github.issues(REPO).size());
  }

  @Test
  void a_template_that_publishes_on_approval_publishes_when_the_review_approves() throws Exception {
    startBot("github: {repo: " + REPO + ", publish: on-approval}", FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, "once its review approves it");
    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>");
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "the bot's messages sent");
    assertEquals(0, github.issues(REPO).size(), "not before it is approved");

    harness.reply(thread, BOB, "approve");
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);
    assertTrue(onlyIssue().body().contains("Retries are lost."), onlyIssue().body());
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size());
  }

  @Test
  void an_issue_whose_answer_was_lost_is_found_again_after_a_restart_not_made_twice()
      throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);
    github.failNext(Route.CREATE_ISSUE, 1, Failure.lostAnswer());

    harness.reply(thread, DRAFTER, "publish");
    BotHarness.awaitCondition(harness::hasFailedAttempt, "the lost answer to be recorded");
    harness.restart();
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);

    assertEquals(1, github.issues(REPO).size());
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size());
    assertFalse(github.calls(Route.LIST_ISSUES).isEmpty(), "it was looked for by its marker");
  }

  @Test
  void a_comment_whose_answer_was_lost_is_found_again_not_posted_twice() throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);
    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);
    github.failNext(Route.CREATE_COMMENT, 1, Failure.lostAnswer());

    harness.reply(thread, DRAFTER, "review <@U0BOB>");
    harness.awaitInThread(thread, "Review requested from <@U0BOB>");
    BotHarness.awaitCondition(
        () -> !github.calls(Route.LIST_COMMENTS).isEmpty() && harness.pendingMessages() == 0,
        "the comment looked for after its lost answer");
    assertEquals(
        1, comments().stream().filter(body -> body.contains("Review requested from")).count());
    assertEquals(2, github.calls(Route.CREATE_COMMENT).size(), "the lost one and the stage's");
  }

  @Test
  void an_outage_and_a_rate_limit_are_waited_out_as_github_asks() throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);
    github.failNext(Route.CREATE_ISSUE, 1, Failure.serverError(503));
    github.failNext(Route.CREATE_ISSUE, 1, Failure.tooManyRequests(600));

    Instant asked = harness.clock.instant();
    harness.reply(thread, DRAFTER, "publish");
    // The 503 is tried again after a second, the 429 after the ten minutes GitHub asked for.
    BotHarness.awaitCondition(
        () ->
            gitHubRetryAt().filter(at -> at.isAfter(asked.plus(Duration.ofMinutes(9)))).isPresent(),
        "a retry ten minutes on");
    assertEquals(0, github.issues(REPO).size());
    harness.clock.advance(Duration.ofMinutes(11));
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);
    assertEquals(1, github.issues(REPO).size());
    assertEquals(3, github.calls(Route.CREATE_ISSUE).size());
  }

  @Test
  void a_bad_token_is_told_once_in_plain_words_and_nothing_is_retried() throws Exception {
    startBot("github: " + REPO, "ghp_revoked");
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);

    harness.reply(thread, DRAFTER, "publish");
    RecordedCall told = harness.awaitInThread(thread, "GitHub did not accept specbot's token");
    assertTrue(told.param("text").contains("SPECBOT_GITHUB_TOKEN"), told.param("text"));
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "nothing left to send");
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size());
    assertEquals(1, harness.postedInThread(thread, "did not accept specbot's token").size());
  }

  @Test
  void a_missing_repository_is_told_in_plain_words_and_publish_may_be_asked_again()
      throws Exception {
    startBot("github: echo-team/gone", FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);

    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "GitHub has no repository echo-team/gone");
    github.addRepository("echo-team/gone");
    github.addCollaborator("echo-team/gone", "octo-lead");
    github.addCollaborator("echo-team/gone", "alice-gh");
    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(
        thread, "Published to GitHub as <https://github.com/echo-team/gone/issues/1");
    assertEquals(1, harness.postedInThread(thread, "GitHub has no repository").size());
  }

  @Test
  void an_assignee_github_will_not_take_is_told_in_plain_words() throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    github.failNext(Route.CREATE_ISSUE, 1, Failure.validationFailed("assignees", "invalid", "x"));
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);

    harness.reply(thread, DRAFTER, "publish");
    RecordedCall told = harness.awaitInThread(thread, "GitHub would not take the issue");
    assertTrue(told.param("text").contains("assignees"), told.param("text"));
    BotHarness.awaitCondition(() -> harness.pendingMessages() == 0, "nothing left to send");
    assertEquals(0, github.issues(REPO).size());
    assertEquals(1, github.calls(Route.CREATE_ISSUE).size());
  }

  @Test
  void an_issue_deleted_on_github_is_told_once_however_often_the_spec_changes() throws Exception {
    startBot("github: " + REPO, FakeGitHub.TOKEN);
    String thread = finishedSpec();
    harness.awaitInThread(thread, OFFER);
    harness.reply(thread, DRAFTER, "publish");
    harness.awaitInThread(thread, "Published to GitHub as <" + ISSUE_URL);
    github.deleteIssue(REPO, 1);

    edit(thread, "EvEdit1", "Retries are lost.", "Retries vanish.");
    harness.awaitInThread(thread, "Issue #1 in echo-team/specs was deleted");
    edit(thread, "EvEdit2", "Retries vanish.", "Retries disappear.");
    harness.awaitFile(FILE, "Retries disappear.");
    BotHarness.awaitCondition(
        () -> github.calls(Route.EDIT_ISSUE).size() == 2 && harness.pendingMessages() == 0,
        "both edits tried");
    assertEquals(1, harness.postedInThread(thread, "was deleted").size());
  }

  private void edit(String thread, String eventId, String before, String after) {
    var edit =
        harness
            .requests()
            .messageChanged(eventId, CHANNEL, thread, DRAFTER, problemTs, before, after);
    assertEquals(200, edit.status(), edit.body());
  }

  /** A bot offering a tech spec whose front matter is a GitHub issue template's. */
  private void startBot(String gitHubOverride, String token) throws Exception {
    github.addRepository(REPO);
    github.addCollaborator(REPO, "octo-lead");
    github.addCollaborator(REPO, "alice-gh");
    Path templates = Files.createDirectories(folder.resolve("templates"));
    Files.writeString(
        templates.resolve("tech-spec.md"),
        """
        ---
        name: Tech spec
        about: A technical spec, as an issue
        title: '[SUBJECT] Tech Spec'
        labels: spec, needs-review
        assignees: octo-lead
        specbot:
          %s
        ---
        # [Title]
        ## Problem
        What is wrong today?
        ## Plan
        What will change?
        """
            .formatted(gitHubOverride));
    harness =
        BotHarness.publishingTo(
            folder,
            templates,
            new Config.GitHub(
                Optional.of(token),
                Optional.empty(),
                github.apiUrl(),
                Map.of(DRAFTER, "alice-gh")));
  }

  private String finishedSpec() {
    String thread = harness.start("tech-spec", "Payment retries");
    harness.awaitQuestion(thread, 1);
    problemTs = harness.reply(thread, DRAFTER, "Retries are lost.");
    harness.awaitQuestion(thread, 2);
    harness.reply(thread, DRAFTER, "Keep them.");
    harness.awaitInThread(thread, PROMPT);
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
                ActionIds.PUBLISH_TO_GITHUB,
                BotHarness.actionValue(message, ActionIds.PUBLISH_TO_GITHUB),
                "trig-" + actionTs,
                actionTs);
    assertEquals(200, response.status(), response.body());
  }

  private FakeIssue onlyIssue() {
    List<FakeIssue> issues = github.issues(REPO);
    assertEquals(1, issues.size(), issues.toString());
    return issues.get(0);
  }

  private List<String> comments() {
    return github.comments(REPO, 1).stream().map(FakeComment::body).toList();
  }

  private boolean commentsSay(String fragment) {
    return comments().stream().anyMatch(body -> body.contains(fragment));
  }

  /** When the GitHub lane's waiting message is next tried, once a try of it has failed. */
  private Optional<Instant> gitHubRetryAt() {
    try (var connection = TestDatabases.connect(TestDatabases.urlFor(harness.databaseFile()));
        var row =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT next_attempt_at FROM outbox WHERE lane LIKE 'github:%'"
                        + " AND status = 'PENDING' AND attempts >= 1 AND claims <= attempts")) {
      return row.next() ? Optional.of(Instant.ofEpochMilli(row.getLong(1))) : Optional.empty();
    } catch (SQLException e) {
      throw new AssertionError("could not read the outbox", e);
    }
  }

  private void awaitEphemeral(String user, String fragment) {
    BotHarness.awaitCondition(
        () -> harness.slack.ephemeralsShownTo(user).stream().anyMatch(t -> t.contains(fragment)),
        "a private note to " + user + " saying " + fragment);
  }
}
