package dev.specbot;

import dev.specbot.meeting.NudgePolicy;
import dev.specbot.meeting.WorkingHours;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How specbot runs, read from the environment; each variable and its default is documented in the
 * README.
 *
 * @param slackBotToken {@code SLACK_BOT_TOKEN}, required
 * @param slackSigningSecret {@code SLACK_SIGNING_SECRET}, required unless {@code SLACK_APP_TOKEN}
 *     is set (empty when not set then: requests to {@code /slack/events} are all refused)
 * @param port {@code PORT}, default 3000
 * @param databaseUrl {@code DATABASE_URL}, default {@code jdbc:sqlite:data/specbot.db}
 * @param slackApiUrl {@code SLACK_API_URL}, default {@code https://slack.com/api/}
 * @param templatesDir {@code SPECBOT_TEMPLATES_DIR}, optional
 * @param nudges {@code SPECBOT_IDLE_NUDGE_AFTER}, {@code SPECBOT_MEETING_NUDGE_AFTER}, {@code
 *     SPECBOT_READ_REMINDER_BEFORE}, {@code SPECBOT_REVIEW_NUDGE_AFTER}, {@code
 *     SPECBOT_MAX_NUDGES}, {@code SPECBOT_WORKING_HOURS} and {@code SPECBOT_WORKING_DAYS}, each
 *     with a default
 * @param readingDelay how long after a question appears a reply still counts as unread (see {@link
 *     #READING_DELAY})
 * @param slackAppToken {@code SLACK_APP_TOKEN}, optional: an app-level token ({@code xapp-...});
 *     when set, specbot also takes Slack's requests over Socket Mode
 * @param slackPace {@code SPECBOT_SLACK_LIMITS} ({@code published}, the default, or {@code none})
 *     and {@code SPECBOT_SLACK_POSTS_PER_MINUTE} (600): the rate limits specbot paces its calls by
 * @param gitHub {@code SPECBOT_GITHUB_TOKEN}, {@code SPECBOT_GITHUB_REPO}, {@code
 *     SPECBOT_GITHUB_API_URL} and {@code SPECBOT_GITHUB_LOGINS}: where specs are published as
 *     issues, if anywhere
 */
public record Config(
    String slackBotToken,
    String slackSigningSecret,
    int port,
    String databaseUrl,
    String slackApiUrl,
    Optional<Path> templatesDir,
    NudgePolicy nudges,
    Duration readingDelay,
    Optional<String> slackAppToken,
    SlackPace slackPace,
    GitHub gitHub) {

  /**
   * The rate limits specbot keeps its Slack calls under: Slack's published ones, with {@code
   * postsPerMinute} as chat.postMessage's limit across the workspace (Slack publishes none), or
   * none at all, for a Slack that sets none (a test double).
   */
  public record SlackPace(boolean published, int postsPerMinute) {
    public static final SlackPace PUBLISHED = new SlackPace(true, 600);
    public static final SlackPace NONE = new SlackPace(false, 600);
  }

  /**
   * Where specs are published as GitHub issues: nowhere without a token.
   *
   * @param token {@code SPECBOT_GITHUB_TOKEN}: a token that may read and write the issues of the
   *     repositories specs go to; empty turns publishing off (no button, no command)
   * @param repository {@code SPECBOT_GITHUB_REPO}, {@code owner/repo}: where a spec goes when its
   *     template names no repository
   * @param apiUrl {@code SPECBOT_GITHUB_API_URL}, default {@code https://api.github.com}
   * @param logins {@code SPECBOT_GITHUB_LOGINS}, {@code U123:octocat,U456:hubot}: Slack user ids to
   *     GitHub logins, so that a drafter is assigned their spec's issue
   */
  public record GitHub(
      Optional<String> token,
      Optional<String> repository,
      String apiUrl,
      Map<String, String> logins) {
    public static final String DEFAULT_API_URL = "https://api.github.com";

    /** Publishing to GitHub off. */
    public static final GitHub NONE =
        new GitHub(Optional.empty(), Optional.empty(), DEFAULT_API_URL, Map.of());

    public GitHub {
      Objects.requireNonNull(token, "null token");
      Objects.requireNonNull(repository, "null repository");
      Objects.requireNonNull(apiUrl, "null apiUrl");
      logins = Map.copyOf(logins);
    }

    /** Whether specs can be published to GitHub at all. */
    public boolean enabled() {
      return token.isPresent();
    }

    /** Never shows the token. */
    @Override
    public String toString() {
      return enabled()
          ? "on (" + apiUrl + repository.map(repo -> ", default " + repo).orElse("") + ")"
          : "off";
    }
  }

  /** A configuration that publishes nothing to GitHub. */
  public Config(
      String slackBotToken,
      String slackSigningSecret,
      int port,
      String databaseUrl,
      String slackApiUrl,
      Optional<Path> templatesDir,
      NudgePolicy nudges,
      Duration readingDelay,
      Optional<String> slackAppToken,
      SlackPace slackPace) {
    this(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        nudges,
        readingDelay,
        slackAppToken,
        slackPace,
        GitHub.NONE);
  }

  /** A configuration paced by Slack's published limits. */
  public Config(
      String slackBotToken,
      String slackSigningSecret,
      int port,
      String databaseUrl,
      String slackApiUrl,
      Optional<Path> templatesDir,
      NudgePolicy nudges,
      Duration readingDelay,
      Optional<String> slackAppToken) {
    this(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        nudges,
        readingDelay,
        slackAppToken,
        SlackPace.PUBLISHED);
  }

  /**
   * How long after a question appears a reply is still taken as written before it was read, and so
   * as more of the previous answer: Slack shows a message in people's clients a fraction of a
   * second after it takes it, and nobody reads a question and answers it faster than this.
   */
  public static final Duration READING_DELAY = Duration.ofSeconds(2);

  /** A configuration for HTTP only, without Socket Mode. */
  public Config(
      String slackBotToken,
      String slackSigningSecret,
      int port,
      String databaseUrl,
      String slackApiUrl,
      Optional<Path> templatesDir,
      NudgePolicy nudges,
      Duration readingDelay) {
    this(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        nudges,
        readingDelay,
        Optional.empty());
  }

  /** A configuration with the usual reading delay. */
  public Config(
      String slackBotToken,
      String slackSigningSecret,
      int port,
      String databaseUrl,
      String slackApiUrl,
      Optional<Path> templatesDir,
      NudgePolicy nudges) {
    this(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        nudges,
        READING_DELAY);
  }

  /** A configuration with the default reminder timing. */
  public Config(
      String slackBotToken,
      String slackSigningSecret,
      int port,
      String databaseUrl,
      String slackApiUrl,
      Optional<Path> templatesDir) {
    this(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        NudgePolicy.DEFAULT);
  }

  /** A configuration that cannot run, with a one-line message naming the variable. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** The prefix of an app-level token, the kind Socket Mode connects with. */
  private static final String APP_TOKEN_PREFIX = "xapp-";

  public static Config fromEnvironment(Map<String, String> env) throws Invalid {
    Optional<String> appToken = appToken(env);
    return new Config(
        required(env, "SLACK_BOT_TOKEN"),
        signingSecret(env, appToken.isPresent()),
        port(env),
        optional(env, "DATABASE_URL").orElse("jdbc:sqlite:data/specbot.db"),
        apiUrl(env),
        optional(env, "SPECBOT_TEMPLATES_DIR").map(Path::of),
        nudges(env),
        readingDelay(env),
        appToken,
        slackPace(env),
        gitHub(env));
  }

  /** This configuration, publishing to GitHub as {@code gitHub} says. */
  public Config withGitHub(GitHub gitHub) {
    return new Config(
        slackBotToken,
        slackSigningSecret,
        port,
        databaseUrl,
        slackApiUrl,
        templatesDir,
        nudges,
        readingDelay,
        slackAppToken,
        slackPace,
        gitHub);
  }

  private static GitHub gitHub(Map<String, String> env) throws Invalid {
    Optional<String> token = optional(env, "SPECBOT_GITHUB_TOKEN");
    if (token.isPresent() && token.get().chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
      throw new Invalid("SPECBOT_GITHUB_TOKEN must be one word with no blanks");
    }
    Optional<String> repository = optional(env, "SPECBOT_GITHUB_REPO");
    if (repository.isPresent() && !isRepository(repository.get())) {
      throw new Invalid(
          "SPECBOT_GITHUB_REPO must name a repository as owner/repo, such as echo-team/specs, not \""
              + repository.get()
              + "\"");
    }
    String apiUrl = optional(env, "SPECBOT_GITHUB_API_URL").orElse(GitHub.DEFAULT_API_URL);
    if (!apiUrl.startsWith("http://") && !apiUrl.startsWith("https://")) {
      throw new Invalid(
          "SPECBOT_GITHUB_API_URL must be an http(s) URL such as "
              + GitHub.DEFAULT_API_URL
              + " or https://github.example.com/api/v3, not \""
              + apiUrl
              + "\"");
    }
    return new GitHub(token, repository, apiUrl, logins(env));
  }

  /** {@code owner/repo}: one slash, with something on each side and no blanks. */
  private static boolean isRepository(String text) {
    int slash = text.indexOf('/');
    return slash > 0
        && slash < text.length() - 1
        && text.indexOf('/', slash + 1) < 0
        && text.chars().noneMatch(Character::isWhitespace);
  }

  /** {@code U123:octocat,U456:hubot}, read in one pass. */
  private static Map<String, String> logins(Map<String, String> env) throws Invalid {
    Optional<String> value = optional(env, "SPECBOT_GITHUB_LOGINS");
    Map<String, String> logins = new LinkedHashMap<>();
    if (value.isEmpty()) {
      return logins;
    }
    String text = value.get();
    int start = 0;
    while (start <= text.length()) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      String pair = text.substring(start, end).strip();
      start = end + 1;
      if (pair.isEmpty()) {
        continue;
      }
      int colon = pair.indexOf(':');
      String user = colon < 0 ? "" : pair.substring(0, colon).strip();
      String login = colon < 0 ? "" : pair.substring(colon + 1).strip();
      if (user.isEmpty() || login.isEmpty() || login.chars().anyMatch(Character::isWhitespace)) {
        throw new Invalid(
            "SPECBOT_GITHUB_LOGINS must be Slack user ids and GitHub logins such as"
                + " U123:octocat,U456:hubot, not \""
                + pair
                + "\"");
      }
      logins.put(user, login.startsWith("@") ? login.substring(1) : login);
    }
    return logins;
  }

  /** Whether specbot also connects over Socket Mode. */
  public boolean socketMode() {
    return slackAppToken.isPresent();
  }

  /** Never shows a token or the signing secret. */
  @Override
  public String toString() {
    return "Config[port="
        + port
        + ", databaseUrl="
        + databaseUrl
        + ", slackApiUrl="
        + slackApiUrl
        + ", templatesDir="
        + templatesDir.map(Path::toString).orElse("(none)")
        + ", nudges="
        + nudges
        + ", readingDelay="
        + readingDelay
        + ", socketMode="
        + (socketMode() ? "on" : "off")
        + ", slackPace="
        + slackPace
        + ", gitHub="
        + gitHub
        + "]";
  }

  private static NudgePolicy nudges(Map<String, String> env) throws Invalid {
    NudgePolicy defaults = NudgePolicy.DEFAULT;
    WorkingHours hours = workingHours(env);
    try {
      return new NudgePolicy(
          duration(env, "SPECBOT_IDLE_NUDGE_AFTER", defaults.idleNudgeAfter()),
          duration(env, "SPECBOT_MEETING_NUDGE_AFTER", defaults.meetingNudgeAfter()),
          duration(env, "SPECBOT_READ_REMINDER_BEFORE", defaults.readReminderBefore()),
          maxNudges(env),
          hours,
          duration(env, "SPECBOT_REVIEW_NUDGE_AFTER", defaults.reviewNudgeAfter()));
    } catch (IllegalArgumentException e) {
      throw new Invalid("Reminder settings are not usable: " + e.getMessage());
    }
  }

  private static Duration duration(Map<String, String> env, String name, Duration fallback)
      throws Invalid {
    Optional<String> value = optional(env, name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      Duration duration = Duration.parse(value.get());
      if (duration.isNegative() || duration.isZero()) {
        throw new DateTimeParseException("not positive", value.get(), 0);
      }
      return duration;
    } catch (DateTimeParseException e) {
      throw new Invalid(
          name
              + " must be a positive ISO-8601 duration such as PT24H or PT30M, not \""
              + value.get()
              + "\"");
    }
  }

  /** Zero is allowed: replies are then bursts only until the next question is in Slack. */
  private static Duration readingDelay(Map<String, String> env) throws Invalid {
    Optional<String> value = optional(env, "SPECBOT_READING_DELAY");
    if (value.isEmpty()) {
      return READING_DELAY;
    }
    try {
      Duration delay = Duration.parse(value.get());
      if (delay.isNegative() || delay.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new DateTimeParseException("out of range", value.get(), 0);
      }
      return delay;
    } catch (DateTimeParseException e) {
      throw new Invalid(
          "SPECBOT_READING_DELAY must be an ISO-8601 duration from PT0S to PT1M such as PT2S, not \""
              + value.get()
              + "\"");
    }
  }

  private static SlackPace slackPace(Map<String, String> env) throws Invalid {
    String limits = optional(env, "SPECBOT_SLACK_LIMITS").orElse("published");
    if (!limits.equals("published") && !limits.equals("none")) {
      throw new Invalid(
          "SPECBOT_SLACK_LIMITS must be published (Slack's rate limits) or none, not \""
              + limits
              + "\"");
    }
    String posts = optional(env, "SPECBOT_SLACK_POSTS_PER_MINUTE").orElse("600");
    try {
      int perMinute = Integer.parseInt(posts);
      if (perMinute < 1 || perMinute > 100_000) {
        throw new NumberFormatException();
      }
      return new SlackPace(limits.equals("published"), perMinute);
    } catch (NumberFormatException e) {
      throw new Invalid(
          "SPECBOT_SLACK_POSTS_PER_MINUTE must be a whole number from 1 to 100000, not \""
              + posts
              + "\"");
    }
  }

  private static int maxNudges(Map<String, String> env) throws Invalid {
    String value = optional(env, "SPECBOT_MAX_NUDGES").orElse("3");
    try {
      int max = Integer.parseInt(value);
      if (max < 0 || max > 100) {
        throw new NumberFormatException();
      }
      return max;
    } catch (NumberFormatException e) {
      throw new Invalid(
          "SPECBOT_MAX_NUDGES must be a whole number from 0 to 100, not \"" + value + "\"");
    }
  }

  private static WorkingHours workingHours(Map<String, String> env) throws Invalid {
    String hours = optional(env, "SPECBOT_WORKING_HOURS").orElse("09:00-18:00");
    String days = optional(env, "SPECBOT_WORKING_DAYS").orElse("MON-FRI");
    try {
      WorkingHours.parse(hours, "MON");
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "SPECBOT_WORKING_HOURS must be HH:MM-HH:MM such as 09:00-18:00 (00:00-24:00 for any"
              + " time), not \""
              + hours
              + "\": "
              + e.getMessage());
    }
    try {
      return WorkingHours.parse(hours, days);
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "SPECBOT_WORKING_DAYS must be days such as MON-FRI or MON,WED,FRI, not \""
              + days
              + "\": "
              + e.getMessage());
    }
  }

  /**
   * Socket Mode needs no signing secret (Slack's requests come over a connection specbot opened
   * with the app token), so it is required only without one.
   */
  private static String signingSecret(Map<String, String> env, boolean socketMode) throws Invalid {
    Optional<String> secret = optional(env, "SLACK_SIGNING_SECRET");
    if (secret.isEmpty() && !socketMode) {
      throw new Invalid(
          "SLACK_SIGNING_SECRET is not set: specbot needs it to check Slack's requests over HTTP"
              + " (or set SLACK_APP_TOKEN to use Socket Mode, which needs no signing secret)");
    }
    return secret.orElse("");
  }

  /** The token's value never appears in a message: only which kind of token it looks like. */
  private static Optional<String> appToken(Map<String, String> env) throws Invalid {
    Optional<String> token = optional(env, "SLACK_APP_TOKEN");
    if (token.isPresent() && !token.get().startsWith(APP_TOKEN_PREFIX)) {
      throw new Invalid(
          "SLACK_APP_TOKEN must be an app-level token, which starts with "
              + APP_TOKEN_PREFIX
              + " (Basic Information > App-Level Tokens, with the connections:write scope)"
              + looksLike(token.get()));
    }
    return token;
  }

  private static String looksLike(String token) {
    if (token.startsWith("xoxb-")) {
      return "; the value set is a bot token (xoxb-), which belongs in SLACK_BOT_TOKEN";
    }
    if (token.startsWith("xoxp-")) {
      return "; the value set is a user token (xoxp-), which specbot does not use";
    }
    return "; the value set does not";
  }

  private static String required(Map<String, String> env, String name) throws Invalid {
    return optional(env, name)
        .orElseThrow(() -> new Invalid(name + " is not set: specbot needs it to talk to Slack"));
  }

  private static Optional<String> optional(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static int port(Map<String, String> env) throws Invalid {
    String value = optional(env, "PORT").orElse("3000");
    try {
      int port = Integer.parseInt(value);
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new Invalid("PORT must be a port number from 0 to 65535, not \"" + value + "\"");
    }
  }

  /**
   * The Slack client needs the trailing slash; a URL without one is completed rather than refused.
   */
  private static String apiUrl(Map<String, String> env) throws Invalid {
    String url = optional(env, "SLACK_API_URL").orElse("https://slack.com/api/");
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw new Invalid(
          "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/, not \""
              + url
              + "\"");
    }
    return url.endsWith("/") ? url : url + "/";
  }
}
