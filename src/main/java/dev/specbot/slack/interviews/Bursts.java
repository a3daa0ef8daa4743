package dev.specbot.slack.interviews;

import dev.specbot.storage.Outbox;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Whether a reply belongs to the answer before it: several messages written before the next
 * question could be read are one answer. Slack's ts orders a channel's messages, the drafter's and
 * the bot's alike, on Slack's own clock, so the rule needs no clock of the bot's.
 */
final class Bursts {
  /** Slack's ts is seconds and microseconds, e.g. {@code 1733151600.000100}. */
  private static final int MAX_TS_LENGTH = 32;

  private final Duration readingDelay;

  /** Bursts whose replies count as unread this long after the question appears (see Config). */
  Bursts(Duration readingDelay) {
    this.readingDelay = readingDelay;
  }

  /**
   * Whether the reply written at {@code replyTs} continues the previous answer, given where the
   * message asking the next question stands. While it waits, nobody can have read it; once sent,
   * its ts says whether the reply was written before it could be read; if Slack refused it for
   * good, the drafter was told so, and what they write next is the next answer. A question still
   * being sent after the caller waited for it has not been confirmed by Slack: the reply is taken
   * as written before it, which at worst adds it to the previous answer, where an edit can move it.
   */
  boolean continues(String replyTs, Outbox.Standing question) {
    return switch (question.state()) {
      case WAITING, SENDING -> true;
      case GIVEN_UP -> false;
      case SENT -> question.ts().map(ts -> writtenBeforeReading(replyTs, ts)).orElse(false);
    };
  }

  private boolean writtenBeforeReading(String replyTs, String questionTs) {
    BigDecimal readable = seconds(questionTs).add(BigDecimal.valueOf(readingDelay.toNanos(), 9));
    return seconds(replyTs).compareTo(readable) < 0;
  }

  private static BigDecimal seconds(String ts) {
    if (ts.length() > MAX_TS_LENGTH) {
      throw new IllegalArgumentException("not a Slack ts: " + ts.substring(0, MAX_TS_LENGTH));
    }
    try {
      return new BigDecimal(ts);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a Slack ts: " + ts, e);
    }
  }
}
