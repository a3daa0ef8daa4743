package dev.specbot.bench;

import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.SlackRequests;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulated Slack users: each sends what Slack would send for a person (signed slash commands and
 * thread replies) and, like a person, answers only once the bot's question has arrived.
 */
final class Driver {
  /** How many users act at once when starting many interviews. */
  private static final int CONCURRENCY = 50;

  private static final AtomicInteger IDS = new AtomicInteger();

  private final SlackRequests requests;
  private final FakeSlackWebApi slack;
  private final Arrivals arrivals;

  Driver(SlackRequests requests, FakeSlackWebApi slack, Arrivals arrivals) {
    this.requests = requests;
    this.slack = slack;
    this.arrivals = arrivals;
  }

  /** Whole interviews, measured. */
  record Interviews(
      Latencies slashAcks,
      Latencies replyAcks,
      Latencies nextQuestion,
      int answers,
      Duration elapsed,
      List<String> problems) {
    /** This round and {@code next} as one: every latency of both, their answers and times. */
    Interviews plus(Interviews next) {
      Latencies slash = new Latencies();
      Latencies replies = new Latencies();
      Latencies questions = new Latencies();
      for (Interviews run : List.of(this, next)) {
        slash.addAll(run.slashAcks());
        replies.addAll(run.replyAcks());
        questions.addAll(run.nextQuestion());
      }
      List<String> all = new ArrayList<>(problems);
      all.addAll(next.problems());
      return new Interviews(
          slash, replies, questions, answers + next.answers(), elapsed.plus(next.elapsed()), all);
    }
  }

  /** Replies sent back to back, each as soon as the previous was acknowledged. */
  record Saturation(
      int requests, Duration elapsed, Duration untilSent, Latencies acks, int errors) {
    double perSecond() {
      return requests / (elapsed.toNanos() / 1e9);
    }
  }

  /** An interview a user started: its thread, and the user. */
  record Started(String threadTs, String userId) {}

  /** Lets both JVMs compile the request paths before anything is measured. */
  void warmUp() {
    for (int i = 0; i < 200; i++) {
      requests.slashCommand("/spec", "help", "U0WARM", Benchmark.CHANNEL, "warm-" + i);
    }
  }

  Interviews interviews(int users, Template template) throws Exception {
    Latencies slashAcks = new Latencies();
    Latencies replyAcks = new Latencies();
    Latencies nextQuestion = new Latencies();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    List<Callable<Void>> people = new ArrayList<>();
    for (int user = 0; user < users; user++) {
      String userId = String.format("U0USER%04d", IDS.incrementAndGet());
      people.add(
          () -> {
            interview(userId, template, slashAcks, replyAcks, nextQuestion, problems);
            return null;
          });
    }
    long started = System.nanoTime();
    Benchmark.inParallel(users, people);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    return new Interviews(
        slashAcks, replyAcks, nextQuestion, users * template.questions().size(), elapsed, problems);
  }

  private void interview(
      String userId,
      Template template,
      Latencies slashAcks,
      Latencies replyAcks,
      Latencies nextQuestion,
      List<String> problems) {
    String title = "Bench spec " + userId;
    long sent = System.nanoTime();
    int status =
        requests
            .slashCommand(
                "/spec", template.id() + " " + title, userId, Benchmark.CHANNEL, "t" + userId)
            .status();
    slashAcks.add(System.nanoTime() - sent);
    if (status != 200) {
      problems.add(userId + ": /spec answered " + status);
      return;
    }
    String thread = threadOf(title);
    awaitQuestion(thread, 1);
    int total = template.questions().size();
    for (Question question : template.questions()) {
      String answer = "Answer to " + question.title() + " from " + userId + ".";
      String ts = slack.addUserMessage(Benchmark.CHANNEL, thread, userId, answer);
      long replied = System.nanoTime();
      int replyStatus =
          requests
              .threadReply(
                  "Ev" + userId + question.number(), Benchmark.CHANNEL, thread, userId, answer, ts)
              .status();
      replyAcks.add(System.nanoTime() - replied);
      if (replyStatus != 200) {
        problems.add(userId + ": reply " + question.number() + " answered " + replyStatus);
      }
      if (question.number() < total) {
        awaitQuestion(thread, question.number() + 1);
        nextQuestion.add(System.nanoTime() - replied);
      }
    }
    arrivals.finishedSpec(thread);
    problems.addAll(check(Benchmark.CHANNEL, thread, total, userId));
    slack.forgetThread(Benchmark.CHANNEL, thread);
  }

