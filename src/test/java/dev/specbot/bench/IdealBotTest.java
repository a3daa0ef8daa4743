package dev.specbot.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.slack.fake.SlackModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdealBotTest {
  private static final int QUESTIONS = SlackSpeedRun.TEMPLATE.questions().size();

  @Test
  void where_no_limit_binds_every_next_question_is_posted_the_moment_the_reply_is_sent() {
    SlackSpeedBenchmark.Settings settings = settings(10, 10, Duration.ofSeconds(10), 100_000);

    IdealBot.Outcome outcome = new IdealBot(settings, SlackSpeedRun.model(settings)).run(1);

    assertEquals(10 * (QUESTIONS - 1), outcome.nextQuestion().count());
    assertEquals(0.0, outcome.nextQuestion().max());
    assertEquals(10 * (QUESTIONS - 1), outcome.posts().size());
  }

  @Test
  void four_people_in_one_channel_answering_together_get_three_questions_at_once_and_one_later() {
    // Each has the first question 105 ms in (Slack's quickest answer to the parent) and replies
    // 5 s later: three questions go at once, the fourth once the first leaves the 3 s window.
    SlackSpeedBenchmark.Settings settings =
        settings(4, 1, Duration.ZERO, Duration.ofSeconds(5), 600);

    IdealBot.Outcome outcome = new IdealBot(settings, SlackSpeedRun.model(settings)).run(1);

    List<Long> firstFour = new ArrayList<>();
    for (IdealBot.Posted posted : outcome.posts().subList(0, 4)) {
      firstFour.add(Duration.ofNanos(posted.atNanos()).toMillis());
    }
    assertEquals(List.of(5_105L, 5_105L, 5_105L, 8_105L), firstFour);
  }

  @Test
  void the_default_scenario_never_posts_over_either_limit() {
    SlackSpeedBenchmark.Settings settings = settings(200, 20, Duration.ofSeconds(10), 600);
    SlackModel model = SlackSpeedRun.model(settings);

    IdealBot.Outcome outcome = new IdealBot(settings, model).run(17);

    assertEquals(200 * (QUESTIONS - 1), outcome.nextQuestion().count());
    assertWithinLimits(outcome, model);
  }

  @Test
  void paying_every_post_it_posts_each_parent_first_question_and_spec_and_never_over_a_limit() {
    SlackSpeedBenchmark.Settings settings = settings(200, 20, Duration.ofSeconds(10), 600);
    SlackModel model = SlackSpeedRun.model(settings);

    IdealBot.Outcome free = new IdealBot(settings, model).run(17);
    IdealBot.Outcome paying = IdealBot.payingEveryPost(settings, model).run(17);

    assertEquals(200 * (QUESTIONS - 1), paying.nextQuestion().count());
    assertEquals(200 * (QUESTIONS + 2), paying.posts().size(), "a parent, the questions, a spec");
    assertWithinLimits(paying, model);
    assertTrue(
        paying.nextQuestion().percentile(99) > free.nextQuestion().percentile(99),
        "the kickoff's posts spend the window the questions need");
  }

  @Test
  void paying_every_post_each_card_shows_finished_once_within_chat_update_s_limit() {
    SlackSpeedBenchmark.Settings settings = settings(200, 20, Duration.ofSeconds(10), 600);
    SlackModel model = SlackSpeedRun.model(settings);

    IdealBot.Outcome outcome = IdealBot.payingEveryPost(settings, model).run(17);

    assertEquals(200, outcome.finishedCard().count());
    assertEquals(200, outcome.cardEdits().size());
    assertWithin(outcome.cardEdits(), model.limitOf("chat.update").orElseThrow());
    // 200 specs finish within about two minutes; 50 edits a minute cannot keep up with them.
    assertTrue(outcome.finishedCard().percentile(99) > 60_000, "the limit binds");
  }

  @Test
  void paying_every_post_where_no_limit_binds_no_question_waits() {
    SlackSpeedBenchmark.Settings settings = settings(10, 10, Duration.ofSeconds(10), 100_000);

    IdealBot.Outcome outcome =
        IdealBot.payingEveryPost(settings, SlackSpeedRun.model(settings)).run(1);

    assertEquals(10 * (QUESTIONS + 2), outcome.posts().size());
    assertEquals(0.0, outcome.nextQuestion().max());
    assertEquals(10, outcome.finishedCard().count());
    assertEquals(0.0, outcome.finishedCard().max(), "ten cards are within any edit limit");
    // The parent at the start, the first question once Slack answered for it (105 ms at quickest).
    assertEquals(105.0, outcome.firstQuestion().max());
  }

  private static void assertWithinLimits(IdealBot.Outcome outcome, SlackModel model) {
    Map<String, List<Long>> byChannel = new HashMap<>();
    List<Long> all = new ArrayList<>();
    for (IdealBot.Posted posted : outcome.posts()) {
      byChannel.computeIfAbsent(posted.channel(), key -> new ArrayList<>()).add(posted.atNanos());
      all.add(posted.atNanos());
    }
    byChannel
        .values()
        .forEach(
            times -> assertWithin(times, model.channelLimitOf("chat.postMessage").orElseThrow()));
    assertWithin(all, model.limitOf("chat.postMessage").orElseThrow());
  }

  @Test
  void the_free_bot_posts_no_spec_and_edits_no_card() {
    SlackSpeedBenchmark.Settings settings = settings(10, 10, Duration.ofSeconds(10), 600);

    IdealBot.Outcome outcome = new IdealBot(settings, SlackSpeedRun.model(settings)).run(1);

    assertEquals(0, outcome.finishedCard().count());
    assertEquals(List.of(), outcome.cardEdits());
  }

  @Test
  void the_same_seed_gives_the_same_run() {
    SlackSpeedBenchmark.Settings settings = settings(50, 5, Duration.ofSeconds(10), 600);
    IdealBot bot = new IdealBot(settings, SlackSpeedRun.model(settings));

    assertEquals(bot.run(3).posts(), bot.run(3).posts());
  }

  /** No {@code count + 1} posts in a row fall within the limit's window. */
  private static void assertWithin(List<Long> times, SlackModel.Limit limit) {
    for (int i = limit.count(); i < times.size(); i++) {
      long span = times.get(i) - times.get(i - limit.count());
      assertTrue(span >= limit.window().toNanos(), "posts " + (i - limit.count()) + ".." + i);
    }
  }

  private static SlackSpeedBenchmark.Settings settings(
      int people, int channels, Duration kickoff, int postsPerMinute) {
    return settings(people, channels, kickoff, Duration.ofSeconds(30), postsPerMinute);
  }

  private static SlackSpeedBenchmark.Settings settings(
      int people, int channels, Duration kickoff, Duration thinkMost, int postsPerMinute) {
    return new SlackSpeedBenchmark.Settings(
        1,
        people,
        channels,
        Duration.ofMinutes(6),
        kickoff,
        Duration.ofSeconds(5),
        thinkMost,
        Duration.ofMillis(150),
        postsPerMinute);
  }
}
