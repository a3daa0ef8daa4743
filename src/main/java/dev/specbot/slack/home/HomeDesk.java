package dev.specbot.slack.home;

import dev.specbot.storage.Tx;
import java.util.Map;

/** Whose home a change refreshes. */
public final class HomeDesk {
  /** Rows of each part of a home: within Block Kit's 100 blocks with every part full. */
  public static final int PAGE = 8;

  private HomeDesk() {}

  /**
   * Everyone a change to the interview concerns (its drafter, reviewers, co-authors, discussion's
   * attendees) who has opened the Home tab, with their team. Those who never opened it are left
   * alone: their home is built when they first do, and publishing it before would spend Slack's
   * views.publish limit on a tab nobody reads.
   */
  public static Map<String, String> toRefresh(Tx tx, String interviewId) {
    return tx.home().openedAmong(tx.home().concernedWith(interviewId));
  }
}
