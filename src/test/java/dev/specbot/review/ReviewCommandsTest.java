package dev.specbot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReviewCommandsTest {
  private static final String ME = "U-ME";

  @Test
  void review_with_mentions_in_both_forms_asks_them_in_order_each_once() {
    assertEquals(
        Optional.of(new ReviewInput.Request(ME, List.of("U0ABC123", "W0DEF456"))),
        parse("review <@U0ABC123> <@W0DEF456|dana>"));
    assertEquals(
        Optional.of(new ReviewInput.Request(ME, List.of("U1", "U2", "U3"))),
        parse("  Review <@U1>, <@U2|bo b> and <@U3> &amp; <@U1>.  "));
  }

  @Test
  void review_alone_asks_again() {
    assertEquals(Optional.of(new ReviewInput.Request(ME, List.of())), parse("review"));
    assertEquals(Optional.of(new ReviewInput.Request(ME, List.of())), parse(" REVIEW! "));
  }

  @Test
  void review_followed_by_anything_but_mentions_is_no_command() {
    assertEquals(Optional.empty(), parse("review the goals please"));
    assertEquals(Optional.empty(), parse("review <@U1> soon"));
    assertEquals(Optional.empty(), parse("review <@u1>"));
    assertEquals(Optional.empty(), parse("review <@U1"));
    assertEquals(Optional.empty(), parse("review <@U1|bob"));
    assertEquals(Optional.empty(), parse("review <@U1|<@U2>>"));
    assertEquals(Optional.empty(), parse("review <#C1>"));
    assertEquals(Optional.empty(), parse("reviewed <@U1>"));
    assertEquals(Optional.empty(), parse("review <@U1> android"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"approve", "LGTM", "lgtm!", "Approve.", "  approve  "})
  void approve_and_lgtm_approve(String reply) {
    assertEquals(Optional.of(new ReviewInput.Approve(ME)), parse(reply));
  }

  @Test
  void request_changes_takes_its_text_and_an_optional_section() {
    assertEquals(
        Optional.of(new ReviewInput.RequestChanges(ME, Optional.empty(), "Name the limit.")),
        parse("request changes: Name the limit."));
    assertEquals(
        Optional.of(
            new ReviewInput.RequestChanges(ME, Optional.of("Goals"), "Say what done means.")),
        parse("Request  Changes Goals: Say what done means."));
    assertEquals(
        Optional.of(
            new ReviewInput.RequestChanges(ME, Optional.of("Open questions"), "Answer: them")),
        parse("request changes to Open   questions: Answer: them"));
  }

  @Test
  void request_changes_without_text_is_no_command() {
    assertEquals(Optional.empty(), parse("request changes"));
    assertEquals(Optional.empty(), parse("request changes:   "));
    assertEquals(Optional.empty(), parse("request changes to goals"));
    assertEquals(Optional.empty(), parse("requested changes: x"));
  }

  @Test
  void concern_takes_a_name_and_its_text() {
    assertEquals(
        Optional.of(new ReviewInput.RaiseConcern(ME, "perf", "Retries may flood the queue.")),
        parse("concern perf: Retries may flood the queue."));
    assertEquals(
        Optional.of(new ReviewInput.RaiseConcern(ME, "data loss", "What if it dies?")),
        parse("Concern  data\tloss :What if it dies?"));
  }

  @Test
  void a_concern_without_name_or_text_or_with_a_long_name_is_no_command() {
    assertEquals(Optional.empty(), parse("concern: no name"));
    assertEquals(Optional.empty(), parse("concern perf:"));
    assertEquals(Optional.empty(), parse("concern perf"));
    assertEquals(Optional.empty(), parse("concern " + "x".repeat(81) + ": text"));
  }

  @Test
  void resolve_takes_the_concern_name() {
    assertEquals(Optional.of(new ReviewInput.Resolve(ME, "perf")), parse("resolve perf"));
    assertEquals(
        Optional.of(new ReviewInput.Resolve(ME, "data loss")), parse("Resolve data loss."));
    assertEquals(Optional.empty(), parse("resolve"));
    assertEquals(Optional.empty(), parse("resolve " + "x".repeat(200)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"who has reviewed", "Who  has reviewed?", "reviews", "REVIEWS."})
  void who_has_reviewed_shows_the_board(String reply) {
    assertEquals(Optional.of(new ReviewInput.ShowBoard(ME)), parse(reply));
  }

  @Test
  void status_moves_the_spec_on() {
    assertEquals(
        Optional.of(new ReviewInput.MoveOn(ME, Stage.IN_PROGRESS)), parse("status in progress"));
    assertEquals(
        Optional.of(new ReviewInput.MoveOn(ME, Stage.COMPLETED)), parse("Status Completed"));
    assertEquals(Optional.empty(), parse("status approved"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "Looks good to me, but the goals are vague.",
        "I approve of this",
        "approve it",
        "approve?",
        "lgtm but",
        "please review",
        ":",
        "<@U1>"
      })
  void anything_else_is_no_command(String reply) {
    assertEquals(Optional.empty(), parse(reply));
  }

  @Test
  void no_text_is_no_command() {
    assertEquals(Optional.empty(), ReviewCommands.parse(null, ME));
  }

  @Test
  void replies_of_forty_thousand_characters_are_read() {
    int n = 40_000;
    List<String> hostile =
        List.of(
            "review " + "<@U1".repeat(n / 4),
            "review " + "<@U1|".repeat(n / 5),
            "review " + "<@U1> ".repeat(n / 6),
            "review " + "<@".repeat(n / 2),
            "review " + " and".repeat(n / 4) + "x",
            "request changes " + " ".repeat(n) + "x",
            "request changes " + "x".repeat(n) + ":" + "y".repeat(n),
            "concern " + "x ".repeat(n / 2) + ":",
            "resolve " + "x".repeat(n),
            "approve" + "!".repeat(n) + "x",
            ".".repeat(n),
            "x".repeat(n));
    for (String text : hostile) {
      ReviewCommands.parse(text, ME);
    }
    assertEquals(
        Optional.of(new ReviewInput.Request(ME, List.of("U1"))),
        parse("review " + "<@U1> ".repeat(n / 6)));
  }

  private static Optional<ReviewInput> parse(String text) {
    return ReviewCommands.parse(text, ME);
  }
}
