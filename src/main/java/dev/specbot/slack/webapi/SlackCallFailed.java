package dev.specbot.slack.webapi;

import java.util.Set;

/** A Web API call Slack answered with {@code ok: false}. */
public final class SlackCallFailed extends Exception {
  private static final long serialVersionUID = 1L;

  /** Errors that say Slack is busy or broken for now: the call is worth retrying. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  private final String method;
  private final String error;

  public SlackCallFailed(String method, String error) {
    super(method + " failed: " + error);
    this.method = method;
    this.error = error;
  }

  String method() {
    return method;
  }

  public String error() {
    return error;
  }

  boolean isTransient() {
    return TRANSIENT.contains(error);
  }
}
