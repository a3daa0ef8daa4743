package dev.specbot.slack.home;

import dev.specbot.slack.outbox.Delivery;
import dev.specbot.storage.Database;
import java.time.Clock;

/**
 * Stage: the Home tab. Opening it records that the person reads it (from then on a change to their
 * specs publishes it again, see the outbox's home lanes) and queues their home at once; a New spec
 * form Slack would not open is told to them privately.
 */
public final class HomeDesk {
  /** What a person is told when Slack would not open the form (its trigger ran out). */
  static final String FORM_NOT_OPENED =
      "I could not open the New spec form just now. Press *New spec* again, or type `/spec` in"
          + " the channel the spec belongs in.";

  private final Database database;
  private final Clock clock;
  private final Runnable wake;

  /** {@code wake} tells the outbox that something was queued. */
  public HomeDesk(Database database, Clock clock, Runnable wake) {
    this.database = database;
    this.clock = clock;
    this.wake = wake;
  }

  /**
   * {@code userId} opened the Home tab. Slack's retry of the event queues the home again, which
   * replaces the one waiting: nothing is published twice for it.
   */
  public void opened(String teamId, String userId) {
    database.transaction(
        tx -> {
          tx.home().opened(teamId, userId, clock.instant());
          return Delivery.home(teamId, userId).enqueue(tx, clock.instant());
        });
    wake.run();
  }

  /** Slack would not open the New spec form for {@code userId}: they hear it in private. */
  public void formNotOpened(String userId) {
    database.transaction(
        tx ->
            new Delivery(
                    Delivery.Kind.POST_DM,
                    null,
                    null,
                    userId,
                    FORM_NOT_OPENED,
                    null,
                    null,
                    null,
                    null,
                    null)
                .enqueue(tx, clock.instant()));
    wake.run();
  }
}
