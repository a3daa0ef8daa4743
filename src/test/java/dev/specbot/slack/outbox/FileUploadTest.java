package dev.specbot.slack.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.SlackApiException;
import dev.specbot.slack.ShiftableClock;
import dev.specbot.slack.fake.Failure;
import dev.specbot.slack.fake.FakeSlackWebApi;
import dev.specbot.slack.fake.FileShare;
import dev.specbot.slack.fake.RecordedCall;
import dev.specbot.slack.webapi.WebApiClient;
import dev.specbot.storage.Database;
import dev.specbot.storage.StartedUpload;
import dev.specbot.testdb.TestDatabases;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload sent again, as the outbox does after a crash or a failed attempt, against the fake
 * Slack on loopback and a real database: the file is shared once whatever became of the attempt
 * before.
 */
class FileUploadTest {
  private static final String CHANNEL = "C0SPECS001";
  private static final String THREAD = "1763600000.000100";
  private static final String NAME = "payment-retries.md";
  private static final String CONTENT = "# Payment retries\n\nRetries are hand-rolled ✓\n";
  private static final FileUpload.Share IN_CHANNEL =
      new FileUpload.Share(CHANNEL, Optional.empty(), "*Payment retries* is ready", NAME, CONTENT);

  /** Short, so that an answer held back by the fake times the client out at once. */
  private static final Duration READ_TIMEOUT = Duration.ofMillis(500);

  @TempDir Path folder;
  private final FakeSlackWebApi slack = new FakeSlackWebApi();
  private final ShiftableClock clock = new ShiftableClock();
  private Slack client;
  private WebApiClient methods;
  private Database database;
  private String outboxId;

  @BeforeEach
  void open() {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(slack.baseUrl());
    config.setStatsEnabled(false);
    config.getMethodsConfig().setExecutorName("file-upload-test-" + System.nanoTime());
    config.setHttpClientReadTimeoutMillis((int) READ_TIMEOUT.toMillis());
    client = Slack.getInstance(config);
    methods = WebApiClient.of(client, "xoxb-file-upload-test");
    database = Database.open(TestDatabases.urlFor(folder.resolve("specbot.db")));
    outboxId =
        database.transaction(
            tx -> tx.outbox().enqueue("lane-a", "UPLOAD_DOCUMENT", "{}", clock.instant()));
  }

  @AfterEach
  void close() throws Exception {
    slack.close();
    client.close();
    database.close();
  }

  @Test
  void a_file_is_uploaded_recorded_before_it_is_shared_and_shared_once() throws Exception {
    String fileId = send(IN_CHANNEL);

    assertEquals(List.of(new FileShare(fileId, NAME, CHANNEL, onlyShare().ts(), null)), shares());
    assertEquals(CONTENT, new String(slack.uploadedFile(fileId), StandardCharsets.UTF_8));
    assertEquals(
        List.of("files.getUploadURLExternal", "files.completeUploadExternal"), methodsCalled());
    assertEquals(fileId, started().orElseThrow().fileId());
  }

  @Test
  void a_share_whose_answer_timed_out_is_found_shared_and_not_made_again() throws Exception {
    // Slack shares the file, then takes longer to answer than the client waits.
    slack.failNext("files.completeUploadExternal", 1, Failure.delayed(Duration.ofMinutes(1)));
    IOException timedOut = assertThrows(IOException.class, () -> send(IN_CHANNEL));
    assertInstanceOf(SocketTimeoutException.class, timedOut);

    String fileId = send(IN_CHANNEL);

    assertEquals(fileId, onlyShare().fileId());
    assertEquals(1, slack.calls("files.completeUploadExternal").size());
    assertEquals(fileId, slack.calls("files.info").get(0).param("file"));
  }

  @Test
  void a_file_slack_is_still_sharing_is_looked_at_again_and_never_shared_twice() throws Exception {
    FileUpload.Share inThread =
        new FileUpload.Share(CHANNEL, Optional.of(THREAD), "The spec, updated", NAME, CONTENT);
    slack.holdShares(); // Slack shares asynchronously, after it answered...
    slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer()); // ...lost here.
    assertThrows(SlackApiException.class, () -> send(inThread));
    Instant asked = started().orElseThrow().shareAskedAt().orElseThrow();

    LookAgainLater notYet = assertThrows(LookAgainLater.class, () -> send(inThread));
    slack.releaseHeldShares();
    String fileId = send(inThread);

