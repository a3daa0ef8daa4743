package dev.specbot.slack.outbox;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest.FileDetails;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesInfoResponse;
import com.slack.api.model.File;
import dev.specbot.slack.webapi.SlackCallFailed;
import dev.specbot.storage.Database;
import dev.specbot.storage.StartedUpload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares a file in a channel or a thread once, although its outbox message may be sent again after
 * a crash or a timeout.
 *
 * <p>An upload is three steps: files.getUploadURLExternal gives a file id and a URL, the bytes are
 * POSTed to that URL, and files.completeUploadExternal shares the file where it is asked to. Only
 * the last one shows anything to anyone, so before making it the sender records the file id, and
 * the time, with the outbox message in a transaction of its own. A sender that takes the message
 * again finds that file and asks Slack about it (files.info) instead of sharing another one:
 *
 * <ul>
 *   <li>shared (or shared and since deleted by someone): it is sent, and not shared again;
 *   <li>not shared yet: Slack shares files asynchronously, a moment after it answered, so the
 *       sender looks again until {@link #SHARE_SETTLES} after it was asked, and only then asks
 *       again, with the same file; if Slack has forgotten that file, it uploads the bytes again.
 * </ul>
 *
 * A request to share that Slack certainly refused (see {@link DefiniteRefusal}) is recorded as not
 * asked, so the next attempt shares the same file at once, without looking or waiting.
 */
public final class FileUpload {
  private static final Logger log = LoggerFactory.getLogger(FileUpload.class);

  /**
   * How long after being asked Slack may still be sharing a file. It shares small text files within
   * seconds of answering; this also covers a request still in flight when its sender gave up on it
   * (the Web API client's read timeout is 10 seconds). A file not shared this long after the last
   * request is taken as never shared.
   */
  public static final Duration SHARE_SETTLES = Duration.ofMinutes(1);

  /** What completing a file Slack no longer holds answers: it is uploaded again. */
  private static final Set<String> FORGOTTEN = Set.of("file_not_found");

  /**
   * files.info refusing to tell (an install from before specbot asked for {@code files:read}):
   * after {@link #SHARE_SETTLES} the file is shared again, as before files were looked up at all.
   */
  private static final Set<String> CANNOT_TELL =
      Set.of("missing_scope", "no_permission", "not_allowed_token_type");

  private static final MediaType BYTES = MediaType.get("application/octet-stream");

  /**
   * A file to share.
   *
   * @param channel where
   * @param threadTs the thread to share it in, or empty for the channel itself
   * @param comment the message that comes with it
   * @param name its file name, also its title
   * @param content its text
   */
  record Share(
      String channel, Optional<String> threadTs, String comment, String name, String content) {}

  /** What files.info says of a file. */
  private enum Seen {
    SHARED,
    NOT_SHARED,
    DELETED,
    UNKNOWN
  }

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final String outboxId;

  /** Shares the file of outbox message {@code outboxId}. */
  FileUpload(Database database, MethodsClient slack, Clock clock, String outboxId) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
    this.outboxId = outboxId;
  }

  /**
   * Shares {@code share}'s file, unless the file an earlier sender {@code started} was shared
   * already; returns the shared file's id.
   *
   * @throws LookAgainLater when Slack may still be sharing the file an earlier sender asked it to
   */
  String share(Optional<StartedUpload> started, Share share)
      throws IOException, SlackApiException, SlackCallFailed, LookAgainLater {
    if (started.isEmpty()) {
      return uploadAndShare(share);
    }
    String fileId = started.get().fileId();
    Optional<Instant> asked = started.get().shareAskedAt();
    if (asked.isEmpty()) {
      return shareAgain(fileId, share); // No request to share it can have reached Slack.
    }
    // Only a look that began after the wait tells that Slack will not share the file any more.
    Instant lookedAt = clock.instant();
    Seen seen = seen(fileId);
    if (seen == Seen.SHARED || seen == Seen.DELETED) {
      log.info("File {} of outbox message {} was shared already: not again", fileId, outboxId);
      return fileId;
    }
    Instant settled = asked.get().plus(SHARE_SETTLES);
    if (lookedAt.isBefore(settled)) {
      throw new LookAgainLater(settled, "Slack may still be sharing file " + fileId);
    }
    log.warn(
        "File {} of outbox message {} was not shared {}s after Slack was asked: asking again",
        fileId,
        outboxId,
        SHARE_SETTLES.toSeconds());
    return shareAgain(fileId, share);
  }

  private String uploadAndShare(Share share)
      throws IOException, SlackApiException, SlackCallFailed {
    byte[] bytes = share.content().getBytes(StandardCharsets.UTF_8);
    FilesGetUploadURLExternalResponse reserved =
        SlackSender.ok(
            slack.filesGetUploadURLExternal(r -> r.filename(share.name()).length(bytes.length)),
            "files.getUploadURLExternal");
    post(reserved.getUploadUrl(), bytes);
    return complete(reserved.getFileId(), share);
  }

  /** The bytes, to the URL Slack gave, as the Slack SDK's own files.uploadV2 sends them. */
  private void post(String uploadUrl, byte[] bytes) throws IOException {
    Request request =
        new Request.Builder().url(uploadUrl).post(RequestBody.create(bytes, BYTES)).build();
    try (Response response =
        slack.getSlackHttpClient().getOkHttpClient().newCall(request).execute()) {
      if (response.code() != 200) {
        // Nothing was recorded or shared yet: the next attempt starts with a new file.
        throw new IOException("Slack's upload URL answered HTTP " + response.code());
      }
    }
  }

  /** Shares a file uploaded earlier, or uploads it again if Slack no longer has it. */
  private String shareAgain(String fileId, Share share)
      throws IOException, SlackApiException, SlackCallFailed {
    try {
      return complete(fileId, share);
    } catch (SlackCallFailed refused) {
      if (!FORGOTTEN.contains(refused.error())) {
        throw refused;
      }
      log.info(
          "Slack no longer has file {} of outbox message {}: uploading again", fileId, outboxId);
      return uploadAndShare(share);
    }
  }

  private String complete(String fileId, Share share)
      throws IOException, SlackApiException, SlackCallFailed {
    record(new StartedUpload(fileId, Optional.of(clock.instant())));
    try {
      SlackSender.ok(
          slack.filesCompleteUploadExternal(
              r ->
                  r.files(List.of(new FileDetails(fileId, share.name())))
                      .channelId(share.channel())
                      .threadTs(share.threadTs().orElse(null))
                      .initialComment(share.comment())),
          "files.completeUploadExternal");
      return fileId;
    } catch (IOException | SlackApiException | SlackCallFailed e) {
      if (DefiniteRefusal.is(e)) {
        record(new StartedUpload(fileId, Optional.empty()));
      }
      throw e;
    }
  }

  private void record(StartedUpload upload) {
    database.transaction(
        tx -> {
          tx.outbox().recordUpload(outboxId, upload);
          return null;
        });
  }

  private Seen seen(String fileId) throws IOException, SlackApiException, SlackCallFailed {
    FilesInfoResponse info = slack.filesInfo(r -> r.file(fileId));
    if (info.isOk()) {
      return isShared(info.getFile()) ? Seen.SHARED : Seen.NOT_SHARED;
    }
    return switch (info.getError()) {
      case "file_not_found" -> Seen.NOT_SHARED; // Never completed: Slack has no such file yet.
      case "file_deleted" -> Seen.DELETED;
      default -> {
        if (!CANNOT_TELL.contains(info.getError())) {
          throw new SlackCallFailed("files.info", info.getError());
        }
        log.warn(
            "Slack will not say whether file {} was shared ({}): grant specbot files:read",
            fileId,
            info.getError());
        yield Seen.UNKNOWN;
      }
    };
  }

  /** Shared anywhere: the file was made for this message, and completed only where it goes. */
  private static boolean isShared(File file) {
    if (file == null) {
      return false;
    }
    File.Shares shares = file.getShares();
    boolean inShares =
        shares != null
            && (isNonEmpty(shares.getPublicChannels()) || isNonEmpty(shares.getPrivateChannels()));
    return inShares
        || isNonEmpty(file.getChannels())
        || isNonEmpty(file.getGroups())
        || isNonEmpty(file.getIms());
  }

  private static boolean isNonEmpty(Map<?, ?> map) {
    return map != null && !map.isEmpty();
  }

  private static boolean isNonEmpty(List<?> list) {
    return list != null && !list.isEmpty();
  }
}
