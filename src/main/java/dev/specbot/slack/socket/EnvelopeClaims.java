package dev.specbot.slack.socket;

import dev.specbot.storage.Database;
import java.time.Clock;

/**
 * Which envelopes are taken, kept in the database beside the events already handled: a command or
 * an interaction carries no key of its own that its handler records, so Slack sending its envelope
 * again (not acknowledged before a connection dropped) would start a second interview. The claim is
 * made before the work, so that of two deliveries running at once (on two connections, or two
 * instances) only one does it; it is given back if the work fails, so that Slack's next delivery is
 * handled. Kept an hour, as other keys only retries bring back.
 */
final class EnvelopeClaims {
  private final Database database;
  private final Clock clock;

  EnvelopeClaims(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** True the first time an envelope is claimed, false for every delivery after it. */
  boolean claim(String envelopeId) {
    return database.transaction(tx -> tx.events().firstTime(key(envelopeId), clock.instant()));
  }

  void release(String envelopeId) {
    database.transaction(
        tx -> {
          tx.events().forget(key(envelopeId));
          return null;
        });
  }

  private static String key(String envelopeId) {
    return "envelope:" + envelopeId;
  }
}
