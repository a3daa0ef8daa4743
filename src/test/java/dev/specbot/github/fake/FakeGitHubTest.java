package dev.specbot.github.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.specbot.github.GitHubFailure;
import dev.specbot.github.GitHubIssues;
import dev.specbot.github.Lookup;
import dev.specbot.github.Marker;
import dev.specbot.github.NewIssue;
import dev.specbot.github.Repository;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake GitHub checks and answers calls as GitHub does; mostly seen through the client. */
class FakeGitHubTest {
  private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String REPO = "echo-team/specs";
  private static final Repository SPECS = Repository.parse(REPO);

  private FakeGitHub github;
  private GitHubIssues issues;
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() {
    github = new FakeGitHub(CLOCK);
    github.addRepository(REPO);
    issues = GitHubIssues.connect(github.apiUrl(), FakeGitHub.TOKEN, CLOCK);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void a_call_without_githubs_media_type_or_api_version_is_answered_400() throws IOException {
    Request.Builder list =
        new Request.Builder()
            .url(github.apiUrl() + "/repos/" + REPO + "/issues")
            .header("Authorization", "Bearer " + FakeGitHub.TOKEN);

    try (Response noAccept =
        http.newCall(list.header("X-GitHub-Api-Version", "2022-11-28").build()).execute()) {
      assertEquals(400, noAccept.code());
    }
    try (Response oldVersion =
        http.newCall(
                list.header("Accept", "application/vnd.github+json")
                    .header("X-GitHub-Api-Version", "2021-01-01")
                    .build())
            .execute()) {
      assertEquals(400, oldVersion.code());
      assertEquals(
          "API version 2021-01-01 is not supported.",
          JsonParser.parseString(oldVersion.body().string())
              .getAsJsonObject()
              .get("message")
              .getAsString());
    }
    try (Response right =
        http.newCall(list.header("X-GitHub-Api-Version", "2022-11-28").build()).execute()) {
      assertEquals(200, right.code());
      assertEquals("4999", right.header("x-ratelimit-remaining"));
    }
    assertEquals(
        List.of(400, 400, 200), github.calls().stream().map(RecordedCall::status).toList());
  }

  @Test
  void a_path_it_does_not_serve_is_not_found() throws IOException {
    Request request =
        new Request.Builder()
            .url(github.apiUrl() + "/repos/" + REPO + "/pulls")
            .header("Authorization", "Bearer " + FakeGitHub.TOKEN)
            .build();

    try (Response response = http.newCall(request).execute()) {
      assertEquals(404, response.code());
    }
    assertNull(github.calls().get(0).route());
  }

  @Test
  void failures_on_demand_are_used_up_in_order_for_their_route_only() throws GitHubFailure {
    github.failNext(Route.CREATE_ISSUE, 2, Failure.serverError(503));
    NewIssue issue = new NewIssue("T", "B", List.of(), List.of());

    issues.find(SPECS, Marker.spec("s1"), Lookup.since(NOW));
    assertThrows(
        GitHubFailure.RetryLater.class, () -> issues.create(SPECS, Marker.spec("s1"), issue));
    assertThrows(
        GitHubFailure.RetryLater.class, () -> issues.create(SPECS, Marker.spec("s1"), issue));
    issues.create(SPECS, Marker.spec("s1"), issue);

    assertEquals(
        List.of(200, 503, 503, 201), github.calls().stream().map(RecordedCall::status).toList());
    assertEquals(1, github.issues(REPO).size());
  }

  @Test
  void labels_are_matched_ignoring_case_and_new_ones_are_created() throws GitHubFailure {
    github.addLabel(REPO, "Tech-Spec");

    issues.create(
        SPECS, Marker.spec("s1"), new NewIssue("T", "B", List.of("tech-spec", "Echo"), List.of()));

    assertEquals(List.of("Tech-Spec", "Echo"), github.issues(REPO).get(0).labels());
    assertEquals(List.of("Tech-Spec", "Echo"), github.labels(REPO));
  }

  @Test
  void a_title_over_256_characters_is_refused_as_github_refuses_it() {
    NewIssue longTitle = new NewIssue("t".repeat(257), "B", List.of(), List.of());

    GitHubFailure.Refused refused =
        assertThrows(
            GitHubFailure.Refused.class, () -> issues.create(SPECS, Marker.spec("s1"), longTitle));

    assertEquals(422, refused.status());
    assertEquals(
        "Validation Failed: title is too long (maximum is 256 characters)",
        refused.githubMessage());
  }

  @Test
  void the_listing_holds_pull_requests_and_filters_by_state_and_creator() throws IOException {
    github.addIssue(REPO, "carol", "Open", "", NOW);
    github.addPullRequest(REPO, "carol", "A change", "");
    github.addIssue(REPO, "dave", "Other", "", NOW);

    JsonArray byCarol = list("?creator=carol&state=all");

    assertEquals(2, byCarol.size());
    // Newest first, then by number: the pull request (number 2) comes before issue 1.
    assertEquals(2, byCarol.get(0).getAsJsonObject().get("number").getAsInt());
    assertTrue(byCarol.get(0).getAsJsonObject().has("pull_request"));
    assertEquals(0, list("?state=closed").size());
    assertEquals(3, list("").size());
  }

  private JsonArray list(String query) throws IOException {
    Request request =
        new Request.Builder()
            .url(github.apiUrl() + "/repos/" + REPO + "/issues" + query)
            .header("Authorization", "Bearer " + FakeGitHub.TOKEN)
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .build();
    try (Response response = http.newCall(request).execute()) {
      assertEquals(200, response.code());
      return JsonParser.parseString(response.body().string()).getAsJsonArray();
    }
  }
}
