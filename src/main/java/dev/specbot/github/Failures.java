package dev.specbot.github;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Response;

/**
 * Sorts a failed call into {@link GitHubFailure.RetryLater} or {@link GitHubFailure.Refused}, as
 * GitHub's REST documentation says to: 5xx and the network are tried again; 403 and 429 are a rate
 * limit when they carry {@code Retry-After} or {@code x-ratelimit-remaining: 0} (or say "rate
 * limit"), to be tried again when GitHub says; any other 4xx is refused for good.
 */
final class Failures {
  /** GitHub's advice for a secondary rate limit that names no wait: "at least one minute". */
  static final Duration SECONDARY_WAIT = Duration.ofMinutes(1);

  /** A wait longer than GitHub's hourly window is a clock gone wrong, not GitHub's wish. */
  static final Duration LONGEST_WAIT = Duration.ofHours(1);

  /** GitHub's reset is in whole seconds: a reset that just passed still gets a moment. */
  static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);

  private static final int MAX_MESSAGE = 300;

  private Failures() {}

  /** The failure an answer with an error status (or an unfollowed redirect) stands for. */
  static GitHubFailure of(Call call, Response response, String body, Clock clock) {
    int status = response.code();
    String message = githubMessage(body);
    String logged = call + ": HTTP " + status + (message.isEmpty() ? "" : ": " + message);
    if (status >= 500) {
      return new GitHubFailure.RetryLater(
          logged, waitAsked(response, clock).orElse(null), false, false, null);
    }
    if (status == 429 || (status == 403 && isRateLimit(response, message))) {
      Duration wait = waitAsked(response, clock).orElse(SECONDARY_WAIT);
      return new GitHubFailure.RetryLater(logged, wait, true, true, null);
    }
    return new GitHubFailure.Refused(
        logged, status, plainWords(call, status, message, response), message);
  }

  /** A call whose answer never came: GitHub may have carried it out unless it was not reached. */
  static GitHubFailure.RetryLater of(Call call, IOException failure) {
    boolean notReached =
        failure instanceof ConnectException
            || failure instanceof NoRouteToHostException
            || failure instanceof UnknownHostException;
    return new GitHubFailure.RetryLater(call + ": " + failure, null, false, notReached, failure);
  }

  /** A success whose answer cannot be read: the call may well have been carried out. */
  static GitHubFailure.RetryLater unreadable(Call call, int status, RuntimeException problem) {
    return new GitHubFailure.RetryLater(
        call + ": HTTP " + status + " with an answer that cannot be read: " + problem.getMessage(),
        null,
        false,
        false,
        problem);
  }

  private static boolean isRateLimit(Response response, String message) {
    return response.header("Retry-After") != null
        || "0".equals(strip(response.header("x-ratelimit-remaining")))
        || message.toLowerCase(Locale.ROOT).contains("rate limit");
  }

  /**
   * The wait GitHub asks for: {@code Retry-After} (seconds, or an HTTP date), else the time until
   * {@code x-ratelimit-reset} when no requests remain, measured on {@code clock}; kept between a
   * second and an hour.
   */
  static Optional<Duration> waitAsked(Response response, Clock clock) {
    Instant now = clock.instant();
    Optional<Duration> wait =
        retryAfter(strip(response.header("Retry-After")), now)
            .or(
                () ->
                    "0".equals(strip(response.header("x-ratelimit-remaining")))
                        ? seconds(strip(response.header("x-ratelimit-reset")))
                            .map(reset -> Duration.between(now, Instant.ofEpochSecond(reset)))
                        : Optional.empty());
    return wait.map(
        asked ->
            asked.compareTo(SHORTEST_WAIT) < 0
                ? SHORTEST_WAIT
                : asked.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : asked);
  }

  private static Optional<Duration> retryAfter(String header, Instant now) {
    if (header == null) {
      return Optional.empty();
    }
    Optional<Long> seconds = seconds(header);
    if (seconds.isPresent()) {
      return seconds.map(Duration::ofSeconds);
    }
    try {
      Instant at = ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(Duration.between(now, at));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  /** A whole number of at most 12 digits (seconds, or an epoch second), or empty. */
  private static Optional<Long> seconds(String text) {
    if (text == null
        || text.isEmpty()
        || text.length() > 12
        || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(text));
  }

  private static String strip(String header) {
    return header == null ? null : header.strip();
  }

  /** What the drafter is told of a refusal. */
  private static String plainWords(Call call, int status, String message, Response response) {
    String so = ", so " + call.whatFailed() + ".";
    String quoted = message.isEmpty() ? "" : " (GitHub says: \"" + message + "\")";
    Repository repository = call.repository();
    if (status >= 300 && status < 400) {
      String location = response.header("Location");
      return repository
          + " has moved on GitHub (it was renamed or transferred"
          + (location == null ? "" : "; GitHub points to " + oneLine(location, MAX_MESSAGE))
          + ")"
          + so
          + " Name its new place in the template (specbot: github: owner/repo) or in"
          + " SPECBOT_GITHUB_REPO.";
    }
    return switch (status) {
      case 401 ->
          "GitHub did not accept specbot's token (it may be wrong, expired or revoked)"
              + so
              + " Ask whoever runs specbot to check SPECBOT_GITHUB_TOKEN.";
      case 403 ->
          "GitHub would not let specbot's token do this"
              + quoted
              + so
              + " Ask whoever runs specbot to give the token access to the issues of "
              + repository
              + ".";
      case 404 ->
          call.issue() > 0
              ? "GitHub has no issue #"
                  + call.issue()
                  + " in "
                  + repository
                  + " that specbot's token can see (it may have been deleted or moved, or the"
                  + " token lost its access)"
                  + so
              : "GitHub has no repository "
                  + repository
                  + " that specbot's token can see"
                  + so
                  + " Check the repository the template names (specbot: github: owner/repo) or"
                  + " SPECBOT_GITHUB_REPO, and that the token has access to it.";
      case 410 ->
          call.issue() > 0 && !message.toLowerCase(Locale.ROOT).contains("disabled")
              ? "Issue #" + call.issue() + " in " + repository + " was deleted" + so
              : "Issues are turned off in "
                  + repository
                  + quoted
                  + so
                  + " Turn them on in the repository's settings, or name another repository in"
                  + " the template (specbot: github: owner/repo).";
      case 422 ->
          "GitHub would not take "
              + call.thing()
              + quoted
              + so
              + " Check the template's labels and assignees: each assignee needs access to "
              + repository
              + ".";
      default -> "GitHub refused the call (HTTP " + status + ")" + quoted + so;
    };
  }

  /**
   * GitHub's {@code message}, with its validation {@code errors} after it ("Validation Failed:
   * assignees "nobody" is invalid"), on one line and cut short; "" when the body has none (a
   * gateway's HTML page, say).
   */
  static String githubMessage(String body) {
    JsonObject error;
    try {
      JsonElement parsed = JsonParser.parseString(body);
      if (!parsed.isJsonObject()) {
        return "";
      }
      error = parsed.getAsJsonObject();
    } catch (JsonParseException notJson) {
      return "";
    }
    String message = text(error, "message");
    List<String> details = new ArrayList<>();
    JsonElement errors = error.get("errors");
    if (errors != null && errors.isJsonArray()) {
      for (JsonElement each : errors.getAsJsonArray()) {
        details.add(detail(each));
      }
    }
    details.removeIf(String::isEmpty);
    String all =
        details.isEmpty()
            ? message
            : (message.isEmpty() ? "" : message + ": ") + String.join("; ", details);
    return oneLine(all, MAX_MESSAGE);
  }

  /** One validation error: its own message, or its field, value and code in words. */
  private static String detail(JsonElement error) {
    if (error.isJsonPrimitive()) {
      return error.getAsString();
    }
    if (!error.isJsonObject()) {
      return "";
    }
    JsonObject fields = error.getAsJsonObject();
    String message = text(fields, "message");
    if (!message.isEmpty()) {
      return message;
    }
    String field = text(fields, "field");
    String value = text(fields, "value");
    String code = text(fields, "code");
    String said =
        switch (code) {
          case "missing" -> "does not exist";
          case "missing_field" -> "is missing";
          case "invalid" -> "is invalid";
          case "already_exists" -> "already exists";
          case "unprocessable" -> "cannot be used";
          default -> code;
        };
    return (field + (value.isEmpty() ? "" : " \"" + value + "\"") + " " + said).strip();
  }

  private static String text(JsonObject object, String key) {
    JsonElement value = object.get(key);
    if (value == null || value.isJsonNull()) {
      return "";
    }
    return value.isJsonPrimitive() ? value.getAsString() : value.toString();
  }

  /** The text on one line, control characters as blanks, cut at {@code max} with "…". */
  static String oneLine(String text, int max) {
    StringBuilder line = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      line.append(Character.isISOControl(c) ? ' ' : c);
    }
    String stripped = line.toString().strip();
    if (stripped.length() <= max) {
      return stripped;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
      end--;
    }
    return stripped.substring(0, end) + "…";
  }
}
