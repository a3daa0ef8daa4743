package dev.specbot.slack.outbox;

import dev.specbot.slack.home.HomeDesk;
import dev.specbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

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
    return queue(tx, home, now, now);
  }

  /**
   * Queues a refresh of the home of everyone the interview concerns who has opened the tab: the one
   * place every change to a spec's card passes through (see {@link Delivery#enqueueHere}), and its
   * thread's first link.
   */
  static void interviewChanged(Tx tx, String interviewId, Instant now) {
    for (Map.Entry<String, String> person : HomeDesk.toRefresh(tx, interviewId).entrySet()) {
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
