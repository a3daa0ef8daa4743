package dev.specbot.slack.fake;

import java.util.Objects;

/**
 * A file shared in a channel or thread: what files.completeUploadExternal made people see.
 *
 * @param fileId the file
 * @param title its title
 * @param channel where it was shared
 * @param ts the ts of the message that shares it
 * @param threadTs the thread it was shared in, or null for the channel itself
 */
public record FileShare(String fileId, String title, String channel, String ts, String threadTs) {
  public FileShare {
    Objects.requireNonNull(fileId, "null fileId");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(channel, "null channel");
    Objects.requireNonNull(ts, "null ts");
  }
}
