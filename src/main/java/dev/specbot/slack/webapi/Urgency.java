package dev.specbot.slack.webapi;

/**
 * How much a Slack call matters to someone waiting, and so how much of a method's rate limit it may
 * spend. The outbox sends the most urgent first; the less urgent leave part of each budget unspent,
 * so that a question asked a moment later still finds room.
 */
public enum Urgency {
  /**
   * The next question of an interview (the first too, after {@code /spec}), or the spec its last
   * answer finished: a person is waiting on it.
   */
  QUESTION(0, 1.0),
  /** A reply to something a person just did (a command, a button) and the rest of a thread. */
  REPLY(1, 0.9),
  /** Direct messages, reminders and nudges: nobody is watching for them this second. */
  NOTICE(2, 0.7),
  /** An edit of a spec's card that changes its stage (finished, paused, a meeting, a review). */
  MILESTONE(3, 1.0),
  /** An edit of a spec's card that only moves its counts on: the latest one is all that counts. */
  PROGRESS(4, 0.6);

  private final int rank;
  private final double share;

  Urgency(int rank, double share) {
    this.rank = rank;
    this.share = share;
  }

  /** As stored with a queued message: lower goes first. */
  public int rank() {
    return rank;
  }

  /** The urgency stored as {@code rank}; the least urgent for a rank this version does not know. */
  public static Urgency ofRank(int rank) {
    for (Urgency urgency : values()) {
      if (urgency.rank == rank) {
        return urgency;
      }
    }
    return PROGRESS;
  }

  /** How many of a window's {@code count} calls this urgency may have spent: at least one. */
  int allowance(int count) {
    return Math.max(1, (int) Math.floor(count * share));
  }
}
