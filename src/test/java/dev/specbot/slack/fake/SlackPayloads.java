package dev.specbot.slack.fake;

import static dev.specbot.slack.fake.FakeSlackWebApi.APP_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.BOT_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.BOT_USER_ID;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_DOMAIN;
import static dev.specbot.slack.fake.FakeSlackWebApi.TEAM_ID;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bodies Slack sends an app, field for field as in Slack's real payloads (see the reference
 * samples): slash command forms, Events API envelopes and interactivity payloads.
 */
final class SlackPayloads {
  /** The deprecated verification token Slack still puts in every payload. */
  private static final String VERIFICATION_TOKEN = "fake-verification-token";

  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private SlackPayloads() {}

  /** A slash command, as the form Slack posts when someone types {@code /command text}. */
  static String slashCommand(
      String command, String text, String userId, String channelId, String triggerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", VERIFICATION_TOKEN);
    form.put("team_id", TEAM_ID);
    form.put("team_domain", TEAM_DOMAIN);
    form.put("channel_id", channelId);
    form.put("channel_name", channelName(channelId));
    form.put("user_id", userId);
    form.put("user_name", userName(userId));
    form.put("command", command);
    form.put("text", text);
    form.put("api_app_id", APP_ID);
    form.put("is_enterprise_install", "false");
    form.put("response_url", "https://hooks.slack.com/commands/" + TEAM_ID + "/1/fake");
    form.put("trigger_id", triggerId);
    return form(form);
  }

  /**
   * The echo of a message this app posted (in a thread, or the channel if {@code threadTs} is
   * null): no subtype, but {@code bot_id} and {@code bot_profile}, as Slack sends an app's own
   * messages back to it.
   */
  static JsonObject botMessage(String channelId, String threadTs, String text, String ts) {
    JsonObject event = new JsonObject();
    event.addProperty("bot_id", BOT_ID);
    event.addProperty("type", "message");
    event.addProperty("text", text);
    event.addProperty("user", BOT_USER_ID);
    event.addProperty("ts", ts);
    event.addProperty("app_id", APP_ID);
    event.addProperty("team", TEAM_ID);
    event.add("bot_profile", botProfile());
    inThread(event, threadTs);
    placed(event, channelId, ts);
    return event;
  }

