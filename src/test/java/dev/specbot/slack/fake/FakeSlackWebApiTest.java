package dev.specbot.slack.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.Message;
import com.slack.api.model.User;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fake's answers and records, as the Slack SDK's own client sees them. */
class FakeSlackWebApiTest {
  private static final String CHANNEL = "C0SPECS001";

  /** Winter in Berlin and New York, so the offsets are the standard ones. */
  private static final Clock WINTER =
      Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);

  private final FakeSlackWebApi fake = new FakeSlackWebApi(WINTER);
  private final RealSlackClient client = RealSlackClient.against(fake);

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  @Test
  void base_url_is_the_loopback_api_root_with_a_trailing_slash() {
    assertTrue(fake.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+/api/"), fake.baseUrl());
  }

  @Test
  void auth_test_names_the_bot_and_its_workspace() throws Exception {
    var auth = client.methods.authTest(r -> r);

    assertTrue(auth.isOk(), auth.toString());
    assertEquals(FakeSlackWebApi.BOT_USER_ID, auth.getUserId());
    assertEquals(FakeSlackWebApi.BOT_ID, auth.getBotId());
    assertEquals(FakeSlackWebApi.TEAM_ID, auth.getTeamId());
    assertEquals("https://example.slack.com/", auth.getUrl());
  }

  @Test
  void post_message_with_blocks_is_recorded_as_sent_and_answered_with_fresh_growing_ts()
      throws Exception {
    ChatPostMessageResponse first =
        client.methods.chatPostMessage(
            r ->
                r.channel(CHANNEL)
                    .text("Question 1 of 7")
                    .blocks(
                        List.of(
                            Blocks.section(
                                s -> s.text(BlockCompositions.markdownText("*Context*"))))));
    ChatPostMessageResponse reply =
        client.methods.chatPostMessage(
            r -> r.channel(CHANNEL).threadTs(first.getTs()).text("In the thread"));

    assertTrue(first.isOk(), first.toString());
    assertEquals(CHANNEL, first.getChannel());
    assertEquals("1763600000.000100", first.getTs());
    assertTrue(new BigDecimal(reply.getTs()).compareTo(new BigDecimal(first.getTs())) > 0);
    assertEquals("Question 1 of 7", first.getMessage().getText());
    assertEquals(1, first.getMessage().getBlocks().size(), "blocks echoed");
    assertEquals(first.getTs(), reply.getMessage().getThreadTs());
    RecordedCall call = fake.calls("chat.postMessage").get(0);
    // What the SDK really sends: a form, the token as a Bearer header, booleans as 0 and 1.
    assertEquals("application/x-www-form-urlencoded", call.contentType());
    assertEquals("Bearer " + RealSlackClient.TOKEN, call.authorization());
    assertEquals("0", call.param("unfurl_links"));
    JsonArray blocks = JsonParser.parseString(call.param("blocks")).getAsJsonArray();
    assertEquals(
        "*Context*",
        blocks.get(0).getAsJsonObject().getAsJsonObject("text").get("text").getAsString());
    assertEquals(first.getTs(), fake.tsOf(call));
    assertEquals(200, fake.answerTo(call).status());
  }

  @Test
  void json_params_read_as_plain_json_although_the_sdk_escapes_angle_brackets() throws Exception {
    client.methods.chatPostMessage(
        r ->
            r.channel(CHANNEL)
                .text("fallback")
                .blocks(
                    List.of(
                        Blocks.section(
                            s -> s.text(BlockCompositions.markdownText("<@U0ALICE01> & co"))))));

    RecordedCall call = fake.calls("chat.postMessage").get(0);
    assertTrue(call.param("blocks").contains("\\u003c@U0ALICE01\\u003e \\u0026 co"), call.body());
    assertTrue(call.jsonParam("blocks").contains("<@U0ALICE01> & co"), call.jsonParam("blocks"));
    assertEquals("", call.jsonParam("view"));
  }

  @Test
  void update_edits_a_posted_message_and_refuses_an_unknown_one() throws Exception {
    String ts = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("before")).getTs();

    var updated = client.methods.chatUpdate(r -> r.channel(CHANNEL).ts(ts).text("after"));
    var unknown =
        client.methods.chatUpdate(r -> r.channel(CHANNEL).ts("1700000000.000001").text("x"));

    assertTrue(updated.isOk(), updated.toString());
    assertEquals(ts, updated.getTs());
    assertEquals("after", updated.getText());
    assertEquals("message_not_found", unknown.getError());
  }

  @Test
  void files_upload_v2_stores_the_bytes_under_the_file_id_and_title() throws Exception {
    String markdown = "# Payment retries\n\nÄnderungen – naïve café ✓\n";

    FilesUploadV2Response upload =
        client.methods.filesUploadV2(
            r ->
                r.channel(CHANNEL)
                    .threadTs("1763600000.000100")
                    .filename("payment-retries.md")
                    .title("Payment retries")
                    .content(markdown)
                    .initialComment("*Payment retries* is ready"));

    assertTrue(upload.isOk(), upload.toString());
    String fileId = upload.getFile().getId();
    byte[] expected = markdown.getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected, fake.uploadedFile(fileId));
    assertArrayEquals(expected, fake.uploadedFileTitled("Payment retries").orElseThrow());
    assertArrayEquals(expected, fake.onlyUploadedFile());
    assertEquals("OK - " + expected.length, upload.getUploadResponses().get(fileId).getBody());
    assertEquals(
        List.of("files.getUploadURLExternal", "files.completeUploadExternal"),
        fake.calls().stream().map(RecordedCall::method).toList());
    RecordedCall completed = fake.calls("files.completeUploadExternal").get(0);
    assertEquals("*Payment retries* is ready", completed.param("initial_comment"));
    assertEquals("1763600000.000100", completed.param("thread_ts"));
  }

  @Test
  void files_info_knows_a_file_once_completed_and_where_it_is_shared() throws Exception {
    var reserved =
        client.methods.filesGetUploadURLExternal(r -> r.filename("invite.ics").length(5));
    String fileId = reserved.getFileId();
    var before = client.methods.filesInfo(r -> r.file(fileId));
    client.methods.filesCompleteUploadExternal(
        r ->
            r.files(
                    List.of(
                        new com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest
                            .FileDetails(fileId, "invite.ics")))
                .channelId(CHANNEL)
                .threadTs("1763600000.000100"));

    var after = client.methods.filesInfo(r -> r.file(fileId));

    assertEquals("file_not_found", before.getError(), "no file until its upload is completed");
    assertTrue(after.isOk(), after.toString());
    assertEquals(List.of(CHANNEL), after.getFile().getChannels());
    var share = after.getFile().getShares().getPublicChannels().get(CHANNEL).get(0);
    assertEquals("1763600000.000100", share.getThreadTs());
    assertEquals(fake.fileShares().get(0).ts(), share.getTs());
    assertEquals(
        List.of(new FileShare(fileId, "invite.ics", CHANNEL, share.getTs(), "1763600000.000100")),
        fake.fileShares());
    // Kept for checking by hand against Slack's spec (additionalProperties loosened, as the spec's
    // "shares" allows no channel in it): LOOSE=1 node validate-webapi.js response files.info FILE
    Files.writeString(
        Files.createDirectories(Path.of("target/slack-calls")).resolve("files.info.json"),
        fake.answerTo(fake.calls("files.info").get(1)).body());
  }

  @Test
  void held_shares_appear_only_when_released_and_dropped_ones_never() throws Exception {
    fake.holdShares();
    String held = uploadTo(CHANNEL, "held.md");
    String dropped;
    assertTrue(client.methods.filesInfo(r -> r.file(held)).isOk(), "completed at once");
    assertEquals(List.of(), fake.fileShares(), "but not shared yet");

    fake.releaseHeldShares();
    assertEquals(List.of(held), fake.fileShares().stream().map(FileShare::fileId).toList());
    fake.holdShares();
    dropped = uploadTo(CHANNEL, "dropped.md");
    fake.dropHeldShares();

    assertEquals(List.of(held), fake.fileShares().stream().map(FileShare::fileId).toList());
    assertTrue(
        client.methods.filesInfo(r -> r.file(dropped)).getFile().getShares() == null,
        "completed, never shared");
  }

  @Test
  void a_discarded_upload_is_unknown_and_a_deleted_file_says_so() throws Exception {
    var reserved = client.methods.filesGetUploadURLExternal(r -> r.filename("a.md").length(1));
    String shared = uploadTo(CHANNEL, "b.md");

    fake.discardUpload(reserved.getFileId());
    fake.deleteFile(shared);

    var completed =
        client.methods.filesCompleteUploadExternal(
            r ->
                r.files(
                        List.of(
                            new com.slack.api.methods.request.files
                                .FilesCompleteUploadExternalRequest.FileDetails(
                                reserved.getFileId(), "a.md")))
                    .channelId(CHANNEL));
    assertEquals("file_not_found", completed.getError());
    assertEquals(
        "file_not_found", client.methods.filesInfo(r -> r.file(reserved.getFileId())).getError());
    assertEquals("file_deleted", client.methods.filesInfo(r -> r.file(shared)).getError());
  }

  @Test
  void ephemeral_messages_are_recorded_as_shown_to_their_user() throws Exception {
    client.methods.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0BOB").text("Only for Bob"));

    assertEquals(List.of("Only for Bob"), fake.ephemeralsShownTo("U0BOB"));
    assertEquals(List.of(), fake.ephemeralsShownTo("U0ALICE"));
  }

  /** Uploads a small file with the SDK's own files.uploadV2, shared in {@code channel}. */
  private String uploadTo(String channel, String name) throws Exception {
    FilesUploadV2Response upload =
        client.methods.filesUploadV2(
            r -> r.channel(channel).filename(name).title(name).content("# " + name));
    assertTrue(upload.isOk(), upload.toString());
    return upload.getFile().getId();
  }

  @Test
  void users_info_describes_registered_users_and_defaults_others_to_berlin() throws Exception {
    fake.addUser(
        FakeUser.of("U0ALICE01")
            .withRealName("Alice Example")
            .withDisplayName("alice")
            .withEmail("alice@example.org")
            .withTimeZone(ZoneId.of("America/New_York")));

    User alice = client.methods.usersInfo(r -> r.user("U0ALICE01")).getUser();
    UsersInfoResponse bob = client.methods.usersInfo(r -> r.user("U0BOB0001"));

    assertEquals("Alice Example", alice.getRealName());
    assertEquals("alice", alice.getProfile().getDisplayName());
    assertEquals("alice@example.org", alice.getProfile().getEmail());
    assertEquals("America/New_York", alice.getTz());
    assertEquals(-5 * 3600, alice.getTzOffset());
    assertTrue(bob.isOk(), bob.toString());
    assertEquals("Europe/Berlin", bob.getUser().getTz());
    assertEquals(3600, bob.getUser().getTzOffset());
    assertFalse(bob.getUser().getProfile().getEmail().isEmpty());
  }

  @Test
  void conversations_replies_gives_the_thread_posted_and_added_oldest_first() throws Exception {
    String parent = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("parent")).getTs();
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).threadTs(parent).text("Question 1"));
    String answer = fake.addUserMessage(CHANNEL, parent, "U0ALICE01", "My answer");
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).threadTs(parent).text("Question 2"));
    client.methods.chatPostMessage(r -> r.channel("C0ELSEWHERE").text("elsewhere"));

    ConversationsRepliesResponse thread =
        client.methods.conversationsReplies(r -> r.channel(CHANNEL).ts(parent));
    var missing = client.methods.conversationsReplies(r -> r.channel(CHANNEL).ts("1.000001"));

    assertEquals(
        List.of("parent", "Question 1", "My answer", "Question 2"),
        thread.getMessages().stream().map(Message::getText).toList());
    Message parentMessage = thread.getMessages().get(0);
    assertEquals(3, parentMessage.getReplyCount());
    Message userReply = thread.getMessages().get(2);
    assertEquals(answer, userReply.getTs());
    assertEquals("U0ALICE01", userReply.getUser());
    assertEquals(FakeSlackWebApi.BOT_USER_ID, userReply.getParentUserId());
    assertEquals("thread_not_found", missing.getError());
  }

  @Test
  void a_forgotten_thread_is_gone_and_the_others_stay() throws Exception {
    String kept = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("kept")).getTs();
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).threadTs(kept).text("Question 1"));
    String gone = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("gone")).getTs();
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).threadTs(gone).text("Question 1"));

    fake.forgetThread(CHANNEL, gone);

    assertEquals(List.of(), fake.messagesInThread(CHANNEL, gone));
    assertEquals(List.of("kept", "Question 1"), fake.messagesInThread(CHANNEL, kept));
  }

  @Test
  void without_a_call_log_listeners_still_see_each_call_with_its_answer() throws Exception {
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    fake.onEachCall((call, answer) -> seen.add(call.method() + " " + answer.status()));
    fake.stopRecordingCalls();

    client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("hello"));

    assertEquals(List.of("chat.postMessage 200"), seen);
    assertThrows(IllegalStateException.class, fake::calls);
  }

  @Test
  void permalinks_ephemerals_views_and_conversations_answer_like_slack() throws Exception {
    var permalink =
        client.methods.chatGetPermalink(r -> r.channel(CHANNEL).messageTs("1763600000.000100"));
    var ephemeral =
        client.methods.chatPostEphemeral(r -> r.channel(CHANNEL).user("U0BOB0001").text("psst"));
    var opened =
        client.methods.viewsOpen(
            r ->
                r.triggerId("trigger-1")
                    .viewAsString(
                        "{\"type\":\"modal\",\"callback_id\":\"specbot_start\","
                            + "\"title\":{\"type\":\"plain_text\",\"text\":\"New spec\"},"
                            + "\"blocks\":[]}"));
    var updated =
        client.methods.viewsUpdate(
            r ->
                r.viewId(opened.getView().getId())
                    .viewAsString(
                        "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"x\"},"
                            + "\"blocks\":[]}"));
    var dm = client.methods.conversationsOpen(r -> r.users(List.of("U0ALICE01")));
    var joined = client.methods.conversationsJoin(r -> r.channel(CHANNEL));
    var info = client.methods.conversationsInfo(r -> r.channel(CHANNEL));

    assertEquals(
        "https://example.slack.com/archives/" + CHANNEL + "/p1763600000000100",
        permalink.getPermalink());
    assertTrue(ephemeral.getMessageTs().matches("\\d{10}\\.\\d{6}"), ephemeral.toString());
    assertEquals("specbot_start", opened.getView().getCallbackId());
    assertTrue(opened.getView().getId().startsWith("V"), opened.toString());
    assertEquals(opened.getView().getId(), updated.getView().getId());
    assertEquals("DU0ALICE01", dm.getChannel().getId());
    assertEquals(CHANNEL, joined.getChannel().getId());
    assertTrue(info.getChannel().isMember(), info.toString());
  }

  @Test
  void json_bodies_are_accepted_with_a_bearer_token_and_keep_nested_json_as_text()
      throws Exception {
    String body =
        "{\"channel\":\"" + CHANNEL + "\",\"text\":\"hi\",\"blocks\":[{\"type\":\"divider\"}]}";

    HttpResponse<String> withToken = post("chat.postMessage", "application/json", body, true);
    HttpResponse<String> withoutToken = post("chat.postMessage", "application/json", body, false);

    assertTrue(withToken.body().contains("\"ok\":true"), withToken.body());
    assertTrue(withoutToken.body().contains("\"error\":\"not_authed\""), withoutToken.body());
    RecordedCall call = fake.calls("chat.postMessage").get(0);
    assertEquals("[{\"type\":\"divider\"}]", call.param("blocks"));
    assertEquals("hi", call.param("text"));
  }

  @Test
  void unknown_methods_answer_unknown_method_with_200() throws Exception {
    HttpResponse<String> response = post("no.such.method", "application/json", "{}", true);

    assertEquals(200, response.statusCode());
    assertEquals("{\"ok\":false,\"error\":\"unknown_method\"}", response.body());
    assertEquals("no.such.method", fake.calls().get(0).method());
  }

  @Test
  void write_jsonl_writes_one_slack_check_line_per_call(@TempDir Path folder) throws Exception {
    client.methods.authTest(r -> r);
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("a & b = c"));
    Path file = folder.resolve("calls.jsonl");

    fake.writeJsonl(file);

    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals(2, lines.size());
    JsonObject post = JsonParser.parseString(lines.get(1)).getAsJsonObject();
    assertEquals(Set.of("method", "contentType", "authorization", "body"), post.keySet());
    assertEquals("chat.postMessage", post.get("method").getAsString());
    assertEquals("application/x-www-form-urlencoded", post.get("contentType").getAsString());
    assertEquals("Bearer " + RealSlackClient.TOKEN, post.get("authorization").getAsString());
    assertEquals(fake.calls().get(1).body(), post.get("body").getAsString());
  }

  @Test
  void reset_forgets_calls_users_messages_files_and_failures() throws Exception {
    client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("before"));
    fake.failNext("chat.postMessage", 5, Failure.slackError("channel_not_found"));
    fake.addUser(FakeUser.of("U0ALICE01").withTimeZone(ZoneId.of("Asia/Tokyo")));

    fake.reset();

    var posted = client.methods.chatPostMessage(r -> r.channel(CHANNEL).text("after"));
    var alice = client.methods.usersInfo(r -> r.user("U0ALICE01"));
    assertTrue(posted.isOk(), posted.toString());
    assertEquals("Europe/Berlin", alice.getUser().getTz());
    assertEquals(
        List.of("chat.postMessage", "users.info"),
        fake.calls().stream().map(RecordedCall::method).toList());
    assertTrue(fake.uploads().isEmpty());
  }

  private HttpResponse<String> post(
      String method, String contentType, String body, boolean withToken) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + method))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (withToken) {
      request.header("Authorization", "Bearer " + RealSlackClient.TOKEN);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
