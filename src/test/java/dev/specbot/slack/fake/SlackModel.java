package dev.specbot.slack.fake;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How Slack's Web API behaves in time, for a {@link FakeSlackWebApi} to play: how long each call
 * takes, and which calls Slack refuses with HTTP 429 because they come too fast.
 *
 * <p>{@link #instant()} answers at once and limits nothing (the fake's behaviour without a model);
 * {@link #realistic()} takes about 150 ms a call and applies Slack's published limits. A model is
 * immutable: the {@code with...} methods give a changed copy, and each fake keeps its own count of
 * the calls it admitted (see {@link #start()}).
 *
 * <p>Rate limits are sliding windows: a {@link Limit} of {@code count} per {@code window} admits a
 * call when fewer than {@code count} calls were admitted in the {@code window} before it. Slack
 * states its tiers as "N+ per minute" with bursts tolerated; a sliding window is the one reading of
 * that which never lets through more than N in any minute (a token bucket holding a minute's
 * allowance would let nearly 2N through in the first minute), still takes a burst of up to N at
 * once, and gives an exact Retry-After: when the oldest call in the window leaves it. Calls that
 * were refused are not counted, as Slack does not perform them.
 */
public final class SlackModel {
  /** chat.postMessage across the workspace: Slack publishes no number, so this is a guess. */
  public static final int DEFAULT_POST_MESSAGES_PER_MINUTE = 600;

  /** How many chat.postMessage calls a channel takes at once ("short bursts tolerated"). */
  public static final int DEFAULT_CHANNEL_BURST = 3;

  /** What a call takes in {@link #realistic()}. */
  public static final Duration DEFAULT_LATENCY = Duration.ofMillis(150);

  /** The spread of {@link #DEFAULT_LATENCY}: uniformly up to 30% either way. */
  public static final double DEFAULT_JITTER = 0.3;

  static final String POST_MESSAGE = "chat.postMessage";

  private final Latency latency;
  private final Map<String, Limit> perMethod;
  private final Map<String, Limit> perChannel;
  private final LongSupplier nanoTime;
  private final long seed;
  private final boolean timeStamps;

  /** A rate limit: at most {@code count} calls in any {@code window}. */
  public record Limit(int count, Duration window) {
    public Limit {
      Objects.requireNonNull(window, "null window");
      if (count < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("not a limit: " + count + " per " + window);
      }
    }

    /** At most {@code count} calls in any minute. */
    public static Limit perMinute(int count) {
      return new Limit(count, Duration.ofMinutes(1));
    }
  }

  /**
   * Slack's published tiers (docs.slack.dev/apis/web-api/rate-limits, "Web API Tier 1..4"): "N+ per
   * minute", of which the model takes the N.
   */
  public enum Tier {
    TIER_1(1),
    TIER_2(20),
    TIER_3(50),
    TIER_4(100);

    private final int perMinute;

    Tier(int perMinute) {
      this.perMinute = perMinute;
    }

    /** This tier's allowance for one method in one workspace. */
    public Limit limit() {
      return Limit.perMinute(perMinute);
    }
  }

  /** How long a call takes: {@code base}, give or take up to {@code jitter} of it, uniformly. */
  public record Latency(Duration base, double jitter) {
    public Latency {
      Objects.requireNonNull(base, "null base");
      if (base.isNegative() || !(jitter >= 0 && jitter < 1)) {
        throw new IllegalArgumentException("not a latency: " + base + " +/- " + jitter);
      }
    }

    /** No time at all: the fake's behaviour without a model. */
    public static Latency none() {
      return new Latency(Duration.ZERO, 0);
    }

    /** Always {@code latency}. */
    public static Latency fixed(Duration latency) {
      return new Latency(latency, 0);
    }

    /** {@code base} give or take up to {@code jitter} (e.g. 0.3 for 30%) of it. */
    public static Latency jittered(Duration base, double jitter) {
      return new Latency(base, jitter);
    }

    Duration sample(RandomGenerator random) {
      if (jitter == 0) {
        return base;
      }
      double spread = (random.nextDouble() * 2 - 1) * jitter;
      long baseNanos = base.toNanos();
      return Duration.ofNanos(baseNanos + Math.round(baseNanos * spread));
    }
  }

  private SlackModel(
      Latency latency,
      Map<String, Limit> perMethod,
      Map<String, Limit> perChannel,
      LongSupplier nanoTime,
      long seed,
      boolean timeStamps) {
    this.latency = latency;
    this.perMethod = Map.copyOf(perMethod);
    this.perChannel = Map.copyOf(perChannel);
    this.nanoTime = nanoTime;
    this.seed = seed;
    this.timeStamps = timeStamps;
  }

  /** Answers at once and never refuses a call: what the fake does without a model. */
  public static SlackModel instant() {
    return new SlackModel(Latency.none(), Map.of(), Map.of(), System::nanoTime, 17L, false);
  }

  /** Slack's published limits for the methods specbot calls, answering at once. */
  public static SlackModel publishedLimits() {
    Map<String, Limit> limits = new HashMap<>();
    // Tier 3, confirmed on the methods' reference pages: chat.update (api.slack.com/methods/
    // chat.update, "Rate limits: Tier 3"); conversations.replies (docs.slack.dev/reference/methods/
    // conversations.replies: Tier 3 for Marketplace and internal apps; 1 a minute for new
    // commercial
    // apps outside the Marketplace, which specbot is not modelled as).
    limits.put("chat.update", Tier.TIER_3.limit());
    limits.put("conversations.replies", Tier.TIER_3.limit());
    // Tier 3 as recalled in PLATFORM-NOTES.md, not confirmed against the reference pages here
    // (conversations.history has the same Marketplace caveat as conversations.replies).
    limits.put("conversations.history", Tier.TIER_3.limit());
    limits.put("conversations.open", Tier.TIER_3.limit());
    limits.put("conversations.join", Tier.TIER_3.limit());
    // Tier 4 as recalled in PLATFORM-NOTES.md, not confirmed against the reference pages here.
    for (String method :
        new String[] {
          "users.info",
          "chat.postEphemeral",
          "views.open",
          "views.publish",
          "files.getUploadURLExternal",
          "files.completeUploadExternal",
          "chat.getPermalink"
        }) {
      limits.put(method, Tier.TIER_4.limit());
    }
    // chat.postMessage is "Special" (docs.slack.dev/apis/web-api/rate-limits): about one message a
    // second per channel with short bursts, plus a workspace-wide limit whose number Slack does not
    // publish. auth.test (Special) and apps.connections.open (sources disagree: Tier 1 or 3) are
    // left unlimited: the bot calls them once at start and on each Socket Mode reconnect, and a
    // limit there would only make reconnect tests fail for the fake's sake.
    limits.put(POST_MESSAGE, Limit.perMinute(DEFAULT_POST_MESSAGES_PER_MINUTE));
    Map<String, Limit> channels =
        Map.of(
            POST_MESSAGE,
            new Limit(DEFAULT_CHANNEL_BURST, Duration.ofSeconds(DEFAULT_CHANNEL_BURST)));
    return new SlackModel(Latency.none(), limits, channels, System::nanoTime, 17L, false);
  }

  /**
   * {@link #publishedLimits()}, each call taking 150 ms give or take 30%, and each message's ts
   * Slack's time when the call arrived (see {@link #withTimeStamps()}).
   */
  public static SlackModel realistic() {
    return publishedLimits()
        .withLatency(Latency.jittered(DEFAULT_LATENCY, DEFAULT_JITTER))
        .withTimeStamps();
  }

  /** This model, with calls taking {@code latency}. */
  public SlackModel withLatency(Latency latency) {
    return new SlackModel(
        Objects.requireNonNull(latency, "null latency"),
        perMethod,
        perChannel,
        nanoTime,
        seed,
        timeStamps);
  }

  /** This model, with {@code method} limited to {@code limit} across the workspace. */
  public SlackModel withLimit(String method, Limit limit) {
    Map<String, Limit> limits = new HashMap<>(perMethod);
    limits.put(Objects.requireNonNull(method, "null method"), Objects.requireNonNull(limit));
    return new SlackModel(latency, limits, perChannel, nanoTime, seed, timeStamps);
  }

  /** This model, with {@code method} limited to {@code limit} in each channel. */
  public SlackModel withChannelLimit(String method, Limit limit) {
    Map<String, Limit> limits = new HashMap<>(perChannel);
    limits.put(Objects.requireNonNull(method, "null method"), Objects.requireNonNull(limit));
    return new SlackModel(latency, perMethod, limits, nanoTime, seed, timeStamps);
  }

  /** This model, with no limit on {@code method}, neither per workspace nor per channel. */
  public SlackModel withoutLimit(String method) {
    Map<String, Limit> methods = new HashMap<>(perMethod);
    Map<String, Limit> channels = new HashMap<>(perChannel);
    methods.remove(method);
    channels.remove(method);
    return new SlackModel(latency, methods, channels, nanoTime, seed, timeStamps);
  }

  /** This model, with chat.postMessage limited to {@code perMinute} across the workspace. */
  public SlackModel withPostMessagesPerMinute(int perMinute) {
    return withLimit(POST_MESSAGE, Limit.perMinute(perMinute));
  }

  /** This model, reading time from {@code nanoTime} (as {@link System#nanoTime()}), for tests. */
  public SlackModel withNanoTime(LongSupplier nanoTime) {
    return new SlackModel(
        latency,
        perMethod,
        perChannel,
        Objects.requireNonNull(nanoTime, "null nanoTime"),
        seed,
        timeStamps);
  }

  /**
   * This model, giving each message posted the ts Slack would: the time, to the microsecond, when
   * the call arrived (on the model's clock, counted from the wall clock's time when the fake
   * started). Without it, ts are made up, from 2025, and grow by 100 µs a message.
   */
  public SlackModel withTimeStamps() {
    return new SlackModel(latency, perMethod, perChannel, nanoTime, seed, true);
  }

  /** This model, drawing its latencies from a random generator seeded with {@code seed}. */
  public SlackModel withSeed(long seed) {
    return new SlackModel(latency, perMethod, perChannel, nanoTime, seed, timeStamps);
  }

  /** The workspace-wide limit on {@code method}, if any. */
  public Optional<Limit> limitOf(String method) {
    return Optional.ofNullable(perMethod.get(method));
  }

  /** The per-channel limit on {@code method}, if any. */
  public Optional<Limit> channelLimitOf(String method) {
    return Optional.ofNullable(perChannel.get(method));
  }

  /** How long calls take. */
  public Latency latency() {
    return latency;
  }

  LongSupplier nanoTime() {
    return nanoTime;
  }

  long seed() {
    return seed;
  }

  boolean timeStamps() {
    return timeStamps;
  }

  /** A fresh count of admitted calls under this model, for one fake (one workspace). */
  ModelledSlack start() {
    return new ModelledSlack(this);
  }
}
