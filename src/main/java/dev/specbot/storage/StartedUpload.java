package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A file an outbox message's sender uploaded to Slack, recorded before Slack was asked to share it.
 *
 * @param fileId the id files.getUploadURLExternal gave; the file's bytes were uploaded
 * @param shareAskedAt when a sender last asked Slack to share it (files.completeUploadExternal), or
 *     empty while no such request can have reached Slack
 */
public record StartedUpload(String fileId, Optional<Instant> shareAskedAt) {
  public StartedUpload {
    Objects.requireNonNull(fileId, "null fileId");
    Objects.requireNonNull(shareAskedAt, "null shareAskedAt");
  }
}
