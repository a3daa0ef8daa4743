package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.SlackModel.Latency;
import dev.specbot.slack.fake.SlackModel.Limit;
import dev.specbot.slack.fake.SlackModel.Tier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The Slack model's rate limits and latency, on an injected clock (no test here sleeps). */
class SlackModelTest {
  private static final String CHANNEL = "C0SPECS001";

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private ModelledSlack start(SlackModel model) {
    return model.withNanoTime(nanos::get).start();
  }

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  private OptionalInt call(ModelledSlack slack, String method, String channel) {
    return slack.admit(method, channel, slack.now());
  }

  @Test
  void the_51st_chat_update_in_a_minute_is_refused_until_the_first_leaves_the_window() {
    ModelledSlack slack = start(SlackModel.publishedLimits());
    for (int i = 0; i < 50; i++) {
      assertTrue(call(slack, "chat.update", CHANNEL).isEmpty(), "call " + (i + 1));
      advance(Duration.ofSeconds(1));
    }

    OptionalInt refused = call(slack, "chat.update", CHANNEL);
    advance(Duration.ofMillis(9_900));
    OptionalInt stillRefused = call(slack, "chat.update", CHANNEL);
    advance(Duration.ofMillis(100));
    OptionalInt allowed = call(slack, "chat.update", CHANNEL);

    assertEquals(OptionalInt.of(10), refused, "the first call leaves the window at 60 s");
    assertEquals(OptionalInt.of(1), stillRefused, "Retry-After is whole seconds, at least 1");
    assertTrue(allowed.isEmpty());
    assertTrue(call(slack, "chat.update", CHANNEL).isPresent(), "the second call is still in");
  }

  @Test
  void a_burst_of_a_tier_4_minute_passes_and_the_next_call_waits_the_whole_minute() {
    ModelledSlack slack = start(SlackModel.publishedLimits());
    for (int i = 0; i < 100; i++) {
      assertTrue(call(slack, "users.info", "").isEmpty(), "call " + (i + 1));
    }

    assertEquals(OptionalInt.of(60), call(slack, "users.info", ""));
    assertTrue(call(slack, "chat.update", CHANNEL).isEmpty(), "methods have separate limits");
    advance(Duration.ofMinutes(1));
    assertTrue(call(slack, "users.info", "").isEmpty());
  }

  @Test
  void refused_calls_do_not_count_against_the_limit() {
    ModelledSlack slack =
        start(SlackModel.instant().withLimit("chat.update", new Limit(2, Duration.ofSeconds(10))));
    call(slack, "chat.update", CHANNEL);
    call(slack, "chat.update", CHANNEL);
    for (int i = 0; i < 20; i++) {
      assertTrue(call(slack, "chat.update", CHANNEL).isPresent());
      advance(Duration.ofMillis(400));
    }

    advance(Duration.ofSeconds(2));

    assertTrue(call(slack, "chat.update", CHANNEL).isEmpty());
  }

  @Test
  void the_methods_specbot_calls_have_their_published_tiers() {
    SlackModel model = SlackModel.publishedLimits();
    Map<String, Tier> tiers =
        Map.ofEntries(
            Map.entry("chat.update", Tier.TIER_3),
            Map.entry("conversations.replies", Tier.TIER_3),
            Map.entry("conversations.history", Tier.TIER_3),
            Map.entry("conversations.open", Tier.TIER_3),
            Map.entry("conversations.join", Tier.TIER_3),
            Map.entry("users.info", Tier.TIER_4),
            Map.entry("chat.postEphemeral", Tier.TIER_4),
            Map.entry("views.open", Tier.TIER_4),
            Map.entry("views.publish", Tier.TIER_4),
            Map.entry("files.getUploadURLExternal", Tier.TIER_4),
            Map.entry("files.completeUploadExternal", Tier.TIER_4),
            Map.entry("chat.getPermalink", Tier.TIER_4));

    tiers.forEach(
        (method, tier) -> assertEquals(tier.limit(), model.limitOf(method).orElseThrow(), method));
    assertEquals(Limit.perMinute(20), Tier.TIER_2.limit());
    assertTrue(model.limitOf("auth.test").isEmpty());
    assertTrue(model.limitOf("apps.connections.open").isEmpty());
    assertEquals(Limit.perMinute(600), model.limitOf("chat.postMessage").orElseThrow());
  }

  @Test
  void post_message_takes_a_short_burst_per_channel_then_one_a_second_and_other_channels_go_on() {
    ModelledSlack slack = start(SlackModel.publishedLimits());
    for (int i = 0; i < SlackModel.DEFAULT_CHANNEL_BURST; i++) {
      assertTrue(call(slack, "chat.postMessage", CHANNEL).isEmpty(), "burst call " + (i + 1));
    }

    OptionalInt refused = call(slack, "chat.postMessage", CHANNEL);
    OptionalInt otherChannel = call(slack, "chat.postMessage", "C0OTHER001");
    advance(Duration.ofSeconds(3));
    OptionalInt afterBurst = call(slack, "chat.postMessage", CHANNEL);

    assertEquals(OptionalInt.of(3), refused);
    assertTrue(otherChannel.isEmpty());
    assertTrue(afterBurst.isEmpty());
  }

  @Test
  void the_workspace_wide_post_message_limit_is_a_parameter_across_channels() {
    ModelledSlack slack = start(SlackModel.publishedLimits().withPostMessagesPerMinute(5));
    for (int i = 0; i < 5; i++) {
      assertTrue(call(slack, "chat.postMessage", "C0CHANNEL" + i).isEmpty());
    }

    OptionalInt refused = call(slack, "chat.postMessage", "C0CHANNELX");
    advance(Duration.ofMinutes(1));

    assertEquals(OptionalInt.of(60), refused);
    assertTrue(call(slack, "chat.postMessage", "C0CHANNELX").isEmpty());
  }

  @Test
  void jittered_latency_stays_within_its_bounds_and_a_seed_repeats_it() {
    SlackModel model = SlackModel.realistic().withSeed(42);
    ModelledSlack first = start(model);
    ModelledSlack second = start(model);
    List<Duration> drawn = new ArrayList<>();
    Set<Duration> distinct = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      Duration latency = first.latency();
      drawn.add(latency);
      distinct.add(latency);
      assertFalse(latency.compareTo(Duration.ofMillis(105)) < 0, latency.toString());
      assertFalse(latency.compareTo(Duration.ofMillis(195)) > 0, latency.toString());
    }

    for (Duration latency : drawn) {
      assertEquals(latency, second.latency());
    }
    assertTrue(distinct.size() > 100, "jitter varies: " + distinct.size());
    ModelledSlack fixed =
        start(SlackModel.instant().withLatency(Latency.fixed(Duration.ofMillis(80))));
    assertEquals(Duration.ofMillis(80), fixed.latency());
  }

  @Test
  void instant_adds_no_time_and_limits_nothing() {
    ModelledSlack slack = start(SlackModel.instant());

    for (int i = 0; i < 10_000; i++) {
      assertTrue(call(slack, "chat.update", CHANNEL).isEmpty());
      assertTrue(call(slack, "chat.postMessage", CHANNEL).isEmpty());
      assertEquals(Duration.ZERO, slack.latency());
    }
  }
}
