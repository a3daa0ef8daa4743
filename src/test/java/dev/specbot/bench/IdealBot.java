package dev.specbot.bench;

import dev.specbot.slack.fake.SlackModel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * What people would wait for their next question with a bot better than any can be, under the same
 * limits and with the same kind of people as {@link SlackSpeedRun}: the measure of what Slack's
 * limits alone impose, beside which the report puts the bot's own figures. Simulated, not run.
 *
 * <p>The ideal bot takes no time at all. Each interview's parent and first question cost it nothing
 * of Slack's limits (no bot can do that: a real one posts both, and the finished spec too). Every
 * later question is posted the moment both limits allow, first come first served, each limit
 * counting only those questions. It is a reference, not a proof of the least possible wait: another
 * order could shorten some people's waits, but only by spending the same posts, so the waits it
 * shows on a limit that stays full for minutes are Slack's, not a bot's.
 *
 * <p>{@link #payingEveryPost} is the same bot made to post what a real one must: each interview's
 * parent when its person starts, the first question once Slack has answered for the parent, and
 * after the last answer the finished spec as one message, all first come first served with the
 * questions.
 */
final class IdealBot {
  private final SlackSpeedBenchmark.Settings settings;
  private final boolean everyPost;
  private final SlackModel.Limit perChannel;
  private final SlackModel.Limit perWorkspace;
  private final SlackModel.Limit perWorkspaceEdit;
  private final long answerNanos;

  IdealBot(SlackSpeedBenchmark.Settings settings, SlackModel model) {
    this(settings, model, false);
  }

  private IdealBot(SlackSpeedBenchmark.Settings settings, SlackModel model, boolean everyPost) {
    this.settings = settings;
    this.everyPost = everyPost;
    this.perChannel = model.channelLimitOf("chat.postMessage").orElseThrow();
    this.perWorkspace = model.limitOf("chat.postMessage").orElseThrow();
    this.perWorkspaceEdit = model.limitOf("chat.update").orElseThrow();
    SlackModel.Latency latency = model.latency();
    // Slack's quickest answer to the parent: the first question needs its ts.
    this.answerNanos = Math.round(latency.base().toNanos() * (1 - latency.jitter()));
  }

  /** The ideal bot, paying for each parent, first question and finished spec as well. */
  static IdealBot payingEveryPost(SlackSpeedBenchmark.Settings settings, SlackModel model) {
    return new IdealBot(settings, model, true);
  }

  /**
   * What one simulated run came to: each next question's wait, each first question's from its
   * person's start and each spec's card showing "Finished" from the last answer (paying every post;
   * else none), every post it made and when it edited each card (nanoseconds from the kickoff's
   * start).
   */
  record Outcome(
      Latencies nextQuestion,
      Latencies firstQuestion,
      Latencies finishedCard,
      List<Posted> posts,
      List<Long> cardEdits) {}

  /** A post Slack took: its channel, and when (nanoseconds from the kickoff's start). */
  record Posted(String channel, long atNanos) {}

  /** One run of the scenario, its people's starts and thoughts drawn from {@code seed}. */
  Outcome run(long seed) {
    return new Run(new Random(seed)).simulate();
  }

  /**
   * Question {@code number} (from 2) to post, following the reply sent at {@code replyNanos}.
   * Paying every post, number 0 is the parent (due when the person starts), 1 the first question,
   * and one past the last question the finished spec.
   */
  private record Question(int person, int number, long replyNanos) {}

  private final class Run {
    private final int questions = SlackSpeedRun.TEMPLATE.questions().size();
    private final long[][] thoughts = new long[settings.people()][questions];
    private final long[] starts = new long[settings.people()];
    private final PriorityQueue<Question> replied =
        new PriorityQueue<>(Comparator.comparingLong(Question::replyNanos));
    private final List<Question> waiting = new ArrayList<>();
    private final Map<String, ArrayDeque<Long>> channelPosts = new HashMap<>();
    private final ArrayDeque<Long> workspacePosts = new ArrayDeque<>();
    private final Latencies nextQuestion = new Latencies();
    private final Latencies firstQuestion = new Latencies();
    private final List<Posted> posts = new ArrayList<>();
    private final List<Long> lastAnswers = new ArrayList<>();
    private final List<Long> cardEdits = new ArrayList<>();

    Run(Random random) {
      long least = settings.thinkLeast().toNanos();
      long span = settings.thinkMost().toNanos() - least;
      for (int person = 0; person < settings.people(); person++) {
        long start = (long) (random.nextDouble() * settings.kickoff().toNanos());
        starts[person] = start;
        for (int question = 0; question < questions; question++) {
          thoughts[person][question] = least + (long) (random.nextDouble() * span);
        }
        if (everyPost) {
          replied.add(new Question(person, 0, start));
        } else {
          asked(person, 1, start + answerNanos);
        }
      }
    }

    Outcome simulate() {
      while (!waiting.isEmpty() || !replied.isEmpty()) {
        Question next = firstPostable();
        long postAt = next == null ? Long.MAX_VALUE : postableAt(next);
        if (!replied.isEmpty() && replied.peek().replyNanos() <= postAt) {
          waiting.add(replied.poll());
        } else {
          post(next, postAt);
        }
      }
      Latencies finished = finishedCards();
      return new Outcome(
          nextQuestion, firstQuestion, finished, List.copyOf(posts), List.copyOf(cardEdits));
    }

    /**
     * Each spec's card edited to "Finished" the moment chat.update's limit allows, first come first
     * served, from its last answer: the limit spent on nothing else (no count is ever shown).
     */
    private Latencies finishedCards() {
      Latencies finished = new Latencies();
      ArrayDeque<Long> edits = new ArrayDeque<>();
      lastAnswers.sort(Comparator.naturalOrder());
      for (long lastAnswer : lastAnswers) {
        long at = Math.max(lastAnswer, freeAt(edits, perWorkspaceEdit));
        remember(edits, at, perWorkspaceEdit);
        cardEdits.add(at);
        finished.add(at - lastAnswer);
      }
      return finished;
    }

    /** The waiting question the limits let go first; the one replied to first among equals. */
    private Question firstPostable() {
      Question first = null;
      long firstAt = Long.MAX_VALUE;
      for (Question question : waiting) {
        long at = postableAt(question);
        if (at < firstAt || (at == firstAt && question.replyNanos() < first.replyNanos())) {
          first = question;
          firstAt = at;
        }
      }
      return first;
    }

    private long postableAt(Question question) {
      long at = question.replyNanos();
      at = Math.max(at, freeAt(channelPosts.get(channel(question.person())), perChannel));
      return Math.max(at, freeAt(workspacePosts, perWorkspace));
    }

    /** When {@code limit} allows one more post, given the latest ones (oldest first). */
    private long freeAt(ArrayDeque<Long> latest, SlackModel.Limit limit) {
      if (latest == null || latest.size() < limit.count()) {
        return Long.MIN_VALUE;
      }
      return latest.peekFirst() + limit.window().toNanos();
    }

    private void post(Question question, long atNanos) {
      waiting.remove(question);
      String channel = channel(question.person());
      remember(
          channelPosts.computeIfAbsent(channel, key -> new ArrayDeque<>()), atNanos, perChannel);
      remember(workspacePosts, atNanos, perWorkspace);
      posts.add(new Posted(channel, atNanos));
      if (question.number() >= 2 && question.number() <= questions) {
        nextQuestion.add(atNanos - question.replyNanos());
      } else if (question.number() == 1) {
        firstQuestion.add(atNanos - starts[question.person()]);
      } else if (question.number() == questions + 1) {
        lastAnswers.add(question.replyNanos());
      }
      if (question.number() == 0) {
        replied.add(new Question(question.person(), 1, atNanos + answerNanos));
      } else {
        asked(question.person(), question.number(), atNanos);
      }
    }

    /**
     * Question {@code number} reached the person at {@code atNanos}: they think, then reply; after
     * the last, paying every post, the spec follows their answer.
     */
    private void asked(int person, int number, long atNanos) {
      if (number < questions || (everyPost && number == questions)) {
        long reply = atNanos + thoughts[person][number - 1];
        replied.add(new Question(person, number + 1, reply));
      }
    }

    private void remember(ArrayDeque<Long> latest, long atNanos, SlackModel.Limit limit) {
      latest.addLast(atNanos);
      if (latest.size() > limit.count()) {
        latest.removeFirst();
      }
    }

    private String channel(int person) {
      return "C" + (person % settings.channels());
    }
  }
}
