package dev.specbot.github;

import java.util.Locale;

/**
 * One call to GitHub, as a failure describes it: the request for the log, and what did not happen
 * in the drafter's words.
 *
 * @param issue the issue's number, or 0 for a call about the repository
 */
record Call(String method, String path, Repository repository, Kind kind, int issue) {
  /** What a call was for. */
  enum Kind {
    CREATE,
    EDIT,
    COMMENT,
    LOOK_UP
  }

  /** What did not happen, to follow "so": "your spec could not be published to o/r". */
  String whatFailed() {
    return switch (kind) {
      case CREATE -> "your spec could not be published to " + repository;
      case EDIT ->
          "issue #"
              + issue
              + " in "
              + repository
              + " could not be updated with your spec's changes";
      case COMMENT -> "a comment could not be added to issue #" + issue + " in " + repository;
      case LOOK_UP ->
          issue > 0
              ? "issue #" + issue + " in " + repository + " could not be read"
              : "specbot could not look for your spec's issue in " + repository;
    };
  }

  /** What GitHub was asked to take, for a validation failure: "the issue", "the comment". */
  String thing() {
    return switch (kind) {
      case CREATE -> "the issue";
      case EDIT -> "the change to issue #" + issue;
      case COMMENT -> "the comment";
      case LOOK_UP -> "the look-up";
    };
  }

  @Override
  public String toString() {
    return method.toUpperCase(Locale.ROOT) + " " + path;
  }
}
