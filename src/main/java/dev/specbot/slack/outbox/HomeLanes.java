package dev.specbot.slack.outbox;

import dev.specbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Each person's Home tab has a lane of its own ({@code home:} their team and id), where a newer
 * request replaces one still waiting: a burst of changes to someone's specs costs one {@code
 * views.publish}, since the sender reads their specs as they stand when it sends.
 */
final class HomeLanes {
  /**
   * A change waits this long before its homes are published, so that the changes that follow it (an
   * answer, then the card's edit, then the next answer) ride along. Opening the tab does not wait.
   */
  static final Duration SETTLE = Duration.ofSeconds(3);

  private HomeLanes() {}

  /** Queues a home: at once when its person opened the tab, after {@link #SETTLE} otherwise. */
  static String enqueue(Tx tx, Delivery home, Instant now) {
    if (home.text() == null) {
      // No team: someone who may never have opened the tab (see Delivery.homeIfOpened).
      return tx.home().openedAmong(Set.of(home.user())).entrySet().stream()
          .findFirst()
          .map(
              opened ->
                  queue(
                      tx, Delivery.home(opened.getValue(), opened.getKey()), now, now.plus(SETTLE)))
          .orElse("");
    }
    return queue(tx, home, now, now);
  }

  /**
   * Queues a refresh of the home of everyone the interview concerns (its drafter, reviewers,
   * co-authors, discussion's attendees) who has opened the tab: called where every change to a
   * spec's card is queued (see {@link Delivery#enqueueHere}) and where its thread is first posted.
   * Those who never opened the tab are left alone: their home is built when they first do, and
   * publishing it before would spend Slack's views.publish limit on a tab nobody reads.
   */
  static void interviewChanged(Tx tx, String interviewId, Instant now) {
    Map<String, String> toRefresh = tx.home().openedConcernedWith(interviewId);
    for (Map.Entry<String, String> person : toRefresh.entrySet()) {
      queue(tx, Delivery.home(person.getValue(), person.getKey()), now, now.plus(SETTLE));
    }
  }

  private static String queue(Tx tx, Delivery home, Instant now, Instant due) {
    return tx.outbox()
        .replaceWaiting(
            "home:" + home.text() + ":" + home.user(),
            home.kind().name(),
            home.toJson(),
            now,
            due,
            home.urgency().rank());
  }
}
