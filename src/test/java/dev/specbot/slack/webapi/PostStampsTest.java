package dev.specbot.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PostStampsTest {
  /** This machine's clock at nanoTime 0, in µs since the epoch: 2026-12-05 12:00 UTC. */
  private static final long EPOCH_MICROS = 1_764_936_000_000_000L;

  /**
   * Slack's clock is this far ahead of the bot's nanoTime: 5 s behind this machine's clock, and
   * unknown to the bot.
   */
  private static final long OFFSET_NANOS = EPOCH_MICROS * 1_000 - 5_000_000_000L;

  private static final long MS = 1_000_000L;

  /** The bot's nanoTime when its last post was sent: this machine's clock moves with it. */
  private long lastSent;

  private final PostStamps stamps = new PostStamps(() -> EPOCH_MICROS + lastSent / 1_000);

  /** The ts Slack gives a post that arrived {@code arrived} nanoTime. */
  private static String ts(long arrived) {
    long micros = (arrived + OFFSET_NANOS) / 1_000;
    return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  /** A post sent at {@code sent} that took {@code way} to reach Slack: its lateness. */
  private long post(long sent, long way) {
    lastSent = sent;
    return stamps.lateness(sent, ts(sent + way));
  }

  /**
   * Posts {@link PostStamps#TRUSTED_AFTER} - 1 times from {@code sent}, each taking {@code way}.
   */
  private long train(long sent, long way) {
    for (int i = 0; i < PostStamps.TRUSTED_AFTER - 1; i++) {
      assertEquals(-1, post(sent, way), "not trusted yet");
      sent += 10 * MS;
    }
    return sent;
  }

  @Test
  void a_post_slower_than_the_quickest_counts_as_late_as_its_way_took_longer() {
    long sent = train(0, 2 * MS);

    // The way took 2 ms at the quickest; this one 30 ms, so the next may find it 28 ms late.
    assertEquals(28 * MS + PostStamps.GUARD_NANOS, post(sent, 30 * MS));
    assertEquals(PostStamps.GUARD_NANOS, post(sent + MS, 2 * MS));
  }

  @Test
  void a_quicker_way_lowers_what_every_later_post_is_measured_from() {
    long sent = train(0, 10 * MS);

    assertEquals(PostStamps.GUARD_NANOS, post(sent, MS), "the quickest so far");
    assertEquals(9 * MS + PostStamps.GUARD_NANOS, post(sent + MS, 10 * MS));
  }

  @Test
  void the_quickest_way_is_forgotten_after_two_minutes_so_that_drift_does_not_stay() {
    long sent = train(0, MS);
    post(sent, MS);
    // A minute on, the clocks drifted 9 ms apart: the minute before's quickest still counts.
    sent += Duration.ofSeconds(61).toNanos();
    for (int i = 0; i < PostStamps.TRUSTED_AFTER; i++) {
      assertEquals(9 * MS + PostStamps.GUARD_NANOS, post(sent + i * MS, 10 * MS));
    }
    // Another minute on, only the last minute's does.
    sent += Duration.ofSeconds(61).toNanos();
    assertEquals(PostStamps.GUARD_NANOS, post(sent, 10 * MS));
  }

  @Test
  void after_two_idle_minutes_the_posts_are_counted_again_before_being_trusted() {
    long sent = train(0, MS);
    assertEquals(PostStamps.GUARD_NANOS, post(sent, MS));

    sent += Duration.ofMinutes(3).toNanos();

    assertEquals(-1, post(sent, MS));
  }

  @Test
  void a_ts_far_from_this_machine_s_clock_is_not_a_time() {
    train(0, MS);
    String nextYear =
        String.format(Locale.ROOT, "%d.000000", EPOCH_MICROS / 1_000_000 + 31_536_000);

    assertEquals(-1, stamps.lateness(200 * MS, nextYear));
    assertEquals(-1, stamps.lateness(200 * MS, "1763600000.000100"), "the fake's made-up ts");
  }

  @Test
  void a_ts_is_read_only_in_slack_s_form() {
    assertEquals(1_764_936_000_123_456L, PostStamps.micros("1764936000.123456"));
    assertEquals(-1, PostStamps.micros("1764936000.12345"));
    assertEquals(-1, PostStamps.micros("1764936000"));
    assertEquals(-1, PostStamps.micros(".123456"));
    assertEquals(-1, PostStamps.micros("17649x6000.123456"));
    assertEquals(-1, PostStamps.micros("99999999999999.123456"), "too long to be a time");
    assertEquals(-1, PostStamps.micros(null));
  }
}
