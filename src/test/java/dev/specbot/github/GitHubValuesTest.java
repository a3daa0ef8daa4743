package dev.specbot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The small values the GitHub client is built of: repositories, markers, issues, bodies, links. */
class GitHubValuesTest {
  private static final Marker SPEC = Marker.spec("int-42");

  @Test
  void a_repository_is_read_from_owner_slash_name() {
    Repository repository = Repository.parse(" echo-team/.github ");

    assertEquals("echo-team", repository.owner());
    assertEquals(".github", repository.name());
    assertEquals("echo-team/.github", repository.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"specs", "a/b/c", "https://github.com/a/b", "-a/b", "a/..", "/b", "a/"})
  void anything_else_is_refused_saying_what_a_repository_looks_like(String text) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Repository.parse(text));

    assertTrue(error.getMessage().startsWith("a repository is owner/repo"), error.getMessage());
  }

  @Test
  void a_marker_is_an_html_comment_found_in_a_body() {
    assertEquals("<!-- specbot:spec-id=int-42 -->", SPEC.text());
    assertEquals(
        "<!-- specbot:event=review/7:approved -->", Marker.event("review/7:approved").text());
    assertTrue(SPEC.in("Spec\r\n\r\n<!-- specbot:spec-id=int-42 -->\r\n"));
    assertFalse(SPEC.in("<!-- specbot:spec-id=int-421 -->"));
    assertFalse(SPEC.in(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "x-->", "<b>", "é"})
  void a_marker_key_that_could_break_out_of_its_comment_is_refused(String key) {
    assertThrows(IllegalArgumentException.class, () -> Marker.spec(key));
  }

  @Test
  void a_new_issue_keeps_each_label_and_assignee_once() {
    NewIssue issue =
        new NewIssue(
            "Title",
            "Body",
            List.of("rfc", " RFC ", "", "team"),
            List.of("@alice", "Alice", " bob "));

    assertEquals(List.of("rfc", "team"), issue.labels());
    assertEquals(List.of("alice", "bob"), issue.assignees());
    assertEquals(List.of("alice", "bob", "carol"), issue.withAssignee("@carol").assignees());
    assertEquals(List.of("alice", "bob"), issue.withAssignee("BOB").assignees());
  }

  @Test
  void a_new_issue_needs_a_title() {
    assertThrows(
        IllegalArgumentException.class, () -> new NewIssue(" ", "b", List.of(), List.of()));
  }

  @Test
  void a_body_ends_with_its_marker_on_a_line_of_its_own() {
    assertEquals(
        "# Spec\n\nText\n\n" + SPEC.text(), Bodies.withMarker("# Spec\n\nText\n\n\n", SPEC));
  }

  @Test
  void a_body_too_long_is_cut_at_a_line_break_and_says_so() {
    String line = "y".repeat(79) + "\n";
    String body = line.repeat(1_000);

    String sent = Bodies.withMarker(body, SPEC);

    assertTrue(sent.length() <= Bodies.MAX_LENGTH, "length " + sent.length());
    String kept = sent.substring(0, sent.indexOf(Bodies.CUT_NOTE));
    assertTrue(kept.endsWith("y".repeat(79)), kept.substring(kept.length() - 100));
    assertEquals(0, (kept.length() + 1) % line.length(), "whole lines only");
    assertTrue(sent.endsWith(Bodies.CUT_NOTE + "\n\n" + SPEC.text()));
  }

  @Test
  void one_long_line_is_cut_between_characters() {
    String body = "\uD83D\uDC2C".repeat(40_000);

    String sent = Bodies.withMarker(body, SPEC);

    assertTrue(sent.length() <= Bodies.MAX_LENGTH, "length " + sent.length());
    String kept = sent.substring(0, sent.indexOf(Bodies.CUT_NOTE));
    assertEquals(0, kept.length() % 2);
    assertTrue(Character.isLowSurrogate(kept.charAt(kept.length() - 1)));
  }

  @Test
  void the_next_page_is_read_from_githubs_link_header() {
    HttpUrl api = HttpUrl.get("https://api.github.com");
    String link =
        "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", "
            + "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\"";

    assertEquals(
        Optional.of(HttpUrl.get("https://api.github.com/repositories/1/issues?page=2")),
        NextPage.of(link, api));
    assertEquals(
        Optional.empty(), NextPage.of("<https://api.github.com/x?page=1>; rel=\"prev\"", api));
    assertEquals(Optional.empty(), NextPage.of(null, api));
  }

  @Test
  void a_next_page_on_another_host_is_not_followed_with_the_token() {
    HttpUrl api = HttpUrl.get("https://api.github.com");

    assertEquals(
        Optional.empty(), NextPage.of("<https://evil.example/x?page=2>; rel=\"next\"", api));
  }

  @Test
  void githubs_error_message_is_read_with_its_validation_errors() {
    assertEquals(
        "Validation Failed: title is too long (maximum is 256 characters); labels \"x\" is invalid;"
            + " milestone does not exist",
        Failures.githubMessage(
            """
            {"message": "Validation Failed", "errors": [
              {"resource": "Issue", "field": "title", "code": "custom",
               "message": "title is too long (maximum is 256 characters)"},
              {"resource": "Issue", "field": "labels", "code": "invalid", "value": "x"},
              {"resource": "Issue", "field": "milestone", "code": "missing"}]}
            """));
    assertEquals("", Failures.githubMessage("<html>Unicorn!</html>"));
    assertEquals("", Failures.githubMessage("[]"));
    assertEquals("Not Found", Failures.githubMessage("{\"message\":\"Not Found\"}"));
  }

  @Test
  void a_long_message_is_cut_to_one_line() {
    String message = Failures.githubMessage("{\"message\":\"a\\nb" + "c".repeat(500) + "\"}");

    assertEquals(300, message.length());
    assertTrue(message.startsWith("a b"));
    assertTrue(message.endsWith("…"));
  }
}
