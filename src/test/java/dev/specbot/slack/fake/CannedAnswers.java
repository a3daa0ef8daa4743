package dev.specbot.slack.fake;

import static dev.specbot.slack.fake.FakeSlackWebApi.APP_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.BOT_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.BOT_USER_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_DOMAIN;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_ID;
import static dev.specbot.slack.fake.SlackObjects.error;
import static dev.specbot.slack.fake.SlackObjects.ok;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.slack.fake.Messages.Message;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fake answers each Web API method, shaped as Slack's spec describes the response, and the
 * workspace state those answers read and change. Not thread-safe: the fake calls it under its lock.
 */
final class CannedAnswers {
  /** The first ts handed out; later ones grow by {@link #TS_STEP_MICROS}. */
  private static final long FIRST_TS_MICROS = 1_763_600_000_000_100L;

  private static final long TS_STEP_MICROS = 100;

  private final Clock clock;
  private final String uploadUrlPrefix;
  private final Messages messages = new Messages();
  private final Uploads uploads = new Uploads();
  private final Map<String, FakeUser> users = new HashMap<>();
  // The texts of the ephemeral messages each user was shown, in order.
  private final Map<String, List<String>> ephemerals = new HashMap<>();
  private long tsMicros = FIRST_TS_MICROS - TS_STEP_MICROS;

  /** Slack's time for the call being answered, when the model stamps time; else 0. */
  private long stampMicros;

  private long lastId;
  private String socketModeUrl;

  CannedAnswers(Clock clock, String uploadUrlPrefix) {
    this.clock = clock;
    this.uploadUrlPrefix = uploadUrlPrefix;
  }

  JsonObject answer(String method, Map<String, String> params) {
    return switch (method) {
      case "auth.test" -> authTest();
      case "apps.connections.open" -> connectionsOpen();
      case "chat.postMessage" -> postMessage(params);
      case "chat.update" -> update(params);
      case "chat.postEphemeral" -> postEphemeral(params);
      case "chat.getPermalink" -> permalink(params);
      case "views.open" -> openView(params);
      case "views.update" -> updateView(params);
      case "views.publish" -> publishView(params);
      case "conversations.join", "conversations.info" -> conversation(params);
      case "conversations.open" -> openConversation(params);
      case "conversations.replies" -> replies(params);
      case "conversations.history" -> history(params);
      case "users.info" -> userInfo(params);
      case "files.getUploadURLExternal" -> uploadUrl(params);
      case "files.completeUploadExternal" -> completeUpload(params);
      case "files.info" -> fileInfo(params);
      default -> error("unknown_method");
    };
  }

  Messages messages() {
    return messages;
  }

  Uploads uploads() {
    return uploads;
  }

  List<String> ephemeralsShownTo(String user) {
    return List.copyOf(ephemerals.getOrDefault(user, List.of()));
  }

  void useSocketMode(String url) {
    socketModeUrl = url;
  }

  /** An app whose Socket Mode is off gets the error Slack gives it. */
  private JsonObject connectionsOpen() {
    if (socketModeUrl == null) {
      return error("socket_mode_not_enabled");
    }
    JsonObject answer = ok();
    answer.addProperty("url", socketModeUrl);
    return answer;
  }

  void addUser(FakeUser user) {
    users.put(user.id(), user);
  }

  /** Records a message a person wrote, so that conversations.replies returns it; gives its ts. */
  String addUserMessage(String channel, String threadTs, String user, String text) {
    String ts = nextTs();
    messages.add(new Message(channel, ts, threadTs, user, null, text, null, null));
    return ts;
  }

  /** The next ts is at least {@code micros} since the epoch: Slack's time when the call came. */
  void stampAt(long micros) {
    stampMicros = micros;
  }

  void advanceTs(Duration later) {
    tsMicros += later.toNanos() / 1000;
  }

  void clear() {
    messages.clear();
    uploads.clear();
    users.clear();
    ephemerals.clear();
  }

  private static JsonObject authTest() {
    JsonObject answer = ok();
    answer.addProperty("url", "https://" + TEAM_DOMAIN + ".slack.com/");
    answer.addProperty("team", "Example Workspace");
    answer.addProperty("user", "specbot");
    answer.addProperty("team_id", TEAM_ID);
    answer.addProperty("user_id", BOT_USER_ID);
    answer.addProperty("bot_id", BOT_ID);
    answer.addProperty("is_enterprise_install", false);
    return answer;
  }

