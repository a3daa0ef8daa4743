package dev.specbot.github.fake;

import java.time.Duration;
import java.util.Objects;

/** How the fake misbehaves for one call, the way GitHub or the network does. */
public sealed interface Failure {

  /**
   * A 5xx, as GitHub answers when it is having trouble: 500 and 503 with GitHub's JSON, 502 and 504
   * with a gateway's HTML page. The call is not carried out.
   */
  static Failure serverError(int status) {
    return new ServerError(status);
  }

  /**
   * 403 with {@code x-ratelimit-remaining: 0} and {@code x-ratelimit-reset} {@code untilReset}
   * after the fake's clock: the token's hourly requests are spent.
   */
  static Failure rateLimited(Duration untilReset) {
    return new RateLimited(untilReset);
  }

  /** 403 with {@code Retry-After}: GitHub's secondary rate limit on creating content quickly. */
  static Failure secondaryRateLimit(int retryAfterSeconds) {
    return new SecondaryRateLimit(403, retryAfterSeconds);
  }

  /** 429 with {@code Retry-After}. */
  static Failure tooManyRequests(int retryAfterSeconds) {
    return new SecondaryRateLimit(429, retryAfterSeconds);
  }

  /** 403 saying "secondary rate limit" with no header saying how long to wait. */
  static Failure secondaryRateLimitWithoutWait() {
    return new SecondaryRateLimit(403, -1);
  }

  /** A 4xx with GitHub's JSON error: {@code {"message": ..., "documentation_url": ...}}. */
  static Failure refused(int status, String message) {
    return new Refused(status, message);
  }

  /**
   * 422 {@code Validation Failed} with one error, as GitHub refuses an assignee: {@code
   * {"resource": "Issue", "field": field, "code": code, "value": value}}.
   */
  static Failure validationFailed(String field, String code, String value) {
    return new ValidationFailed(field, code, value);
  }

  /**
   * The call is carried out, then the answer is lost (a 502 from a gateway): the client cannot tell
   * whether GitHub made the issue, as after a crash between GitHub's answer and its record.
   */
  static Failure lostAnswer() {
    return new LostAnswer();
  }

  /** See {@link #serverError(int)}. */
  record ServerError(int status) implements Failure {
    public ServerError {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("not a server error: " + status);
      }
    }
  }

  /** See {@link #rateLimited(Duration)}. */
  record RateLimited(Duration untilReset) implements Failure {
    public RateLimited {
      Objects.requireNonNull(untilReset, "null untilReset");
    }
  }

  /** See {@link #secondaryRateLimit(int)}; a negative wait sends no {@code Retry-After}. */
  record SecondaryRateLimit(int status, int retryAfterSeconds) implements Failure {}

  /** See {@link #refused(int, String)}. */
  record Refused(int status, String message) implements Failure {
    public Refused {
      if (status < 400 || status > 499) {
        throw new IllegalArgumentException("not a client error: " + status);
      }
      Objects.requireNonNull(message, "null message");
    }
  }

  /** See {@link #validationFailed(String, String, String)}. */
  record ValidationFailed(String field, String code, String value) implements Failure {}

  /** See {@link #lostAnswer()}. */
  record LostAnswer() implements Failure {}
}
