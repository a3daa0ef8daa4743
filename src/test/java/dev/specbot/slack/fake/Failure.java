package dev.specbot.slack.fake;

import java.time.Duration;
import java.util.Objects;

/** How the fake misbehaves for one call, the way Slack or the network does during an outage. */
public sealed interface Failure {

  /** HTTP 429 with {@code Retry-After: seconds}, as Slack answers a client over its rate limit. */
  static Failure rateLimited(int retryAfterSeconds) {
    return new RateLimited(retryAfterSeconds);
  }

  /** An HTTP error status such as 500 or 503, as Slack answers when it is having trouble. */
  static Failure httpStatus(int status) {
    return new HttpStatus(status);
  }

  /** {@code {"ok":false,"error":ERROR}} with HTTP 200, as Slack reports most failures. */
  static Failure slackError(String error) {
    return new SlackError(error);
  }

  /**
   * The normal answer, but only after {@code delay}: a client with a shorter read timeout gives up,
   * although the call took effect (as a post that Slack made but answered too late does).
   */
  static Failure delayed(Duration delay) {
    return new Delayed(delay);
  }

  /**
   * The call takes effect, then the answer is lost (a 504 from a gateway): the client cannot tell
   * whether Slack posted, as after a crash between Slack's answer and the client's record of it.
   */
  static Failure lostAnswer() {
    return new LostAnswer();
  }

  /** See {@link #lostAnswer()}. */
  record LostAnswer() implements Failure {}

  /** See {@link #rateLimited(int)}. */
  record RateLimited(int retryAfterSeconds) implements Failure {
    public RateLimited {
      if (retryAfterSeconds < 0) {
        throw new IllegalArgumentException("negative Retry-After: " + retryAfterSeconds);
      }
    }
  }

  /** See {@link #httpStatus(int)}. */
  record HttpStatus(int status) implements Failure {
    public HttpStatus {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("not an HTTP error status: " + status);
      }
    }
  }

  /** See {@link #slackError(String)}. */
  record SlackError(String error) implements Failure {
    public SlackError {
      Objects.requireNonNull(error, "null error");
    }
  }

  /** See {@link #delayed(Duration)}. */
  record Delayed(Duration delay) implements Failure {
    public Delayed {
      Objects.requireNonNull(delay, "null delay");
    }
  }
}
