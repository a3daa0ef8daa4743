package dev.specbot.slack.webapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BudgetsTest {
  private static final String POST = SlackLimits.POST_MESSAGE;
  private static final long MARGIN = Window.MARGIN_NANOS;

  /** This machine's clock, in µs since the epoch, in the tests that need it. */
  private static final long EPOCH_MICROS = 1_764_936_000_000_000L;

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final Budgets budgets = new Budgets(SlackLimits.published(600), now::get);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  private Duration reserve(String method, String channel, Urgency urgency) {
    return budgets.reserve(method, channel, urgency);
  }

  /** Spends a call, left unanswered; returns how long until it could be, 0 if it was. */
  private long spend(String method, String channel, Urgency urgency) {
    return budgets.spend(method, channel, urgency).waitNanos();
  }

  /** Spends a post in {@code channel} and has Slack answer it {@code after} that. */
  private void post(String channel, Duration after) {
    Budgets.Spent spent = budgets.spend(POST, channel, Urgency.QUESTION);
    assertEquals(0, spent.waitNanos());
    advance(after);
    budgets.answered(spent.calls());
  }

  @Test
  void an_answered_call_leaves_the_window_one_window_after_its_answer() {
    for (int i = 0; i < 3; i++) {
      post("C1", Duration.ofMillis(100));
    }
    // Made at 0, 100 and 200 ms, answered at 100, 200 and 300 ms; now is 300 ms.

    assertEquals(Duration.ofMillis(2800), reserve(POST, "C1", Urgency.QUESTION));
    advance(Duration.ofMillis(2799));
    assertTrue(reserve(POST, "C1", Urgency.QUESTION).compareTo(Duration.ZERO) > 0);
    advance(Duration.ofMillis(1));
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_post_counts_only_until_slack_took_it_when_its_ts_tells_the_time() {
    Budgets stamped = threePostsInC1AfterOthers(true);

    // Each took 1 ms to reach Slack, as the quickest did, and was answered 150 ms after it was
    // sent; now is 450 ms after the first of C1 was. It leaves 3 s after it was sent, and the
    // guard: not 3 s after its answer.
    assertEquals(
        Duration.ofMillis(3000 - 450).plusNanos(PostStamps.GUARD_NANOS),
        stamped.reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_post_whose_ts_is_no_time_counts_until_its_answer() {
    Budgets stamped = threePostsInC1AfterOthers(false);

    assertEquals(Duration.ofMillis(3000 - 300), stamped.reserve(POST, "C1", Urgency.QUESTION));
  }

  /**
   * Budgets that saw a post in each of {@link PostStamps#TRUSTED_AFTER} other channels, then three
   * in C1, each as {@link #stampedPost} makes it.
   */
  private Budgets threePostsInC1AfterOthers(boolean tsIsTime) {
    Budgets stamped = new Budgets(SlackLimits.published(600), now::get, () -> EPOCH_MICROS);
    for (int i = 0; i < PostStamps.TRUSTED_AFTER; i++) {
      stampedPost(stamped, "C" + (100 + i), tsIsTime);
    }
    for (int i = 0; i < 3; i++) {
      stampedPost(stamped, "C1", tsIsTime);
    }
    return stamped;
  }

  /**
   * Spends a post in {@code channel} that reaches Slack 1 ms later and is answered 150 ms later,
   * with a ts that is Slack's time when it arrived, or, unless {@code tsIsTime}, one made up.
   */
  private void stampedPost(Budgets stamped, String channel, boolean tsIsTime) {
    Budgets.Spent spent = stamped.spend(POST, channel, Urgency.QUESTION);
    assertEquals(0, spent.waitNanos());
    long arrived = EPOCH_MICROS + (now.get() + 1_000_000L) / 1_000;
    advance(Duration.ofMillis(150));
    String ts = String.format(Locale.ROOT, "%d.%06d", arrived / 1_000_000, arrived % 1_000_000);
    stamped.posted(spent.calls(), tsIsTime ? ts : "1763600000.000100");
  }

  @Test
  void a_call_slack_answers_slowly_leaves_a_window_and_the_margin_after_it_left() {
    post("C1", Duration.ofSeconds(2)); // Slack taking its time: the call had arrived long before.
    post("C1", Duration.ZERO);
    post("C1", Duration.ZERO);

    // Made at 0, answered at 2 s: it leaves at 3 s and the margin, 1 s and the margin from now.
    assertEquals(Duration.ofSeconds(1).plusNanos(MARGIN), reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_call_not_answered_keeps_those_after_it_counted_at_most_the_margin_longer() {
    Budgets.Spent slow = budgets.spend(POST, "C1", Urgency.QUESTION);
    post("C1", Duration.ZERO);
    post("C1", Duration.ZERO);
    advance(Duration.ofSeconds(3));
    assertTrue(reserve(POST, "C1", Urgency.QUESTION).compareTo(Duration.ZERO) > 0);

    advance(Duration.ofNanos(MARGIN));

    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
    }
    budgets.answered(slow.calls());
  }

  @Test
  void a_channel_takes_three_posts_in_three_seconds_and_the_next_when_the_first_has_left() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
      Budgets.Spent made = budgets.spend(POST, "C1", Urgency.QUESTION);
      assertEquals(0, made.waitNanos(), "the reserved call, made");
      budgets.answered(made.calls());
      advance(Duration.ofMillis(100));
    }

    Duration wait = reserve(POST, "C1", Urgency.QUESTION);

    // The first was answered 300 ms ago; it leaves the window 3 s after its answer.
    assertEquals(Duration.ofMillis(2700), wait);
    assertEquals(Duration.ZERO, reserve(POST, "C2", Urgency.QUESTION), "another channel");
    advance(wait);
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_call_not_answered_yet_leaves_a_window_and_the_margin_after_it_left() {
    for (int i = 0; i < 3; i++) {
      assertEquals(0, spend(POST, "C1", Urgency.QUESTION));
      advance(Duration.ofMillis(100));
    }

    assertEquals(Duration.ofMillis(2700).plusNanos(MARGIN), reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void less_urgent_calls_leave_room_for_more_urgent_ones() {
    int progress = 0;
    while (reserve("chat.update", "C1", Urgency.PROGRESS).isZero()) {
      progress++;
    }
    int milestones = 0;
    while (reserve("chat.update", "C1", Urgency.MILESTONE).isZero()) {
      milestones++;
    }

    assertEquals(30, progress, "60% of Tier 3's 50 a minute");
    assertEquals(20, milestones, "the rest of the 50");
    assertTrue(reserve("chat.update", "C9", Urgency.MILESTONE).toSeconds() >= 59);
  }

  @Test
  void a_channel_keeps_its_last_post_for_the_next_question() {
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.NOTICE));
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.REPLY));

    assertTrue(reserve(POST, "C1", Urgency.NOTICE).compareTo(Duration.ZERO) > 0);
    assertTrue(reserve(POST, "C1", Urgency.REPLY).compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_reserved_call_counts_once_when_it_is_made() {
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
      assertEquals(0, spend(POST, "C1", Urgency.REPLY), "made against its reservation");
    }

    assertTrue(spend(POST, "C1", Urgency.QUESTION) > 0, "a fourth, unreserved");
  }

  @Test
  void a_reservation_never_used_lapses() {
    for (int i = 0; i < 3; i++) {
      reserve(POST, "C1", Urgency.QUESTION);
    }
    assertTrue(reserve(POST, "C1", Urgency.QUESTION).compareTo(Duration.ZERO) > 0);

    advance(Duration.ofNanos(Window.RESERVATION_NANOS));

    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_released_reservation_frees_its_place_at_once() {
    for (int i = 0; i < 3; i++) {
      reserve(POST, "C1", Urgency.QUESTION);
    }
    budgets.release(POST, "C1");

    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
  }

  @Test
  void a_429_stops_that_method_for_as_long_as_slack_asks_and_nothing_else() {
    budgets.refused("chat.update", "C1", Duration.ofSeconds(30));

    assertEquals(Duration.ofSeconds(30), reserve("chat.update", "C2", Urgency.MILESTONE));
    assertEquals(Duration.ZERO, reserve(POST, "C1", Urgency.QUESTION));
    assertEquals(Duration.ZERO, reserve("users.info", null, Urgency.REPLY));
    advance(Duration.ofSeconds(30));
    assertEquals(Duration.ZERO, reserve("chat.update", "C2", Urgency.MILESTONE));
  }

  @Test
  void a_429_on_a_post_stops_only_its_channel() {
    budgets.refused(POST, "C1", Duration.ofSeconds(2));

    assertEquals(Duration.ofSeconds(2), reserve(POST, "C1", Urgency.QUESTION));
    assertEquals(Duration.ZERO, reserve(POST, "C2", Urgency.QUESTION));
  }

  @Test
  void the_workspace_limit_on_posts_holds_across_channels() {
    Budgets tight = new Budgets(SlackLimits.published(5), now::get);
    for (int i = 0; i < 5; i++) {
      assertEquals(Duration.ZERO, tight.reserve(POST, "C" + i, Urgency.QUESTION));
    }

    assertTrue(tight.reserve(POST, "C9", Urgency.QUESTION).toSeconds() >= 60);
  }

  @Test
  void without_limits_nothing_waits() {
    Budgets none = new Budgets(SlackLimits.none(), now::get);
    for (int i = 0; i < 1000; i++) {
      assertEquals(Duration.ZERO, none.reserve(POST, "C1", Urgency.PROGRESS));
      assertEquals(0, none.spend("chat.update", "C1", Urgency.PROGRESS).waitNanos());
    }
  }

  @Test
  void channels_long_idle_are_forgotten() {
    for (int i = 0; i < 1_500; i++) {
      budgets.answered(budgets.spend(POST, "C" + i, Urgency.QUESTION).calls());
    }
    advance(Duration.ofMinutes(1));
    budgets.spend(POST, "C-last", Urgency.QUESTION);

    assertTrue(budgets.windowCount() < 10, "windows kept: " + budgets.windowCount());
  }
}
