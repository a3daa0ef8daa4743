package dev.specbot.slack.interviews;

import dev.specbot.storage.Optimistic;
import dev.specbot.storage.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys an input leaves, so that Slack's retry of it does nothing: {@code retried} ones only a
 * retry brings back, pruned within the hour; {@code kept} ones stay with the interview while it is
 * open (a reply's, which catch-up meets again when it reads the thread).
 */
record Keys(List<String> retried, String interviewId, List<String> kept) {
  boolean anySeen(Tx tx) {
    List<String> all = new ArrayList<>(retried);
    all.addAll(kept);
    return tx.events().anySeen(all);
  }

  /**
   * Records every key; false if one was recorded already. A reply's key is also its key in the
   * inbox ({@link ThreadReply#key}): the write that takes it in forgets it there.
   */
  boolean firstTime(Tx tx, Instant now) {
    kept.forEach(tx.inbox()::remove);
    return tx.events().allFirstTime(retried, interviewId, kept, now);
  }

  /** The write, unless one of the keys was recorded meanwhile (a retry handled in between). */
  Optimistic.Write<Interviewer.Outcome> once(
      Instant now, Optimistic.Write<Interviewer.Outcome> write) {
    return tx -> firstTime(tx, now) ? write.write(tx) : Interviewer.Outcome.DUPLICATE;
  }
}