  /** A message from a classic bot or an incoming webhook: subtype {@code bot_message}. */
  static JsonObject classicBotMessage(
      String channelId, String threadTs, String botId, String text, String ts) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("subtype", "bot_message");
    event.addProperty("text", text);
    event.addProperty("ts", ts);
    event.addProperty("username", "classic-bot");
    event.addProperty("bot_id", botId);
    if (threadTs != null) {
      event.addProperty("thread_ts", threadTs);
    }
    placed(event, channelId, ts);
    return event;
  }

  /**
   * A person edited their message {@code messageTs} (in a thread, or the channel if {@code
   * threadTs} is null) from {@code oldText} to {@code newText}.
   */
  static JsonObject messageChanged(
      String channelId,
      String threadTs,
      String userId,
      String messageTs,
      String oldText,
      String newText,
      String eventTs) {
    JsonObject message = userMessageBody(userId, newText, messageTs, threadTs);
    JsonObject edited = new JsonObject();
    edited.addProperty("user", userId);
    edited.addProperty("ts", eventTs);
    message.add("edited", edited);
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("subtype", "message_changed");
    event.addProperty("hidden", true);
    event.add("message", message);
    event.add("previous_message", userMessageBody(userId, oldText, messageTs, threadTs));
    placed(event, channelId, eventTs);
    return event;
  }

  /** A person deleted their message {@code messageTs} that read {@code oldText}. */
  static JsonObject messageDeleted(
      String channelId,
      String threadTs,
      String userId,
      String messageTs,
      String oldText,
      String eventTs) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("subtype", "message_deleted");
    event.addProperty("hidden", true);
    event.addProperty("deleted_ts", messageTs);
    event.add("previous_message", userMessageBody(userId, oldText, messageTs, threadTs));
    placed(event, channelId, eventTs);
    return event;
  }

  /** Any Events API event, in the {@code event_callback} envelope Slack wraps it in. */
  static String envelope(String eventId, JsonObject event, long eventTime) {
    JsonObject envelope = new JsonObject();
    envelope.addProperty("token", VERIFICATION_TOKEN);
    envelope.addProperty("team_id", TEAM_ID);
    envelope.addProperty("api_app_id", APP_ID);
    envelope.add("event", event);
    envelope.addProperty("type", "event_callback");
    envelope.addProperty("event_id", eventId);
    envelope.addProperty("event_time", eventTime);
    JsonObject authorization = new JsonObject();
    authorization.addProperty("team_id", TEAM_ID);
    authorization.addProperty("user_id", BOT_USER_ID);
    authorization.addProperty("is_bot", true);
    authorization.addProperty("is_enterprise_install", false);
    JsonArray authorizations = new JsonArray();
    authorizations.add(authorization);
    envelope.add("authorizations", authorizations);
    envelope.addProperty("is_ext_shared_channel", false);
    if (event.has("channel") && event.has("type")) {
      envelope.addProperty(
          "event_context",
          "1-"
              + event.get("type").getAsString()
              + "-"
              + TEAM_ID
              + "-"
              + event.get("channel").getAsString());
    }
    return GSON.toJson(envelope);
  }

  /** A click on a button in a message the bot posted (in a thread if {@code threadTs} is set). */
  static String blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String actionId,
      String value,
      String triggerId,
      String actionTs) {
    return blockAction(
        userId, channelId, messageTs, threadTs, actionId, value, triggerId, actionTs, Map.of());
  }

  /**
   * A button pressed in a message whose inputs hold {@code stateValues}: block id to action id to
   * the element's state, e.g. {@code {"when": {"date": {"type": "datepicker", "selected_date":
   * "2026-11-24"}}}}.
   */
  static String blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String actionId,
      String value,
      String triggerId,
      String actionTs,
      Map<String, Map<String, Object>> stateValues) {
    return blockAction(
        userId,
        channelId,
        messageTs,
        threadTs,
        triggerId,
        button(actionId, value, actionTs),
        stateValues);
  }

  /**
   * A person picked in a {@code users_select} of a message the bot posted: the picker's block id
   * and the user chosen, as Slack sends the choice at once.
   */
  static String userPicked(
      String userId,
      String channelId,
      String messageTs,
      String blockId,
      String actionId,
      String selectedUser,
      String actionTs) {
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", blockId);
    action.addProperty("selected_user", selectedUser);
    action.addProperty("type", "users_select");
    action.addProperty("action_ts", actionTs);
    return blockAction(userId, channelId, messageTs, null, "trig-picked", action, Map.of());
  }

  private static String blockAction(
      String userId,
      String channelId,
      String messageTs,
      String threadTs,
      String triggerId,
      JsonObject action,
      Map<String, Map<String, Object>> stateValues) {
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    container.addProperty("message_ts", messageTs);
    container.addProperty("channel_id", channelId);
    container.addProperty("is_ephemeral", false);
    if (threadTs != null) {
      container.addProperty("thread_ts", threadTs);
    }
    JsonObject channel = new JsonObject();
    channel.addProperty("id", channelId);
    channel.addProperty("name", channelName(channelId));
    JsonObject message = new JsonObject();
    message.addProperty("user", BOT_USER_ID);
    message.addProperty("type", "message");
    message.addProperty("ts", messageTs);
    message.addProperty("bot_id", BOT_ID);
    message.addProperty("app_id", APP_ID);
    message.addProperty("text", "");
    message.addProperty("team", TEAM_ID);
    if (threadTs != null) {
      message.addProperty("thread_ts", threadTs);
    }
    message.add("blocks", new JsonArray());
    JsonObject state = new JsonObject();
    state.add("values", GSON.toJsonTree(stateValues));
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("user", user(userId));
    payload.addProperty("api_app_id", APP_ID);
    payload.addProperty("token", VERIFICATION_TOKEN);
    payload.add("container", container);
    payload.addProperty("trigger_id", triggerId);
    payload.add("team", team());
    payload.addProperty("is_enterprise_install", false);
    payload.add("channel", channel);
    payload.add("message", message);
    payload.add("state", state);
    payload.addProperty("response_url", "https://hooks.slack.com/actions/" + TEAM_ID + "/1/fake");
    JsonArray actions = new JsonArray();
    actions.add(action);
    payload.add("actions", actions);
    return payloadForm(payload);
  }

  /** A person opened one of the app's tabs ({@code home}, {@code messages} or {@code about}). */
  static JsonObject appHomeOpened(String userId, String tab, String eventTs) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", userId);
    event.addProperty("channel", "D" + userId);
    event.addProperty("tab", tab);
    event.addProperty("event_ts", eventTs);
    return event;
  }

  /**
   * A button pressed on the Home tab: its container is the home view, with no channel or message.
   */
  static String homeBlockAction(
      String userId, String actionId, String value, String triggerId, String actionTs) {
    JsonObject container = new JsonObject();
    container.addProperty("type", "view");
    container.addProperty("view_id", "V0FAKEHOME");
    JsonObject view = new JsonObject();
    view.addProperty("id", "V0FAKEHOME");
    view.addProperty("team_id", TEAM_ID);
    view.addProperty("type", "home");
    view.add("blocks", new JsonArray());
    view.addProperty("private_metadata", "");
    view.addProperty("callback_id", "");
    JsonObject state = new JsonObject();
    state.add("values", new JsonObject());
    view.add("state", state);
    view.addProperty("hash", actionTs + ".fakehash");
    view.addProperty("app_id", APP_ID);
    view.addProperty("bot_id", BOT_ID);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("user", user(userId));
    payload.addProperty("api_app_id", APP_ID);
    payload.addProperty("token", VERIFICATION_TOKEN);
    payload.add("container", container);
    payload.addProperty("trigger_id", triggerId);
    payload.add("team", team());
    payload.addProperty("is_enterprise_install", false);
    payload.add("view", view);
    JsonArray actions = new JsonArray();
    actions.add(button(actionId, value, actionTs));
    payload.add("actions", actions);
    return payloadForm(payload);
  }

  /**
   * A modal submitted: {@code stateValues} maps block id to action id to the element's state, e.g.
   * {@code {"template": {"template": {"type": "static_select", "selected_option": {...}}}}}.
   */
  static String viewSubmission(
      String userId,
      String callbackId,
      String privateMetadata,
      Map<String, Map<String, Object>> stateValues,
      String hash) {
    JsonObject state = new JsonObject();
    state.add("values", GSON.toJsonTree(stateValues));
    JsonObject view = new JsonObject();
    view.addProperty("id", "V0FAKEVIEW");
    view.addProperty("team_id", TEAM_ID);
    view.addProperty("type", "modal");
    view.add("blocks", new JsonArray());
    view.addProperty("private_metadata", privateMetadata);
    view.addProperty("callback_id", callbackId);
    view.add("state", state);
    view.addProperty("hash", hash);
    view.add("title", plainText("specbot"));
    view.addProperty("clear_on_close", false);
    view.addProperty("notify_on_close", false);
    view.addProperty("root_view_id", "V0FAKEVIEW");
    view.addProperty("app_id", APP_ID);
    view.addProperty("external_id", "");
    view.addProperty("app_installed_team_id", TEAM_ID);
    view.addProperty("bot_id", BOT_ID);
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "view_submission");
    payload.add("team", team());
    payload.add("user", user(userId));
    payload.addProperty("api_app_id", APP_ID);
    payload.addProperty("token", VERIFICATION_TOKEN);
    payload.addProperty("trigger_id", "1.2." + UUID.randomUUID().toString().replace("-", ""));
    payload.add("view", view);
    payload.add("response_urls", new JsonArray());
    payload.addProperty("is_enterprise_install", false);
    return payloadForm(payload);
  }

  static JsonObject userMessage(
      String channelId, String threadTs, String userId, String text, String ts) {
    JsonObject event = userMessageBody(userId, text, ts, threadTs);
    placed(event, channelId, ts);
    return event;
  }

  /** The fields a person's message carries, in an event or as a previous_message. */
  private static JsonObject userMessageBody(
      String userId, String text, String ts, String threadTs) {
    JsonObject message = new JsonObject();
    message.addProperty(
        "client_msg_id",
        UUID.nameUUIDFromBytes((userId + ts).getBytes(StandardCharsets.UTF_8)).toString());
    message.addProperty("type", "message");
    message.addProperty("text", text);
    message.addProperty("user", userId);
    message.addProperty("ts", ts);
    message.addProperty("team", TEAM_ID);
    message.add("blocks", richText(text));
    inThread(message, threadTs);
    return message;
  }

  /** Slack's threads here are the bot's: it posts the parent of every interview thread. */
  private static void inThread(JsonObject message, String threadTs) {
    if (threadTs != null) {
      message.addProperty("thread_ts", threadTs);
      message.addProperty("parent_user_id", BOT_USER_ID);
    }
  }

  private static void placed(JsonObject event, String channelId, String eventTs) {
    event.addProperty("channel", channelId);
    event.addProperty("ts", event.has("ts") ? event.get("ts").getAsString() : eventTs);
    event.addProperty("event_ts", eventTs);
    event.addProperty("channel_type", channelType(channelId));
  }

  private static String channelType(String channelId) {
    if (channelId.startsWith("D")) {
      return "im";
    }
    return channelId.startsWith("G") ? "group" : "channel";
  }

  /** The rich_text block Slack's clients attach to what a person types. */
  private static JsonArray richText(String text) {
    JsonObject words = new JsonObject();
    words.addProperty("type", "text");
    words.addProperty("text", text);
    JsonArray sectionElements = new JsonArray();
    sectionElements.add(words);
    JsonObject section = new JsonObject();
    section.addProperty("type", "rich_text_section");
    section.add("elements", sectionElements);
    JsonArray elements = new JsonArray();
    elements.add(section);
    JsonObject block = new JsonObject();
    block.addProperty("type", "rich_text");
    block.addProperty("block_id", "rtxt");
    block.add("elements", elements);
    JsonArray blocks = new JsonArray();
    blocks.add(block);
    return blocks;
  }

  private static JsonObject button(String actionId, String value, String actionTs) {
    JsonObject action = new JsonObject();
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "actions");
    action.add("text", plainText(actionId));
    action.addProperty("value", value);
    action.addProperty("type", "button");
    action.addProperty("action_ts", actionTs);
    return action;
  }

  private static JsonObject botProfile() {
    JsonObject icons = new JsonObject();
    icons.addProperty("image_36", "https://a.slack-edge.com/80588/img/plugins/app/bot_36.png");
    JsonObject profile = new JsonObject();
    profile.addProperty("id", BOT_ID);
    profile.addProperty("deleted", false);
    profile.addProperty("name", "specbot");
    profile.addProperty("updated", 1_700_000_000);
    profile.addProperty("app_id", APP_ID);
    profile.add("icons", icons);
    profile.addProperty("team_id", TEAM_ID);
    return profile;
  }

  private static JsonObject plainText(String text) {
    JsonObject plain = new JsonObject();
    plain.addProperty("type", "plain_text");
    plain.addProperty("text", text);
    plain.addProperty("emoji", true);
    return plain;
  }

  private static JsonObject user(String userId) {
    JsonObject user = new JsonObject();
    user.addProperty("id", userId);
    user.addProperty("username", userName(userId));
    user.addProperty("name", userName(userId));
    user.addProperty("team_id", TEAM_ID);
    return user;
  }

  private static JsonObject team() {
    JsonObject team = new JsonObject();
    team.addProperty("id", TEAM_ID);
    team.addProperty("domain", TEAM_DOMAIN);
    return team;
  }

  /** The same handle the fake's users.info gives by default. */
  private static String userName(String userId) {
    return userId.toLowerCase(Locale.ROOT);
  }

  private static String channelName(String channelId) {
    return channelId.startsWith("D") ? "directmessage" : channelId.toLowerCase(Locale.ROOT);
  }

  /** Interactivity payloads arrive as a form with one field, {@code payload}, holding JSON. */
  private static String payloadForm(JsonObject payload) {
    return form(Map.of("payload", GSON.toJson(payload)));
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