    assertEquals(asked.plus(FileUpload.SHARE_SETTLES), notYet.at());
    assertEquals(List.of(new FileShare(fileId, NAME, CHANNEL, onlyShare().ts(), THREAD)), shares());
    assertEquals(1, slack.calls("files.completeUploadExternal").size());
  }

  @Test
  void a_file_slack_took_but_never_shared_is_shared_once_the_wait_is_over() throws Exception {
    slack.holdShares();
    slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer());
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    assertThrows(LookAgainLater.class, () -> send(IN_CHANNEL));
    slack.dropHeldShares();

    clock.advance(FileUpload.SHARE_SETTLES);
    String fileId = send(IN_CHANNEL);

    assertEquals(fileId, onlyShare().fileId());
    List<RecordedCall> completions = slack.calls("files.completeUploadExternal");
    assertEquals(2, completions.size());
    assertEquals(completions.get(0).param("files"), completions.get(1).param("files"));
    assertEquals(1, slack.calls("files.getUploadURLExternal").size(), "the same file, not again");
  }

  @Test
  void an_upload_slack_never_completed_is_completed_with_the_same_file_after_the_wait()
      throws Exception {
    // A 500 leaves the bot unsure; here Slack did nothing, so it has no such file yet.
    slack.failNext("files.completeUploadExternal", 1, Failure.httpStatus(500));
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    assertThrows(LookAgainLater.class, () -> send(IN_CHANNEL));
    assertEquals("file_not_found", answerTo(slack.calls("files.info").get(0)));

    clock.advance(FileUpload.SHARE_SETTLES);
    String fileId = send(IN_CHANNEL);

    assertEquals(fileId, onlyShare().fileId());
    assertEquals(1, slack.calls("files.getUploadURLExternal").size());
  }

  @Test
  void a_file_slack_forgot_is_uploaded_again_and_shared_once() throws Exception {
    slack.failNext("files.completeUploadExternal", 1, Failure.httpStatus(500));
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    String forgotten = started().orElseThrow().fileId();
    slack.discardUpload(forgotten);

    clock.advance(FileUpload.SHARE_SETTLES);
    String fileId = send(IN_CHANNEL);

    assertNotEquals(forgotten, fileId);
    assertEquals(fileId, onlyShare().fileId());
    assertEquals(CONTENT, new String(slack.uploadedFile(fileId), StandardCharsets.UTF_8));
    assertEquals(fileId, started().orElseThrow().fileId(), "the new file is the one recorded");
  }

  @Test
  void a_share_slack_refused_for_certain_is_asked_again_at_once_without_looking() throws Exception {
    slack.failNext("files.completeUploadExternal", 1, Failure.rateLimited(0));
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    assertEquals(Optional.empty(), started().orElseThrow().shareAskedAt());

    String fileId = send(IN_CHANNEL);

    assertEquals(fileId, onlyShare().fileId());
    assertEquals(List.of(), slack.calls("files.info"));
    assertEquals(1, slack.calls("files.getUploadURLExternal").size());
  }

  @Test
  void a_shared_file_someone_has_since_deleted_is_not_shared_again() throws Exception {
    slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer());
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    String fileId = started().orElseThrow().fileId();
    slack.deleteFile(fileId);

    assertEquals(fileId, send(IN_CHANNEL));
    assertEquals(1, slack.calls("files.completeUploadExternal").size());
  }

  @Test
  void without_files_read_a_file_of_unknown_fate_is_shared_again_only_after_the_wait()
      throws Exception {
    slack.failNext("files.completeUploadExternal", 1, Failure.lostAnswer());
    slack.failNext("files.info", 2, Failure.slackError("missing_scope"));
    assertThrows(SlackApiException.class, () -> send(IN_CHANNEL));
    assertThrows(LookAgainLater.class, () -> send(IN_CHANNEL));

    clock.advance(FileUpload.SHARE_SETTLES);
    send(IN_CHANNEL);

    // An install without files:read cannot tell, and shares again as before this was looked up.
    assertEquals(2, shares().size());
  }

  /** Sends the outbox message as a sender taking it now would, with what earlier ones recorded. */
  private String send(FileUpload.Share share) throws Exception {
    return new FileUpload(database, methods, clock, outboxId).share(started(), share);
  }

  private Optional<StartedUpload> started() {
    return database.transaction(tx -> tx.outbox().history(outboxId)).orElseThrow().upload();
  }

  private List<FileShare> shares() {
    return slack.fileShares();
  }

  private FileShare onlyShare() {
    List<FileShare> shares = shares();
    assertEquals(1, shares.size(), "shared once: " + shares);
    return shares.get(0);
  }

  private List<String> methodsCalled() {
    return slack.calls().stream().map(RecordedCall::method).toList();
  }

  private String answerTo(RecordedCall call) {
    return com.google.gson.JsonParser.parseString(slack.answerTo(call).body())
        .getAsJsonObject()
        .get("error")
        .getAsString();
  }
}