  /** Every question once, the document once: nothing lost, nothing twice. */
  List<String> check(String channel, String thread, int total, String userId) {
    List<String> problems = new ArrayList<>();
    List<String> messages = slack.messagesInThread(channel, thread);
    for (int number = 1; number <= total; number++) {
      String asked = "Question " + number + " of ";
      long times = messages.stream().filter(text -> text.startsWith(asked)).count();
      if (times != 1) {
        problems.add(userId + ": question " + number + " posted " + times + " times");
      }
    }
    long documents =
        messages.stream().filter(text -> text.startsWith("The finished spec: (part 1 ")).count();
    if (documents != 1) {
      problems.add(userId + ": the finished spec posted " + documents + " times");
    }
    return problems;
  }

  /** {@code users} people each type {@code /spec} at the same moment; their ack latencies. */
  Latencies slashCommandBurst(int users) throws Exception {
    Latencies acks = new Latencies();
    List<Callable<Void>> people = new ArrayList<>();
    for (int user = 0; user < users; user++) {
      String userId = String.format("U0USER%04d", IDS.incrementAndGet());
      people.add(
          () -> {
            long sent = System.nanoTime();
            requests.slashCommand(
                "/spec", "echo-tech-spec Burst " + userId, userId, Benchmark.CHANNEL, "t" + userId);
            acks.add(System.nanoTime() - sent);
            return null;
          });
    }
    Benchmark.inParallel(users, people);
    return acks;
  }

  /** Starts {@code count} interviews, {@link #CONCURRENCY} at a time; waits for each question 1. */
  List<Started> startInterviews(int count, String titlePrefix) throws Exception {
    List<Callable<Started>> starts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String userId = String.format("U0USER%04d", IDS.incrementAndGet());
      String title = titlePrefix + " " + userId;
      starts.add(
          () -> {
            requests.slashCommand(
                "/spec", "echo-tech-spec " + title, userId, Benchmark.CHANNEL, "t" + userId);
            return new Started(threadOf(title), userId);
          });
    }
    List<Started> started = Benchmark.inParallel(CONCURRENCY, starts);
    for (Started one : started) {
      awaitQuestion(one.threadTs(), 1);
    }
    return started;
  }

  /**
   * Each user sends {@code replies} replies back to back, waiting only for each ack; the round ends
   * once {@code awaitTakenIn} returns: a bot that acknowledges a reply once recorded has done its
   * work only when it has taken the reply in.
   */
  Saturation saturate(List<Started> users, int replies, Runnable awaitTakenIn) throws Exception {
    return saturate(users, replies, awaitTakenIn, () -> {});
  }

  /**
   * As above, also timing the round until {@code awaitSent} returns: until what the bot said in
   * answer reached the fake Slack.
   */
  Saturation saturate(List<Started> users, int replies, Runnable awaitTakenIn, Runnable awaitSent)
      throws Exception {
    Latencies acks = new Latencies();
    AtomicInteger errors = new AtomicInteger();
    List<Callable<Void>> senders = new ArrayList<>();
    for (Started user : users) {
      senders.add(
          () -> {
            for (int reply = 1; reply <= replies; reply++) {
              String ts = String.format("1790000000.%06d", IDS.incrementAndGet());
              long sent = System.nanoTime();
              int status =
                  requests
                      .threadReply(
                          "EvSat" + ts,
                          Benchmark.CHANNEL,
                          user.threadTs(),
                          user.userId(),
                          "Saturation reply " + reply + ".",
                          ts)
                      .status();
              acks.add(System.nanoTime() - sent);
              if (status != 200) {
                errors.incrementAndGet();
              }
            }
            return null;
          });
    }
    long started = System.nanoTime();
    Benchmark.inParallel(users.size(), senders);
    awaitTakenIn.run();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    awaitSent.run();
    Duration untilSent = Duration.ofNanos(System.nanoTime() - started);
    return new Saturation(users.size() * replies, elapsed, untilSent, acks, errors.get());
  }

  /** Waits for each user's replies to be answered, reply {@code n} by "Question n". */
  void awaitAnswered(List<Started> users, int replies) {
    for (Started user : users) {
      for (int number = 1; number <= replies; number++) {
        awaitQuestion(user.threadTs(), number);
      }
    }
  }

  /**
   * Forgets the users' threads in the fake and in the index, once the bot sent all it had for them,
   * so that neither grows through a long run.
   */
  void forget(List<Started> users, int questions) {
    for (Started user : users) {
      slack.forgetThread(Benchmark.CHANNEL, user.threadTs());
      arrivals.forgetThread(user.threadTs(), questions);
    }
  }

  private String threadOf(String title) {
    return arrivals.parent(title);
  }

  private void awaitQuestion(String thread, int number) {
    arrivals.question(thread, number);
  }
}
