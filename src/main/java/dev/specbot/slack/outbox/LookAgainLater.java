package dev.specbot.slack.outbox;

import java.time.Instant;

/**
 * Slack cannot yet tell whether an earlier attempt took effect: the message is sent again, after a
 * fresh look, at {@link #at()}. Not a failure of Slack's, so it is not retried with a backoff.
 */
final class LookAgainLater extends Exception {
  private static final long serialVersionUID = 1L;

  private final Instant at;

  LookAgainLater(Instant at, String why) {
    super(why);
    this.at = at;
  }

  Instant at() {
    return at;
  }
}
