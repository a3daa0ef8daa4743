package dev.specbot.review;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What someone did in a spec's thread; {@link #by()} is the Slack user id acting. */
public sealed interface ReviewInput {
  String by();

  /**
   * The drafter asks for review: of these people, or (an empty list) of everyone asked before whose
   * approval does not stand.
   */
  record Request(String by, List<String> reviewers) implements ReviewInput {
    public Request {
      Objects.requireNonNull(by, "null by");
      reviewers = List.copyOf(reviewers);
    }
  }

  record Approve(String by) implements ReviewInput {
    public Approve {
      Objects.requireNonNull(by, "null by");
    }
  }

  /** A reviewer asks for changes, about a section if they name one. */
  record RequestChanges(String by, Optional<String> section, String text) implements ReviewInput {
    public RequestChanges {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(text, "null text");
    }
  }

  /** Anyone remarks on the spec, about a section if they name one. */
  record Comment(String by, Optional<String> section, String text) implements ReviewInput {
    public Comment {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(text, "null text");
    }
  }

  /** Anyone raises a named concern that blocks approval until they resolve it. */
  record RaiseConcern(String by, String name, String text) implements ReviewInput {
    public RaiseConcern {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(name, "null name");
      Objects.requireNonNull(text, "null text");
    }
  }

  /** The author of the open concern called {@code name} resolves it. */
  record Resolve(String by, String name) implements ReviewInput {
    public Resolve {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(name, "null name");
    }
  }

  /**
   * An answer of the spec changed (its message was edited).
   *
   * @param section the changed section's title, as remarks name sections (compared ignoring case)
   * @param before the answer before, in full
   * @param after the answer after, in full
   */
  record AnswerChanged(String by, String section, String before, String after)
      implements ReviewInput {
    public AnswerChanged {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(section, "null section");
      Objects.requireNonNull(before, "null before");
      Objects.requireNonNull(after, "null after");
    }
  }

  /**
   * The drafter moves an approved spec on.
   *
   * @param to {@link Stage#IN_PROGRESS} or {@link Stage#COMPLETED}, nothing else
   */
  record MoveOn(String by, Stage to) implements ReviewInput {
    public MoveOn {
      Objects.requireNonNull(by, "null by");
      Objects.requireNonNull(to, "null to");
      if (!to.isMovedOn()) {
        throw new IllegalArgumentException(
            "a spec moves on to in progress or completed, not " + to);
      }
    }
  }

  /** Show who has reviewed and what each said. */
  record ShowBoard(String by) implements ReviewInput {
    public ShowBoard {
      Objects.requireNonNull(by, "null by");
    }
  }
}
