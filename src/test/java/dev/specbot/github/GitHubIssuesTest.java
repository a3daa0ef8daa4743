package dev.specbot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.github.fake.Failure;
import dev.specbot.github.fake.FakeComment;
import dev.specbot.github.fake.FakeGitHub;
import dev.specbot.github.fake.FakeIssue;
import dev.specbot.github.fake.RecordedCall;
import dev.specbot.github.fake.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The GitHub issues client against a fake GitHub on loopback. */
class GitHubIssuesTest {
  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String REPO = "echo-team/specs";
  private static final Repository SPECS = Repository.parse(REPO);
  private static final Marker SPEC = Marker.spec("int-42");
  private static final String MARKER = "<!-- specbot:spec-id=int-42 -->";
  private static final NewIssue PAYMENT_RETRIES =
      new NewIssue(
          "Payment retries Tech Spec",
          "# Payment retries\n\n## Context\n\nCards fail.\n",
          List.of("Team: Echo", "Type: Tech-Spec"),
          List.of("alice"));

  private FakeGitHub github;
  private GitHubIssues issues;

  @BeforeEach
  void start() {
    github = new FakeGitHub(CLOCK);
    github.addRepository(REPO);
    github.addCollaborator(REPO, "alice");
    github.addLabel(REPO, "Type: Tech-Spec");
    issues = GitHubIssues.connect(github.apiUrl(), FakeGitHub.TOKEN, CLOCK);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void creating_an_issue_gives_its_number_and_address_and_github_holds_it_with_the_marker()
      throws GitHubFailure {
    Issue created = issues.create(SPECS, SPEC, PAYMENT_RETRIES);

    assertEquals(1, created.number());
    assertEquals("https://github.com/echo-team/specs/issues/1", created.htmlUrl());
    assertEquals(List.of("Team: Echo", "Type: Tech-Spec"), created.labels());
    assertEquals(List.of("alice"), created.assignees());
    FakeIssue held = github.issue(REPO, 1).orElseThrow();
    assertEquals("Payment retries Tech Spec", held.title());
    assertEquals("# Payment retries\n\n## Context\n\nCards fail.\n\n" + MARKER, held.body());
    assertEquals(FakeGitHub.LOGIN, held.author());
    assertEquals("open", held.state());
    // GitHub made the label the repository did not have yet.
    assertEquals(List.of("Type: Tech-Spec", "Team: Echo"), github.labels(REPO));
  }

  @Test
  void every_call_carries_the_token_and_the_headers_github_asks_for() throws GitHubFailure {
    Issue created = issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    issues.editBody(SPECS, created.number(), SPEC, "# Payment retries\n\nv2\n");
    issues.comment(SPECS, created.number(), Marker.event("review-1"), "Bob approved.");
    issues.find(SPECS, SPEC, Lookup.since(NOW));

    List<RecordedCall> calls = github.calls();
    assertEquals(4, calls.size());
    for (RecordedCall call : calls) {
      assertEquals("Bearer " + FakeGitHub.TOKEN, call.authorization(), call.summary());
      assertEquals("application/vnd.github+json", call.accept(), call.summary());
      assertEquals("2022-11-28", call.apiVersion(), call.summary());
      assertEquals("specbot", call.userAgent(), call.summary());
    }
    assertEquals(
        List.of(Route.CREATE_ISSUE, Route.EDIT_ISSUE, Route.CREATE_COMMENT, Route.LIST_ISSUES),
        calls.stream().map(RecordedCall::route).toList());
    assertEquals(List.of(201, 200, 201, 200), calls.stream().map(RecordedCall::status).toList());
  }

  @Test
  void an_issue_without_labels_or_assignees_sends_neither() throws GitHubFailure {
    issues.create(SPECS, SPEC, new NewIssue("Plain", "Body", List.of(), List.of()));

    RecordedCall call = github.calls(Route.CREATE_ISSUE).get(0);
    assertFalse(call.json().has("labels"), call.body());
    assertFalse(call.json().has("assignees"), call.body());
    assertEquals("Plain", call.json().get("title").getAsString());
  }

  @Test
  void editing_replaces_the_body_and_keeps_the_marker() throws GitHubFailure {
    Issue created = issues.create(SPECS, SPEC, PAYMENT_RETRIES);

    Issue edited = issues.editBody(SPECS, created.number(), SPEC, "# Payment retries\n\nv2\n");

    assertEquals("# Payment retries\n\nv2\n\n" + MARKER, edited.body());
    assertEquals(
        "# Payment retries\n\nv2\n\n" + MARKER, github.issue(REPO, 1).orElseThrow().body());
    assertEquals("Payment retries Tech Spec", github.issue(REPO, 1).orElseThrow().title());
    RecordedCall patch = github.calls(Route.EDIT_ISSUE).get(0);
    assertEquals("/repos/echo-team/specs/issues/1", patch.path());
    assertEquals(List.of("body"), List.copyOf(patch.json().keySet()));
  }

  @Test
  void a_comment_is_added_with_its_own_marker() throws GitHubFailure {
    issues.create(SPECS, SPEC, PAYMENT_RETRIES);

    Comment comment = issues.comment(SPECS, 1, Marker.event("review-7"), "**Bob** approved.");

    assertEquals(3_000_000_000L, comment.id());
    assertEquals(
        "https://github.com/echo-team/specs/issues/1#issuecomment-3000000000", comment.htmlUrl());
    List<FakeComment> comments = github.comments(REPO, 1);
    assertEquals(1, comments.size());
    assertEquals("**Bob** approved.\n\n<!-- specbot:event=review-7 -->", comments.get(0).body());
  }

  @Test
  void an_issue_is_read_back_as_it_stands() throws GitHubFailure {
    issues.create(SPECS, SPEC, PAYMENT_RETRIES);

    Issue read = issues.issue(SPECS, 1);

    assertEquals(1, read.number());
    assertEquals("Payment retries Tech Spec", read.title());
    assertTrue(SPEC.in(read.body()));
  }

  // Once across a crash.

  @Test
  void an_issue_whose_answer_was_lost_is_found_by_its_marker_and_not_created_again()
      throws GitHubFailure {
    github.failNext(Route.CREATE_ISSUE, 1, Failure.lostAnswer());

    GitHubFailure.RetryLater lost =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));
    assertFalse(lost.certainlyNotDone(), lost.getMessage());

