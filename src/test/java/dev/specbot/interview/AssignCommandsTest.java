package dev.specbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignCommandsTest {

  @Test
  void assign_with_a_mention_hands_the_question_to_that_person() {
    assertEquals(new Input.Assign(List.of(4), false, "U2", ""), Commands.parse("assign 4 <@U2>"));
    assertEquals(
        new Input.Assign(List.of(4), false, "U2", "bob"),
        Commands.parse("Assign #4 to <@U2|bob>."));
  }

  @Test
  void several_questions_and_a_whole_section_can_be_handed_over() {
    assertEquals(
        new Input.Assign(List.of(4, 5), false, "U2", ""), Commands.parse("assign 4, 5 <@U2>"));
    assertEquals(
        new Input.Assign(List.of(4), true, "U2", ""), Commands.parse("assign section 4 <@U2>"));
  }

  @Test
  void unassign_takes_questions_back() {
    assertEquals(new Input.Unassign(List.of(4)), Commands.parse("unassign 4"));
    assertEquals(new Input.Unassign(List.of(4, 7)), Commands.parse("unassign 4,7!"));
    assertInstanceOf(Input.Unclear.class, Commands.parse("unassign bob"));
  }

  @Test
  void a_plain_at_name_is_no_mention_and_says_how_to_mention() {
    Input.Unclear unclear = assertInstanceOf(Input.Unclear.class, Commands.parse("assign 4 @bob"));

    assertTrue(unclear.why().contains("`@bob` is not a Slack mention"), unclear.why());
  }

  @Test
  void a_hand_over_without_a_person_or_a_question_says_what_is_missing() {
    assertTrue(
        assertInstanceOf(Input.Unclear.class, Commands.parse("assign 4")).why().contains("whom"));
    assertTrue(
        assertInstanceOf(Input.Unclear.class, Commands.parse("assign <@U2>"))
            .why()
            .contains("which question"));
  }

  @Test
  void an_answer_that_starts_with_assign_is_still_an_answer() {
    String answer = "assign 4 engineers to the migration";

    assertEquals(new Input.Answer(answer), Commands.parse(answer));
    assertEquals(
        new Input.Answer("assign 4 <@U2>\nand more"), Commands.parse("assign 4 <@U2>\nand more"));
  }

  @Test
  void a_long_hostile_reply_is_read_in_linear_time() {
    String commas = "assign " + "1,".repeat(200_000) + "x";
    String digits = "assign " + "9".repeat(400_000);
    String mention = "assign 4 <@" + "U".repeat(400_000);

    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          Commands.parse(commas);
          Commands.parse(digits);
          Commands.parse(mention);
        });
  }
}
