package dev.specbot.slack.fake;

import static dev.specbot.slack.fake.FakeSlackWebApi.BOT_USER_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_DOMAIN;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_ID;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.specbot.slack.fake.Messages.Message;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Slack's JSON objects (users, conversations, messages, answers) with the fields its spec requires.
 */
final class SlackObjects {
  private SlackObjects() {}

  static JsonObject error(String error) {
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", false);
    answer.addProperty("error", error);
    return answer;
  }

  static JsonObject ok() {
    JsonObject answer = new JsonObject();
    answer.addProperty("ok", true);
    return answer;
  }

  static JsonObject user(FakeUser user, Instant now) {
    boolean isBot = user.id().equals(BOT_USER_ID);
    JsonObject profile = new JsonObject();
    profile.addProperty("real_name", user.realName());
    profile.addProperty("real_name_normalized", user.realName());
    profile.addProperty("display_name", user.displayName());
    profile.addProperty("display_name_normalized", user.displayName());
    profile.addProperty("email", user.email());
    profile.addProperty("avatar_hash", "g0000000000");
    profile.addProperty("title", "");
    profile.addProperty("phone", "");
    profile.addProperty("skype", "");
    profile.addProperty("status_text", "");
    profile.addProperty("status_emoji", "");
    profile.add("fields", new JsonObject());
    profile.addProperty("team", TEAM_ID);
    JsonObject json = new JsonObject();
    json.addProperty("id", user.id());
    json.addProperty("team_id", TEAM_ID);
    json.addProperty("name", user.name());
    json.addProperty("deleted", false);
    json.addProperty("color", "9f69e7");
    json.addProperty("real_name", user.realName());
    ZoneId zone = user.timeZone();
    json.addProperty("tz", zone.getId());
    json.addProperty("tz_label", zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    // The offset today, as Slack reports it: it changes with daylight saving time.
    json.addProperty("tz_offset", zone.getRules().getOffset(now).getTotalSeconds());
    json.add("profile", profile);
    json.addProperty("is_admin", false);
    json.addProperty("is_owner", false);
    json.addProperty("is_primary_owner", false);
    json.addProperty("is_restricted", false);
    json.addProperty("is_ultra_restricted", false);
    json.addProperty("is_bot", isBot);
    json.addProperty("is_app_user", false);
    json.addProperty("updated", now.getEpochSecond());
    return json;
  }

  static JsonObject message(Message message, String parentUser) {
    return message(message, parentUser, false);
  }

  /** A message; its metadata only when asked for, as with Slack's include_all_metadata. */
  static JsonObject message(Message message, String parentUser, boolean withMetadata) {
    JsonObject json = new JsonObject();
    json.addProperty("type", "message");
    json.addProperty("text", message.text());
    json.addProperty("user", message.user());
    if (message.botId() != null) {
      json.addProperty("bot_id", message.botId());
    }
    json.addProperty("team", TEAM_ID);
    json.addProperty("ts", message.ts());
    if (message.threadTs() != null) {
      json.addProperty("thread_ts", message.threadTs());
      if (parentUser != null) {
        json.addProperty("parent_user_id", parentUser);
      }
    }
    if (message.blocks() != null) {
      json.add("blocks", JsonParser.parseString(message.blocks()));
    }
    if (withMetadata && message.metadata() != null) {
      json.add("metadata", JsonParser.parseString(message.metadata()));
    }
    return json;
  }

  static JsonObject channel(String id, Instant now) {
    String name = id.toLowerCase(Locale.ROOT);
    JsonObject channel = new JsonObject();
    channel.addProperty("id", id);
    channel.addProperty("name", name);
    channel.addProperty("name_normalized", name);
    channel.addProperty("created", now.getEpochSecond());
    channel.addProperty("creator", BOT_USER_ID);
    channel.addProperty("is_channel", !id.startsWith("G"));
    channel.addProperty("is_group", id.startsWith("G"));
    channel.addProperty("is_im", false);
    channel.addProperty("is_mpim", false);
    channel.addProperty("is_private", id.startsWith("G"));
    channel.addProperty("is_archived", false);
    channel.addProperty("is_general", false);
    channel.addProperty("is_shared", false);
    channel.addProperty("is_org_shared", false);
    channel.addProperty("is_member", true);
    channel.add("topic", topic());
    channel.add("purpose", topic());
    return channel;
  }

  static JsonObject directMessage(String id, Instant now) {
    JsonObject channel = new JsonObject();
    channel.addProperty("id", id);
    channel.addProperty("created", now.getEpochSecond());
    channel.addProperty("is_im", true);
    channel.addProperty("is_org_shared", false);
    channel.addProperty("user", id.substring(1));
    channel.addProperty("priority", 0);
    return channel;
  }

  /**
   * A file the bot uploaded, as files.info describes it: where it is shared both as the id lists
   * ({@code channels}, {@code groups}, {@code ims}) and as {@code shares}, public channels under
   * "public", private ones and DMs under "private", each with the messages that share it.
   */
  static JsonObject file(String id, Uploads uploads, List<FileShare> shares) {
    long created = uploads.reservedAt(id).getEpochSecond();
    String url = "https://files.slack.com/files-pri/" + TEAM_ID + "-" + id + "/";
    String name = uploads.filename(id);
    JsonObject file = new JsonObject();
    file.addProperty("id", id);
    file.addProperty("created", created);
    file.addProperty("timestamp", created);
    file.addProperty("name", name);
    file.addProperty("title", uploads.title(id));
    file.addProperty("mimetype", "text/plain");
    file.addProperty("filetype", "text");
    file.addProperty("pretty_type", "Plain Text");
    file.addProperty("user", BOT_USER_ID);
    file.addProperty("editable", false);
    file.addProperty("size", uploads.size(id));
    file.addProperty("mode", "hosted");
    file.addProperty("is_external", false);
    file.addProperty("external_type", "");
    file.addProperty("is_public", shares.stream().anyMatch(share -> isPublic(share.channel())));
    file.addProperty("public_url_shared", false);
    file.addProperty("display_as_bot", false);
    file.addProperty("username", "");
    file.addProperty("url_private", url + name);
    file.addProperty("url_private_download", url + "download/" + name);
    file.addProperty(
        "permalink",
        "https://" + TEAM_DOMAIN + ".slack.com/files/" + BOT_USER_ID + "/" + id + "/" + name);
    file.add("channels", ids(shares, "C"));
    file.add("groups", ids(shares, "G"));
    file.add("ims", ids(shares, "D"));
    file.addProperty("comments_count", 0);
    if (!shares.isEmpty()) {
      file.add("shares", shares(shares));
    }
    return file;
  }

  private static boolean isPublic(String channel) {
    return channel.startsWith("C");
  }

  private static JsonArray ids(List<FileShare> shares, String prefix) {
    Set<String> ids = new LinkedHashSet<>();
    shares.stream()
        .map(FileShare::channel)
        .filter(channel -> channel.startsWith(prefix))
        .forEach(ids::add);
    JsonArray array = new JsonArray();
    ids.forEach(array::add);
    return array;
  }

  private static JsonObject shares(List<FileShare> shares) {
    JsonObject visibility = new JsonObject();
    for (FileShare share : shares) {
      String kind = isPublic(share.channel()) ? "public" : "private";
      if (!visibility.has(kind)) {
        visibility.add(kind, new JsonObject());
      }
      JsonObject channels = visibility.getAsJsonObject(kind);
      if (!channels.has(share.channel())) {
        channels.add(share.channel(), new JsonArray());
      }
      JsonObject detail = new JsonObject();
      detail.add("reply_users", new JsonArray());
      detail.addProperty("reply_users_count", 0);
      detail.addProperty("reply_count", 0);
      detail.addProperty("ts", share.ts());
      if (share.threadTs() != null) {
        detail.addProperty("thread_ts", share.threadTs());
      }
      detail.addProperty("channel_name", share.channel().toLowerCase(Locale.ROOT));
      detail.addProperty("team_id", TEAM_ID);
      detail.addProperty("share_user_id", BOT_USER_ID);
      channels.getAsJsonArray(share.channel()).add(detail);
    }
    return visibility;
  }

  private static JsonObject topic() {
    JsonObject topic = new JsonObject();
    topic.addProperty("value", "");
    topic.addProperty("creator", "");
    topic.addProperty("last_set", 0);
    return topic;
  }
}
