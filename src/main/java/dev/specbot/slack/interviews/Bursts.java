package dev.specbot.slack.interviews;

import com.slack.api.methods.SlackApiException;
import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import dev.specbot.slack.outbox.PostedMessages;
import dev.specbot.slack.outbox.Unrecorded;
import dev.specbot.storage.Interviews;
import dev.specbot.storage.Outbox;
import dev.specbot.storage.Tx;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a reply belongs to the answer before it: several messages written before the next
 * question could be read are one answer. Slack's ts orders a channel's messages, the drafter's and
 * the bot's alike, on Slack's own clock, so the rule needs no clock of the bot's. A reply waits,
 * briefly, while the question before it is being sent, since only Slack's answer gives its ts.
 */
final class Bursts {
  /** Slack's ts is seconds and microseconds, e.g. {@code 1733151600.000100}. */
  private static final int MAX_TS_LENGTH = 32;

  private static final Logger log = LoggerFactory.getLogger(Bursts.class);

  private final Duration readingDelay;
  private final PostedMessages posted;
  private final Unrecorded unrecorded;

  /**
   * Bursts whose replies count as unread this long after the question appears (see Config); {@code
   * posted} finds a question in Slack when its sender went quiet; {@code unrecorded} is what this
   * instance sent and has not recorded yet.
   */
  Bursts(Duration readingDelay, PostedMessages posted, Unrecorded unrecorded) {
    this.posted = posted;
    this.unrecorded = unrecorded;
    this.readingDelay = readingDelay;
  }

  /**
   * Where Slack has question {@code messageId}: posted, with its ts, or not (so not read either).
   * Asked only when its sender has held it for long, as one that died after Slack took it does.
   */
  Check inSlack(String channelId, String threadTs, String messageId) {
    try {
      Outbox.Standing standing =
          posted
              .find(channelId, Optional.of(threadTs), messageId)
              .map(ts -> new Outbox.Standing(Outbox.Standing.State.SENT, Optional.of(ts)))
              .orElse(new Outbox.Standing(Outbox.Standing.State.WAITING, Optional.empty()));
      return Check.found(messageId, standing);
    } catch (IOException | SlackApiException | RuntimeException e) {
      log.warn("Could not ask Slack about question message {}: {}", messageId, e.toString());
      return Check.UNREAD;
    }
  }

  /**
   * Runs {@code attempt} again while the question before the reply is being sent, for at most
   * {@link #SENDING_WAIT}. If this instance is the one sending it, the attempt runs again as soon
   * as Slack has answered, with that answer ({@code unrecorded}); otherwise it is tried again after
   * a pause, as the outbox records the send. If it is still being sent then, its sender may have
   * died after Slack took it (another instance takes it over only once that one has been silent for
   * a while): Slack itself is asked, through {@code inSlack}, whether the question is there and
   * when it was posted, and the attempt runs once more with the answer. If Slack cannot say, it
   * runs as if the question was not read yet.
   */
  <T> T waitingForQuestion(Function<Check, T> attempt, Function<String, Check> inSlack) {
    long deadline = System.nanoTime() + SENDING_WAIT.toNanos();
    for (long pause = 5; ; pause = Math.min(pause * 2, 50)) {
      try {
        return attempt.apply(Check.WAIT);
      } catch (QuestionBeingSent beingSent) {
        if (System.nanoTime() >= deadline) {
          return attempt.apply(inSlack.apply(beingSent.messageId));
        }
        Optional<Outbox.Standing> sent = sentHere(beingSent.messageId, pause);
        if (sent.isPresent()) {
          return attempt.apply(Check.found(beingSent.messageId, sent.get()));
        }
      }
    }
  }

  private Optional<Outbox.Standing> sentHere(String messageId, long pauseMillis) {
    try {
      return unrecorded.awaitSent(messageId, Duration.ofMillis(pauseMillis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a question was being sent", e);
    }
  }

  /** How a reply treats the question before it while that question is still being sent. */
  record Check(Optional<String> messageId, Optional<Outbox.Standing> standing) {
    /** Waits for it: the attempt is given up and tried again shortly. */
    static final Check WAIT = new Check(Optional.empty(), Optional.empty());

    /** Takes it as not read yet: the reply adds to the previous answer. */
    static final Check UNREAD = new Check(Optional.of(""), Optional.empty());

    /** Slack said where message {@code messageId} stands. */
    static Check found(String messageId, Outbox.Standing standing) {
      return new Check(Optional.of(messageId), Optional.of(standing));
    }
  }

  /**
   * The question a reply continues: the drafter's previous reply answered it, and this reply was
   * written before the next question could be read (see {@link Bursts}). While that question is
   * being sent, and {@code mayWait}, the reply waits for Slack's answer (see {@link
   * QuestionBeingSent}).
   */
  Optional<String> continued(
      Tx tx, Interview interview, Input input, String ts, boolean continuesPrevious, Check check) {
    if (!(input instanceof Input.Answer) || interview.status() != Status.ASKING) {
      return Optional.empty();
    }
    return tx.interviews()
        .burst(interview.id())
        .filter(burst -> continuesPrevious || continues(ts, asking(tx, burst, check)))
        .map(Interviews.Burst::questionId);
  }

  private static Outbox.Standing asking(Tx tx, Interviews.Burst burst, Check check) {
    Outbox.Standing standing = tx.outbox().standing(burst.nextAskId());
    if (standing.state() != Outbox.Standing.State.SENDING) {
      return standing;
    }
    if (check.messageId().filter(burst.nextAskId()::equals).isPresent()) {
      return check.standing().orElse(standing);
    }
    if (check.messageId().isPresent()) {
      return standing; // UNREAD, or Slack was asked about another message: as not read yet.
    }
    throw new QuestionBeingSent(burst.nextAskId());
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

  /**
   * How long a reply waits for the question before it to be sent: only Slack's answer gives its ts,
   * which says whether the reply was written before it. Bounded, so that a slow Slack delays the
   * reply a little and never its acknowledgement past Slack's 3 s.
   */
  private static final Duration SENDING_WAIT = Duration.ofMillis(1500);

  /**
   * The next question is being sent, and the reply waits for Slack's answer to it: signalled when
   * this instance sends it, polled otherwise, as another instance may be the one sending.
   */
  static final class QuestionBeingSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageId;

    QuestionBeingSent(String messageId) {
      super("the next question is being sent", null, false, false);
      this.messageId = messageId;
    }
  }
}
