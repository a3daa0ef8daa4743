package dev.specbot.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * What the senders of an outbox message left behind, read by the sender that has just taken it.
 *
 * @param claims how many senders took it, this one included
 * @param attempts how many of them recorded a failure
 * @param upload the file an earlier sender uploaded for it, if it is an upload
 */
public record SendHistory(int claims, int attempts, Optional<StartedUpload> upload) {
  public SendHistory {
    Objects.requireNonNull(upload, "null upload");
  }

  /**
   * Whether an earlier sender took the message: it may be in Slack already, since a call that timed
   * out is retried as well as one whose sender died.
   */
  public boolean takenBefore() {
    return claims > 1;
  }

  /**
   * Whether an earlier sender took the message and recorded nothing: it died, or stalled past its
   * lease, with its call to Slack possibly made.
   */
  public boolean outcomeUnknown() {
    return claims - 1 > attempts;
  }
}
