package dev.specbot.discussion;

import java.util.Objects;
import java.util.Optional;

/** What one reply of the drafter's after the meeting says. */
public sealed interface DecisionReply {

  /** A decision, as written. */
  record Decision(String text) implements DecisionReply {
    public Decision {
      Objects.requireNonNull(text, "null text");
    }
  }

  /**
   * An action item with its owner: {@code <@U123>: do X}, {@code <@U123|bob> do X} or {@code @bob:
   * do X}.
   *
   * @param ownerId the owner's Slack user id, when they were mentioned
   * @param ownerLabel the name written with the mention, or the plain {@code @name}; may be empty
   * @param task what they are to do
   */
  record FollowUp(Optional<String> ownerId, String ownerLabel, String task)
      implements DecisionReply {
    public FollowUp {
      Objects.requireNonNull(ownerId, "null ownerId");
      Objects.requireNonNull(ownerLabel, "null ownerLabel");
      Objects.requireNonNull(task, "null task");
    }
  }

  /** {@code done}, {@code that's all}: the decisions are all in. */
  record Done() implements DecisionReply {}

  /** {@code no decisions}: nothing was decided. */
  record NoDecisions() implements DecisionReply {}

  /** A mention with nothing to do after it, or an empty reply: said back to the drafter. */
  record Unclear(String reason) implements DecisionReply {
    public Unclear {
      Objects.requireNonNull(reason, "null reason");
    }
  }
}
