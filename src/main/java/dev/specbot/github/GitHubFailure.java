package dev.specbot.github;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A call GitHub did not carry out: either {@link RetryLater}, or {@link Refused} for good.
 *
 * <p>{@link #certainlyNotDone()} says whether making the call again could repeat it: a create whose
 * answer was lost (a timeout, a 502) may have made the issue, which is then looked for first.
 */
public abstract sealed class GitHubFailure extends Exception
    permits GitHubFailure.RetryLater, GitHubFailure.Refused {
  private static final long serialVersionUID = 1L;

  private final boolean certainlyNotDone;

  GitHubFailure(String message, boolean certainlyNotDone, Throwable cause) {
    super(message, cause);
    this.certainlyNotDone = certainlyNotDone;
  }

  /**
   * Whether GitHub certainly did nothing: it was not reached, or it turned the call away (a rate
   * limit, a refusal). Otherwise the call may have taken effect before its answer was lost.
   */
  public boolean certainlyNotDone() {
    return certainlyNotDone;
  }

  /**
   * GitHub failed (5xx), could not be reached or answered too late, or rate-limited the token: the
   * same call is worth making again later.
   */
  public static final class RetryLater extends GitHubFailure {
    private static final long serialVersionUID = 1L;

    /**
     * The wait GitHub asked for, or null when it named none; a Duration, as this is Serializable.
     */
    private final Duration asked;

    private final boolean rateLimited;

    RetryLater(
        String message,
        Duration asked,
        boolean rateLimited,
        boolean certainlyNotDone,
        Throwable cause) {
      super(message, certainlyNotDone, cause);
      this.asked = asked;
      this.rateLimited = rateLimited;
    }

    /** When to try again: after the wait GitHub asked for, or else after {@code backoff}. */
    public Duration after(Duration backoff) {
      Objects.requireNonNull(backoff, "null backoff");
      return asked == null ? backoff : asked;
    }

    /**
     * The wait GitHub asked for: its {@code Retry-After}, or until {@code x-ratelimit-reset} (on
     * the injected clock), or a minute for a secondary rate limit that names none.
     */
    public Optional<Duration> asked() {
      return Optional.ofNullable(asked);
    }

    /** Whether a rate limit turned the call away (403 or 429), rather than a failure. */
    public boolean rateLimited() {
      return rateLimited;
    }
  }

  /**
   * GitHub refused the call, and would refuse it again: a bad token (401), no access (403), no such
   * repository or issue (404), issues turned off or the issue deleted (410), a title, label or
   * assignee it would not take (422), or a repository that moved.
   */
  public static final class Refused extends GitHubFailure {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String plainWords;
    private final String githubMessage;

    Refused(String message, int status, String plainWords, String githubMessage) {
      super(message, true, null);
      this.status = status;
      this.plainWords = plainWords;
      this.githubMessage = githubMessage;
    }

    /** The HTTP status GitHub answered with. */
    public int status() {
      return status;
    }

    /**
     * What the drafter is told, once, in plain words: what did not happen, why, and who can fix it.
     * Plain text, with GitHub's own message quoted: a sender escapes it for where it shows it.
     */
    public String plainWords() {
      return plainWords;
    }

    /** GitHub's {@code message} (and validation errors), or "" when it gave none. */
    public String githubMessage() {
      return githubMessage;
    }
  }
}
