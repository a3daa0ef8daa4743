package dev.specbot.interview;

import java.util.List;

/** The interview after an input, and what the front end must do about it. */
public record Transition(Interview interview, List<Effect> effects) {
  public Transition {
    effects = List.copyOf(effects);
  }
}
