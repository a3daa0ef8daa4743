package dev.specbot.slack.training;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/**
 * The training run behind the class archive goes through a whole first turn: were the bot to stop
 * answering the stand-in Slack (a changed request, a new call the stub cannot answer), the archive
 * would quietly lose the classes of the first requests.
 */
class TrainingTest {
  @Test
  void the_training_run_posts_the_spec_and_its_first_two_questions() {
    assertDoesNotThrow(Training::train);
  }
}