  private JsonObject postMessage(Map<String, String> params) {
    String channel = params.get("channel");
    if (channel == null || channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (!params.containsKey("text")
        && !params.containsKey("blocks")
        && !params.containsKey("attachments")) {
      return error("no_text");
    }
    Optional<JsonArray> blocks = blocks(params);
    if (params.containsKey("blocks") && blocks.isEmpty()) {
      return error("invalid_blocks");
    }
    String threadTs = params.get("thread_ts");
    // Posting to a user id writes in the app's DM with them, whose id Slack gives back.
    if (channel.startsWith("U") || channel.startsWith("W")) {
      channel = "D" + channel;
    }
    Message posted =
        new Message(
            channel,
            nextTs(),
            threadTs,
            BOT_USER_ID,
            BOT_ID,
            params.getOrDefault("text", ""),
            params.get("blocks"),
            params.get("metadata"));
    messages.add(posted);
    JsonObject answer = ok();
    answer.addProperty("channel", channel);
    answer.addProperty("ts", posted.ts());
    answer.add("message", SlackObjects.message(posted, parentUser(channel, threadTs)));
    return answer;
  }

  private JsonObject update(Map<String, String> params) {
    String channel = params.get("channel");
    String ts = params.get("ts");
    if (channel == null || channel.isEmpty()) {
      return error("channel_not_found");
    }
    Optional<JsonArray> blocks = blocks(params);
    if (params.containsKey("blocks") && blocks.isEmpty()) {
      return error("invalid_blocks");
    }
    String text = params.getOrDefault("text", "");
    // Slack only edits messages that exist; a wrong ts is a bug worth failing on.
    if (ts == null || !messages.update(channel, ts, text, params.get("blocks"))) {
      return error("message_not_found");
    }
    JsonObject answer = ok();
    answer.addProperty("channel", channel);
    answer.addProperty("ts", ts);
    answer.addProperty("text", text);
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("text", text);
    message.addProperty("user", BOT_USER_ID);
    message.addProperty("bot_id", BOT_ID);
    blocks.ifPresent(array -> message.add("blocks", array));
    answer.add("message", message);
    return answer;
  }

  private JsonObject postEphemeral(Map<String, String> params) {
    if (params.getOrDefault("channel", "").isEmpty()) {
      return error("channel_not_found");
    }
    if (params.getOrDefault("user", "").isEmpty()) {
      return error("user_not_found");
    }
    if (!params.containsKey("text")
        && !params.containsKey("blocks")
        && !params.containsKey("attachments")) {
      return error("no_text");
    }
    ephemerals
        .computeIfAbsent(params.get("user"), user -> new ArrayList<>())
        .add(params.getOrDefault("text", ""));
    JsonObject answer = ok();
    answer.addProperty("message_ts", nextTs());
    return answer;
  }

  private static JsonObject permalink(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    String ts = params.getOrDefault("message_ts", "");
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (ts.isEmpty()) {
      return error("message_not_found");
    }
    JsonObject answer = ok();
    answer.addProperty("channel", channel);
    answer.addProperty(
        "permalink",
        "https://" + TEAM_DOMAIN + ".slack.com/archives/" + channel + "/p" + ts.replace(".", ""));
    return answer;
  }

  private JsonObject openView(Map<String, String> params) {
    if (params.getOrDefault("trigger_id", "").isEmpty()) {
      return error("invalid_arguments");
    }
    return view(params, nextId("V"));
  }

  private JsonObject updateView(Map<String, String> params) {
    String id = params.getOrDefault("view_id", "");
    if (id.isEmpty() && params.getOrDefault("external_id", "").isEmpty()) {
      return error("invalid_arguments");
    }
    return view(params, id.isEmpty() ? nextId("V") : id);
  }

  /**
   * A Home tab: Slack refuses one without a user, or a view that is not a home within its 100
   * blocks.
   */
  private JsonObject publishView(Map<String, String> params) {
    if (params.getOrDefault("user_id", "").isEmpty()) {
      return error("invalid_arguments");
    }
    JsonObject view;
    try {
      view = JsonParser.parseString(params.getOrDefault("view", "")).getAsJsonObject();
    } catch (RuntimeException e) {
      return error("invalid_arguments");
    }
    boolean home = view.has("type") && view.get("type").getAsString().equals("home");
    if (!home || !view.has("blocks") || view.getAsJsonArray("blocks").size() > 100) {
      return error("invalid_arguments");
    }
    return view(params, nextId("V"));
  }

  /** The view as Slack hands it back: what the app sent, plus the fields Slack fills in. */
  private JsonObject view(Map<String, String> params, String id) {
    JsonObject view;
    try {
      view = JsonParser.parseString(params.getOrDefault("view", "")).getAsJsonObject();
    } catch (RuntimeException e) {
      return error("invalid_arguments");
    }
    view.addProperty("id", id);
    view.addProperty("team_id", TEAM_ID);
    if (!view.has("private_metadata")) {
      view.addProperty("private_metadata", "");
    }
    if (!view.has("callback_id")) {
      view.addProperty("callback_id", "");
    }
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    view.add("state", state);
    view.addProperty("hash", nextTs() + ".fakehash");
    view.addProperty("root_view_id", id);
    view.addProperty("app_id", APP_ID);
    view.addProperty("bot_id", BOT_ID);
    JsonObject answer = ok();
    answer.add("view", view);
    return answer;
  }

  private JsonObject conversation(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    JsonObject answer = ok();
    answer.add(
        "channel",
        channel.startsWith("D")
            ? SlackObjects.directMessage(channel, clock.instant())
            : SlackObjects.channel(channel, clock.instant()));
    return answer;
  }

  private static JsonObject openConversation(Map<String, String> params) {
    String users = params.getOrDefault("users", "");
    String channel = params.getOrDefault("channel", "");
    if (users.isEmpty() && channel.isEmpty()) {
      return error("users_list_not_supplied");
    }
    // A DM's id is "D" + the user's id here, so that a test can predict where the bot writes.
    String id = channel.isEmpty() ? "D" + users.replace(",", "") : channel;
    JsonObject opened = new JsonObject();
    opened.addProperty("id", id);
    JsonObject answer = ok();
    answer.add("channel", opened);
    return answer;
  }

  private JsonObject replies(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    String threadTs = params.getOrDefault("ts", "");
    List<Message> thread = messages.thread(channel, threadTs);
    if (thread.isEmpty()) {
      return error("thread_not_found");
    }
    Optional<Message> parent = messages.find(channel, threadTs);
    List<Message> replies = thread.stream().filter(m -> threadTs.equals(m.threadTs())).toList();
    boolean metadata =
        Set.of("true", "1").contains(params.getOrDefault("include_all_metadata", ""));
    JsonArray json = new JsonArray();
    for (Message message : thread) {
      JsonObject item =
          SlackObjects.message(message, parent.map(Message::user).orElse(null), metadata);
      if (message.ts().equals(threadTs)) {
        item.addProperty("thread_ts", threadTs);
        item.addProperty("reply_count", replies.size());
        item.addProperty("subscribed", false);
        if (!replies.isEmpty()) {
          item.addProperty("latest_reply", replies.get(replies.size() - 1).ts());
        }
      }
      json.add(item);
    }
    JsonObject answer = ok();
    answer.add("messages", json);
    answer.addProperty("has_more", false);
    return answer;
  }

  /** A channel's latest top-level messages, newest first (one page is all the fake gives). */
  private JsonObject history(Map<String, String> params) {
    String channel = params.getOrDefault("channel", "");
    boolean metadata =
        Set.of("true", "1").contains(params.getOrDefault("include_all_metadata", ""));
    int limit = Integer.parseInt(params.getOrDefault("limit", "100"));
    JsonArray json = new JsonArray();
    messages.history(channel).stream()
        .limit(limit)
        .forEach(message -> json.add(SlackObjects.message(message, null, metadata)));
    JsonObject answer = ok();
    answer.add("messages", json);
    answer.addProperty("has_more", false);
    return answer;
  }

  private JsonObject userInfo(Map<String, String> params) {
    String id = params.getOrDefault("user", "");
    if (id.isEmpty()) {
      return error("user_not_found");
    }
    JsonObject answer = ok();
    answer.add("user", SlackObjects.user(users.getOrDefault(id, FakeUser.of(id)), clock.instant()));
    return answer;
  }

  private JsonObject uploadUrl(Map<String, String> params) {
    String filename = params.getOrDefault("filename", "");
    if (filename.isEmpty() || params.getOrDefault("length", "").isEmpty()) {
      return error("invalid_arguments");
    }
    String fileId = nextId("F");
    uploads.reserve(fileId, filename, clock.instant());
    JsonObject answer = ok();
    answer.addProperty("upload_url", uploadUrlPrefix + fileId);
    answer.addProperty("file_id", fileId);
    return answer;
  }

  private JsonObject completeUpload(Map<String, String> params) {
    JsonArray requested;
    try {
      requested = JsonParser.parseString(params.getOrDefault("files", "")).getAsJsonArray();
    } catch (RuntimeException e) {
      return error("invalid_arguments");
    }
    JsonArray files = new JsonArray();
    List<String> ids = new ArrayList<>();
    for (JsonElement element : requested) {
      JsonObject file = element.getAsJsonObject();
      String id = file.has("id") ? file.get("id").getAsString() : "";
      if (!uploads.isReserved(id)) {
        return error("file_not_found");
      }
      ids.add(id);
    }
    for (JsonElement element : requested) {
      JsonObject file = element.getAsJsonObject();
      String id = file.get("id").getAsString();
      String title = file.has("title") ? file.get("title").getAsString() : uploads.filename(id);
      uploads.complete(id, title);
      JsonObject done = new JsonObject();
      done.addProperty("id", id);
      done.addProperty("title", title);
      done.addProperty("name", uploads.filename(id));
      done.addProperty("user", BOT_USER_ID);
      files.add(done);
    }
    String channel = params.getOrDefault("channel_id", "");
    if (!channel.isEmpty()) {
      // A file completed again is shared again: the worst Slack could do, so a test sees it.
      uploads.shareWhenDue(
          () ->
              share(
                  ids,
                  channel,
                  params.get("thread_ts"),
                  params.getOrDefault("initial_comment", "")));
    }
    JsonObject answer = ok();
    answer.add("files", files);
    return answer;
  }

  /** Slack posts the shared files as a message from the bot, in the channel or thread asked for. */
  private void share(List<String> fileIds, String channel, String threadTs, String comment) {
    String ts = nextTs();
    messages.add(new Message(channel, ts, threadTs, BOT_USER_ID, BOT_ID, comment, null, null));
    for (String fileId : fileIds) {
      uploads.addShare(new FileShare(fileId, uploads.title(fileId), channel, ts, threadTs));
    }
  }

  /** A file exists (for files.info) once its upload is completed, shared or not. */
  private JsonObject fileInfo(Map<String, String> params) {
    String id = params.getOrDefault("file", "");
    if (uploads.isDeleted(id)) {
      return error("file_deleted");
    }
    if (!uploads.isCompleted(id)) {
      return error("file_not_found");
    }
    JsonObject answer = ok();
    answer.add("file", SlackObjects.file(id, uploads, uploads.sharesOf(id)));
    answer.add("comments", new JsonArray());
    JsonObject metadata = new JsonObject();
    metadata.addProperty("next_cursor", "");
    answer.add("response_metadata", metadata);
    return answer;
  }

  private String parentUser(String channel, String threadTs) {
    return threadTs == null
        ? null
        : messages.find(channel, threadTs).map(Message::user).orElse(null);
  }

  /** The blocks parameter as JSON, or empty if absent or not a JSON array. */
  private static Optional<JsonArray> blocks(Map<String, String> params) {
    String blocks = params.get("blocks");
    if (blocks == null) {
      return Optional.empty();
    }
    try {
      JsonElement parsed = JsonParser.parseString(blocks);
      return parsed.isJsonArray() ? Optional.of(parsed.getAsJsonArray()) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A fresh ts, later than every one before: Slack's ts orders the messages of a channel. */
  private String nextTs() {
    tsMicros = Math.max(tsMicros + TS_STEP_MICROS, stampMicros);
    return String.format(Locale.ROOT, "%d.%06d", tsMicros / 1_000_000, tsMicros % 1_000_000);
  }

  private String nextId(String prefix) {
    lastId++;
    return String.format(Locale.ROOT, "%s0FAKE%05d", prefix, lastId);
  }
}
