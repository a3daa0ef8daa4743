package dev.specbot.slack.interviews;

import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Tx;
import java.util.Optional;

/** What Slack adds to a hand-over: the co-author's name, and who cannot be one. */
final class HandOvers {
  private HandOvers() {}

  /** A hand-over to the bot itself is refused: it asks questions, it does not answer them. */
  static Input toTeammate(Input input, Optional<String> botUserId) {
    if (input instanceof Input.Assign assign
        && botUserId.filter(assign.assigneeId()::equals).isPresent()) {
      return new Input.Unclear(
          "I ask the questions, so I cannot answer one. Hand it to a teammate with `assign N"
              + " @name`.");
    }
    return input;
  }

  /**
   * A hand-over with its co-author's name as the people table has it (the listener looked them up
   * just before), else as the mention gave it.
   */
  static Input named(Tx tx, Input input) {
    if (!(input instanceof Input.Assign assign)) {
      return input;
    }
    String stored = Directory.stored(tx, assign.assigneeId()).name();
    boolean known = !stored.isBlank() && !stored.equals(assign.assigneeId());
    return known || assign.assigneeName().isBlank() ? assign.named(stored) : assign;
  }

  /** Whether the input hands questions over or takes them back: the drafter's to give. */
  static boolean isHandOver(Input input) {
    return input instanceof Input.Assign || input instanceof Input.Unassign;
  }

  /** Whether any question of the interview waits on this person's answer. */
  static boolean waitsOn(Interview interview, String userId) {
    return interview.assignments().entrySet().stream()
        .anyMatch(
            handed ->
                handed.getValue().id().equals(userId)
                    && interview.waitingOn(handed.getKey()).isPresent());
  }
}
