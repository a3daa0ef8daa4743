package dev.specbot.review;

import java.util.List;
import java.util.Objects;

/** The review after an input, and what the Slack side must do about it. */
public record ReviewTransition(Review review, List<ReviewEffect> effects) {
  public ReviewTransition {
    Objects.requireNonNull(review, "null review");
    effects = List.copyOf(effects);
  }
}