    Issue again = issues.createOnce(SPECS, SPEC, PAYMENT_RETRIES, Optional.of(Lookup.since(NOW)));

    assertEquals(1, again.number());
    assertEquals(1, github.issues(REPO).size());
    assertEquals(
        List.of(Route.CREATE_ISSUE, Route.LIST_ISSUES),
        github.calls().stream().map(RecordedCall::route).toList());
  }

  @Test
  void an_earlier_attempt_that_never_landed_is_looked_for_and_then_the_issue_is_created()
      throws GitHubFailure {
    github.failNext(Route.CREATE_ISSUE, 1, Failure.serverError(500));
    assertThrows(GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    Issue created = issues.createOnce(SPECS, SPEC, PAYMENT_RETRIES, Optional.of(Lookup.since(NOW)));

    assertEquals(1, created.number());
    assertEquals(1, github.issues(REPO).size());
    assertEquals(
        List.of(Route.CREATE_ISSUE, Route.LIST_ISSUES, Route.CREATE_ISSUE),
        github.calls().stream().map(RecordedCall::route).toList());
  }

  @Test
  void a_first_attempt_creates_without_looking() throws GitHubFailure {
    issues.createOnce(SPECS, SPEC, PAYMENT_RETRIES, Optional.empty());

    assertEquals(
        List.of(Route.CREATE_ISSUE), github.calls().stream().map(RecordedCall::route).toList());
  }

  @Test
  void the_lookup_reads_newest_first_since_the_attempt_less_the_clock_skew() throws GitHubFailure {
    issues.find(
        SPECS, SPEC, Lookup.since(NOW).byCreator(FakeGitHub.LOGIN).withLabels(List.of("a", "b")));

    RecordedCall list = github.calls(Route.LIST_ISSUES).get(0);
    assertEquals(
        Map.of(
            "state", "all",
            "sort", "created",
            "direction", "desc",
            "since", "2026-11-24T14:55:00Z",
            "per_page", "100",
            "creator", "specbot-app[bot]",
            "labels", "a,b"),
        list.params());
  }

  @Test
  void the_lookup_passes_over_pull_requests_and_other_specs_issues() throws GitHubFailure {
    github.addIssue(REPO, "carol", "Another spec", "x\n\n<!-- specbot:spec-id=int-7 -->", NOW);
    github.addPullRequest(REPO, "dave", "Copied the marker", "see " + MARKER);
    github.addIssue(REPO, "erin", "Prefix", "<!-- specbot:spec-id=int-421 -->", NOW);

    assertEquals(Optional.empty(), issues.find(SPECS, SPEC, Lookup.since(NOW)));

    issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    assertEquals(4, issues.find(SPECS, SPEC, Lookup.since(NOW)).orElseThrow().number());
  }

  @Test
  void the_lookup_pages_through_newer_issues_to_find_it() throws GitHubFailure {
    issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    for (int i = 0; i < 150; i++) {
      github.addIssue(REPO, "carol", "Later " + i, "later", NOW.plusSeconds(1 + i));
    }

    Optional<Issue> found = issues.find(SPECS, SPEC, Lookup.since(NOW));

    assertEquals(1, found.orElseThrow().number());
    List<RecordedCall> lists = github.calls(Route.LIST_ISSUES);
    assertEquals(2, lists.size());
    assertTrue(lists.get(1).query().endsWith("&page=2"), lists.get(1).query());
  }

  @Test
  void the_lookup_stops_at_the_first_issue_created_before_the_attempt() throws GitHubFailure {
    for (int i = 0; i < 250; i++) {
      int number = github.addIssue(REPO, "carol", "Old " + i, "old", NOW.minus(Duration.ofDays(1)));
      // Commented on today, so GitHub's "since" (which is about updates) lists it.
      github.touchIssue(REPO, number, NOW);
    }

    assertEquals(Optional.empty(), issues.find(SPECS, SPEC, Lookup.since(NOW)));

    assertEquals(1, github.calls(Route.LIST_ISSUES).size());
  }

  @Test
  void labels_dropped_without_push_access_leave_the_issue_to_be_found_by_its_creator()
      throws GitHubFailure {
    github.withoutPushAccess(REPO);

    Issue created = issues.create(SPECS, SPEC, PAYMENT_RETRIES);

    assertEquals(List.of(), created.labels());
    assertEquals(List.of(), created.assignees());
    Lookup since = Lookup.since(NOW);
    assertEquals(
        Optional.empty(), issues.find(SPECS, SPEC, since.withLabels(List.of("Team: Echo"))));
    assertEquals(
        1, issues.find(SPECS, SPEC, since.byCreator(FakeGitHub.LOGIN)).orElseThrow().number());
  }

  @Test
  void a_comment_whose_answer_was_lost_is_found_and_not_added_again() throws GitHubFailure {
    issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    github.failNext(Route.CREATE_COMMENT, 1, Failure.lostAnswer());
    Marker review = Marker.event("review-7");
    assertThrows(
        GitHubFailure.RetryLater.class, () -> issues.comment(SPECS, 1, review, "Bob approved."));

    Comment again = issues.commentOnce(SPECS, 1, review, "Bob approved.", Optional.of(NOW));

    assertEquals(
        List.of(again.id()), github.comments(REPO, 1).stream().map(FakeComment::id).toList());
    assertEquals(
        List.of(Route.CREATE_ISSUE, Route.CREATE_COMMENT, Route.LIST_COMMENTS),
        github.calls().stream().map(RecordedCall::route).toList());
  }

  @Test
  void a_body_longer_than_github_takes_is_cut_and_keeps_its_marker() throws GitHubFailure {
    String line = "x".repeat(99) + "\n";
    String longSpec = "# Big\n\n" + line.repeat(700);

    issues.create(SPECS, SPEC, new NewIssue("Big", longSpec, List.of(), List.of()));

    String held = github.issue(REPO, 1).orElseThrow().body();
    assertTrue(held.length() <= 65_536, "length " + held.length());
    assertTrue(
        held.endsWith(Bodies.CUT_NOTE + "\n\n" + MARKER), held.substring(held.length() - 200));
    assertTrue(held.startsWith("# Big\n\n" + line), held.substring(0, 200));
  }

  @Test
  void a_renamed_repository_is_followed_for_every_call() throws GitHubFailure {
    github.renameRepository(REPO, "echo-team/tech-specs");

    Issue created = issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    issues.editBody(SPECS, created.number(), SPEC, "v2");

    assertEquals("https://github.com/echo-team/tech-specs/issues/1", created.htmlUrl());
    assertEquals("v2\n\n" + MARKER, issues.issue(SPECS, 1).body());
    assertEquals(1, github.issues("echo-team/tech-specs").size());
    assertEquals(
        List.of(307, 201, 307, 200, 301, 200),
        github.calls().stream().map(RecordedCall::status).toList());
  }

  // Failures to retry.

  @ParameterizedTest
  @ValueSource(ints = {500, 502, 503, 504})
  void server_errors_are_retried_after_the_callers_backoff(int status) {
    github.failNext(Route.CREATE_ISSUE, 1, Failure.serverError(status));

    GitHubFailure.RetryLater failure =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals(Optional.empty(), failure.asked());
    assertEquals(Duration.ofSeconds(8), failure.after(Duration.ofSeconds(8)));
    assertFalse(failure.rateLimited());
    // The issue may have been made before GitHub failed: it is looked for before trying again.
    assertFalse(failure.certainlyNotDone());
    assertTrue(
        failure.getMessage().startsWith("POST /repos/echo-team/specs/issues: HTTP " + status),
        failure.getMessage());
    assertEquals(0, github.issues(REPO).size());
  }

  @Test
  void a_spent_rate_limit_waits_until_its_reset_on_the_injected_clock() {
    github.failNext(Route.EDIT_ISSUE, 1, Failure.rateLimited(Duration.ofSeconds(90)));

    GitHubFailure.RetryLater failure =
        assertThrows(GitHubFailure.RetryLater.class, () -> issues.editBody(SPECS, 1, SPEC, "v2"));

    assertEquals(Optional.of(Duration.ofSeconds(90)), failure.asked());
    assertEquals(Duration.ofSeconds(90), failure.after(Duration.ofSeconds(1)));
    assertTrue(failure.rateLimited());
    assertTrue(failure.certainlyNotDone());
  }

  @Test
  void a_reset_already_past_waits_a_second_and_one_hours_away_waits_an_hour_at_most() {
    github.failNext(Route.CREATE_ISSUE, 1, Failure.rateLimited(Duration.ofSeconds(-30)));
    github.failNext(Route.CREATE_ISSUE, 1, Failure.rateLimited(Duration.ofHours(5)));

    GitHubFailure.RetryLater past =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));
    GitHubFailure.RetryLater far =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals(Optional.of(Duration.ofSeconds(1)), past.asked());
    assertEquals(Optional.of(Duration.ofHours(1)), far.asked());
  }

  @Test
  void a_secondary_rate_limit_waits_as_retry_after_says_or_a_minute() {
    github.failNext(Route.CREATE_ISSUE, 1, Failure.secondaryRateLimit(30));
    github.failNext(Route.CREATE_ISSUE, 1, Failure.tooManyRequests(7));
    github.failNext(Route.CREATE_ISSUE, 1, Failure.secondaryRateLimitWithoutWait());

    List<Optional<Duration>> asked =
        List.of(rateLimitedWait(), rateLimitedWait(), rateLimitedWait());

    assertEquals(
        List.of(
            Optional.of(Duration.ofSeconds(30)),
            Optional.of(Duration.ofSeconds(7)),
            Optional.of(Duration.ofMinutes(1))),
        asked);
    assertEquals(0, github.issues(REPO).size());
  }

  private Optional<Duration> rateLimitedWait() {
    GitHubFailure.RetryLater failure =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));
    assertTrue(failure.rateLimited(), failure.getMessage());
    assertTrue(failure.certainlyNotDone(), failure.getMessage());
    return failure.asked();
  }

  @Test
  void an_unreachable_github_is_retried_and_certainly_did_nothing() {
    github.refuseConnections(true);

    GitHubFailure.RetryLater failure =
        assertThrows(
            GitHubFailure.RetryLater.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertTrue(failure.certainlyNotDone(), failure.getMessage());
    assertFalse(failure.rateLimited());
    assertEquals(Optional.empty(), failure.asked());
  }

  // Refusals for good.

  @Test
  void a_bad_token_is_refused_for_good_in_plain_words() {
    GitHubIssues wrongToken = GitHubIssues.connect(github.apiUrl(), "ghp_revoked", CLOCK);

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class, () -> wrongToken.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals(401, refused.status());
    assertEquals("Bad credentials", refused.githubMessage());
    assertEquals(
        "GitHub did not accept specbot's token (it may be wrong, expired or revoked), so your spec"
            + " could not be published to echo-team/specs. Ask whoever runs specbot to check"
            + " SPECBOT_GITHUB_TOKEN.",
        refused.plainWords());
    assertTrue(refused.certainlyNotDone());
  }

  @Test
  void an_unknown_repository_is_refused_saying_where_it_was_named() {
    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class,
            () -> issues.create(Repository.parse("echo-team/nope"), SPEC, PAYMENT_RETRIES));

    assertEquals(404, refused.status());
    assertEquals(
        "GitHub has no repository echo-team/nope that specbot's token can see, so your spec could"
            + " not be published to echo-team/nope. Check the repository the template names"
            + " (specbot: github: owner/repo) or SPECBOT_GITHUB_REPO, and that the token has access"
            + " to it.",
        refused.plainWords());
  }

  @Test
  void a_missing_issue_is_refused_naming_it() {
    GitHubFailure.Refused refused =
        assertThrows(GitHubFailure.Refused.class, () -> issues.editBody(SPECS, 99, SPEC, "v2"));

    assertEquals(404, refused.status());
    assertEquals(
        "GitHub has no issue #99 in echo-team/specs that specbot's token can see (it may have been"
            + " deleted or moved, or the token lost its access), so issue #99 in echo-team/specs"
            + " could not be updated with your spec's changes.",
        refused.plainWords());
  }

  @Test
  void issues_turned_off_are_refused_saying_how_to_turn_them_on() {
    github.disableIssues(REPO);

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals(410, refused.status());
    assertEquals(
        "Issues are turned off in echo-team/specs (GitHub says: \"Issues are disabled for this"
            + " repo\"), so your spec could not be published to echo-team/specs. Turn them on in"
            + " the repository's settings, or name another repository in the template (specbot:"
            + " github: owner/repo).",
        refused.plainWords());
  }

  @Test
  void a_deleted_issue_is_refused_as_deleted() throws GitHubFailure {
    issues.create(SPECS, SPEC, PAYMENT_RETRIES);
    github.deleteIssue(REPO, 1);

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class,
            () -> issues.comment(SPECS, 1, Marker.event("status-2"), "Approved."));

    assertEquals(410, refused.status());
    assertEquals(
        "Issue #1 in echo-team/specs was deleted, so a comment could not be added to issue #1 in"
            + " echo-team/specs.",
        refused.plainWords());
  }

  @Test
  void an_assignee_without_access_is_refused_with_githubs_own_words() {
    NewIssue toNobody = PAYMENT_RETRIES.withAssignee("nobody");

    GitHubFailure.Refused refused =
        assertThrows(GitHubFailure.Refused.class, () -> issues.create(SPECS, SPEC, toNobody));

    assertEquals(422, refused.status());
    assertEquals("Validation Failed: assignees \"nobody\" is invalid", refused.githubMessage());
    assertEquals(
        "GitHub would not take the issue (GitHub says: \"Validation Failed: assignees \"nobody\" is"
            + " invalid\"), so your spec could not be published to echo-team/specs. Check the"
            + " template's labels and assignees: each assignee needs access to echo-team/specs.",
        refused.plainWords());
    assertEquals(0, github.issues(REPO).size());
  }

  @Test
  void a_validation_failure_on_demand_is_told_as_github_put_it() {
    github.failNext(
        Route.CREATE_ISSUE, 1, Failure.validationFailed("labels", "invalid", "Team: Echo"));

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals("Validation Failed: labels \"Team: Echo\" is invalid", refused.githubMessage());
  }

  @Test
  void a_403_that_is_no_rate_limit_is_refused_for_good() {
    github.failNext(
        Route.CREATE_ISSUE, 1, Failure.refused(403, "Resource not accessible by integration"));

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class, () -> issues.create(SPECS, SPEC, PAYMENT_RETRIES));

    assertEquals(403, refused.status());
    assertEquals(
        "GitHub would not let specbot's token do this (GitHub says: \"Resource not accessible by"
            + " integration\"), so your spec could not be published to echo-team/specs. Ask"
            + " whoever runs specbot to give the token access to the issues of echo-team/specs.",
        refused.plainWords());
  }

  @Test
  void a_refused_lookup_says_the_issue_could_not_be_looked_for() {
    github.failNext(Route.LIST_ISSUES, 1, Failure.refused(401, "Bad credentials"));

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class,
            () -> issues.createOnce(SPECS, SPEC, PAYMENT_RETRIES, Optional.of(Lookup.since(NOW))));

    assertTrue(
        refused
            .plainWords()
            .contains("so specbot could not look for your spec's issue in echo-team/specs."),
        refused.plainWords());
    assertEquals(0, github.calls(Route.CREATE_ISSUE).size());
  }
}
