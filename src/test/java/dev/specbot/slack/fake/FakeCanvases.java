package dev.specbot.slack.fake;

import static dev.specbot.slack.fake.SlackObjects.error;
import static dev.specbot.slack.fake.SlackObjects.ok;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's canvases as the fake holds them: canvases.create, canvases.edit,
 * canvases.sections.lookup, canvases.access.set, canvases.delete and conversations.canvases.create,
 * shaped as docs.slack.dev describes them (markdown content of at most 1 MiB, one change per edit,
 * sections found by heading type and text), and refused as a free plan or a missing scope refuses
 * them. Not thread-safe: the fake calls it under its lock.
 *
 * <p>A canvas is a list of sections, each with an id: every heading ({@code #} to {@code ###}) is a
 * section, and so is the text up to the next heading. Slack's own sections are finer (a paragraph,
 * a list); edits of a heading's section and of the whole canvas behave the same.
 */
final class FakeCanvases {
  /** Slack's limit on a canvas's markdown: 1 MiB, counted in characters. */
  static final int MAX_MARKDOWN = 1_048_576;

  private static final Set<String> OPERATIONS =
      Set.of(
          "insert_after",
          "insert_before",
          "insert_at_start",
          "insert_at_end",
          "replace",
          "delete",
          "rename");
  private static final Set<String> ACCESS_LEVELS = Set.of("read", "write", "owner");
  private static final Set<String> SECTION_TYPES = Set.of("h1", "h2", "h3", "any_header");

  /** One section: a heading ({@code h1} to {@code h3}) or the text between headings. */
  private record Section(String id, String type, String markdown) {}

  private static final class Canvas {
    private final String id;
    private final String channelId;
    private final Map<String, String> access = new LinkedHashMap<>();
    private String title;
    private List<Section> sections = new ArrayList<>();
    private int edits;

    private Canvas(String id, String title, String channelId) {
      this.id = id;
      this.title = title;
      this.channelId = channelId;
    }

    private String markdown() {
      return String.join("\n", sections.stream().map(Section::markdown).toList());
    }

    private int indexOf(String sectionId) {
      for (int i = 0; i < sections.size(); i++) {
        if (sections.get(i).id().equals(sectionId)) {
          return i;
        }
      }
      return -1;
    }

    private FakeCanvas snapshot() {
      return new FakeCanvas(
          id,
          title,
          channelId,
          markdown(),
          edits,
          access,
          sections.stream().map(Section::id).toList());
    }
  }

  private final Map<String, Canvas> canvases = new LinkedHashMap<>();
  private String refusal;
  private boolean freePlan;
  private int lastCanvas;
  private int lastSection;

  /** Whether this answers {@code method}. */
  static boolean handles(String method) {
    return method.startsWith("canvases.") || method.equals("conversations.canvases.create");
  }

  /** Every canvases method answers {@code error} from now on, as without the scope or the plan. */
  void refuse(String error) {
    refusal = error;
  }

  /**
   * Canvases as on a free plan: canvases.create needs a channel to tab the canvas in, and a
   * standalone canvas cannot be edited.
   */
  void freePlan() {
    freePlan = true;
  }

  /** Canvases answered normally again. */
  void allow() {
    refusal = null;
    freePlan = false;
  }

  void clear() {
    canvases.clear();
    allow();
  }

  Optional<FakeCanvas> canvas(String id) {
    return Optional.ofNullable(canvases.get(id)).map(Canvas::snapshot);
  }

  List<FakeCanvas> all() {
    return canvases.values().stream().map(Canvas::snapshot).toList();
  }

  JsonObject answer(String method, Map<String, String> params) {
    if (refusal != null) {
      return refused(method);
    }
    try {
      return switch (method) {
        case "canvases.create" -> create(params, false);
        case "conversations.canvases.create" -> create(params, true);
        case "canvases.edit" -> edit(params);
        case "canvases.sections.lookup" -> lookup(params);
        case "canvases.access.set" -> accessSet(params);
        case "canvases.delete" -> delete(params);
        default -> error("unknown_method");
      };
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      // A parameter that should hold JSON of some shape held something else.
      return detailed("invalid_arguments", e.getMessage());
    }
  }

  private JsonObject refused(String method) {
    JsonObject answer = error(refusal);
    if (refusal.equals("missing_scope")) {
      answer.addProperty(
          "needed", method.equals("canvases.sections.lookup") ? "canvases:read" : "canvases:write");
      answer.addProperty("provided", "chat:write,commands,users:read");
    }
    return answer;
  }

  private JsonObject create(Map<String, String> params, boolean channelCanvas) {
    String channelId = params.getOrDefault("channel_id", "");
    if (channelCanvas && channelId.isEmpty()) {
      return detailed("invalid_arguments", "channel_id is required");
    }
    if (!channelCanvas && freePlan && channelId.isEmpty()) {
      return error("free_teams_cannot_create_non_tabbed_canvases");
    }
    if (channelCanvas && canvases.values().stream().anyMatch(c -> c.channelId.equals(channelId))) {
      return error("channel_canvas_already_exists");
    }
    String markdown = "";
    if (params.containsKey("document_content")) {
      Optional<String> content = markdown(JsonParser.parseString(params.get("document_content")));
      if (content.isEmpty()) {
        return detailed("invalid_arguments", "document_content must be {type: markdown, markdown}");
      }
      markdown = content.get();
    }
    if (markdown.length() > MAX_MARKDOWN) {
      return detailed("canvas_creation_failed", "markdown over 1 MiB");
    }
    lastCanvas++;
    String id = String.format(Locale.ROOT, "F0CANVAS%04d", lastCanvas);
    Canvas canvas = new Canvas(id, params.getOrDefault("title", ""), channelId);
    canvas.sections = sections(markdown);
    if (!channelId.isEmpty()) {
      canvas.access.put(channelId, "write");
    }
    canvases.put(id, canvas);
    JsonObject answer = ok();
    answer.addProperty("canvas_id", id);
    return answer;
  }

  private JsonObject edit(Map<String, String> params) {
    Canvas canvas = canvases.get(params.getOrDefault("canvas_id", ""));
    if (canvas == null) {
      return error("canvas_not_found");
    }
    if (freePlan && canvas.channelId.isEmpty()) {
      return error("free_teams_cannot_edit_standalone_canvases");
    }
    JsonArray changes =
        JsonParser.parseString(params.getOrDefault("changes", "[]")).getAsJsonArray();
    if (changes.size() != 1) {
      return detailed("invalid_arguments", "one change per call, not " + changes.size());
    }
    JsonObject change = changes.get(0).getAsJsonObject();
    String operation = string(change, "operation");
    if (!OPERATIONS.contains(operation)) {
      return detailed("invalid_arguments", "no such operation: " + operation);
    }
    if (operation.equals("rename")) {
      return rename(canvas, change);
    }
    String sectionId = string(change, "section_id");
    int at = sectionId.isEmpty() ? -1 : canvas.indexOf(sectionId);
    boolean needsSection =
        operation.equals("insert_after")
            || operation.equals("insert_before")
            || operation.equals("delete");
    if ((needsSection || !sectionId.isEmpty()) && at < 0) {
      return detailed("canvas_editing_failed", "no section " + sectionId);
    }
    List<Section> content = List.of();
    if (!operation.equals("delete")) {
      Optional<String> markdown = markdown(change.get("document_content"));
      if (markdown.isEmpty()) {
        return detailed("invalid_arguments", "document_content must be {type: markdown, markdown}");
      }
      content = sections(markdown.get());
    }
    List<Section> sections = new ArrayList<>(canvas.sections);
    switch (operation) {
      case "insert_at_start" -> sections.addAll(0, content);
      case "insert_at_end" -> sections.addAll(content);
      case "insert_before" -> sections.addAll(at, content);
      case "insert_after" -> sections.addAll(at + 1, content);
      case "delete" -> sections.remove(at);
      default -> {
        if (at < 0) {
          sections = new ArrayList<>(content);
        } else {
          sections.remove(at);
          sections.addAll(at, content);
        }
      }
    }
    if (String.join("\n", sections.stream().map(Section::markdown).toList()).length()
        > MAX_MARKDOWN) {
      return detailed("canvas_editing_failed", "markdown over 1 MiB");
    }
    canvas.sections = sections;
    canvas.edits++;
    return ok();
  }

  private JsonObject rename(Canvas canvas, JsonObject change) {
    Optional<String> title = markdown(change.get("title_content"));
    if (title.isEmpty()) {
      return detailed("invalid_arguments", "title_content must be {type: markdown, markdown}");
    }
    canvas.title = title.get();
    canvas.edits++;
    return ok();
  }

  private JsonObject lookup(Map<String, String> params) {
    Canvas canvas = canvases.get(params.getOrDefault("canvas_id", ""));
    if (canvas == null) {
      return error("canvas_not_found");
    }
    if (!params.containsKey("criteria")) {
      return detailed("invalid_arguments", "criteria is required");
    }
    JsonObject criteria = JsonParser.parseString(params.get("criteria")).getAsJsonObject();
    List<String> types = new ArrayList<>();
    if (criteria.has("section_types")) {
      for (JsonElement type : criteria.getAsJsonArray("section_types")) {
        types.add(type.getAsString());
      }
    }
    String text = string(criteria, "contains_text");
    if ((types.isEmpty() && text.isEmpty()) || !SECTION_TYPES.containsAll(types)) {
      return detailed("invalid_arguments", "criteria needs section_types or contains_text");
    }
    JsonArray found = new JsonArray();
    for (Section section : canvas.sections) {
      boolean typeMatches =
          types.isEmpty()
              || types.contains(section.type())
              || (types.contains("any_header") && section.type().startsWith("h"));
      if (typeMatches && section.markdown().contains(text)) {
        JsonObject match = new JsonObject();
        match.addProperty("id", section.id());
        found.add(match);
      }
    }
    JsonObject answer = ok();
    answer.add("sections", found);
    return answer;
  }

  /**
   * files.list as it lists canvases ({@code types=canvas}, filetype {@code quip}), newest first, in
   * {@code channel} when it is given: the canvases tabbed in it. Other files are not listed.
   */
  JsonObject list(Map<String, String> params) {
    String types = params.getOrDefault("types", "all");
    String channel = params.getOrDefault("channel", "");
    JsonArray files = new JsonArray();
    if (types.contains("canvas") || types.contains("all")) {
      List<Canvas> newestFirst = new ArrayList<>(canvases.values());
      Collections.reverse(newestFirst);
      for (Canvas canvas : newestFirst) {
        if (!channel.isEmpty() && !canvas.channelId.equals(channel)) {
          continue;
        }
        JsonObject file = new JsonObject();
        file.addProperty("id", canvas.id);
        file.addProperty("title", canvas.title);
        file.addProperty("filetype", "quip");
        JsonArray channels = new JsonArray();
        if (!canvas.channelId.isEmpty()) {
          channels.add(canvas.channelId);
        }
        file.add("channels", channels);
        files.add(file);
      }
    }
    JsonObject answer = ok();
    answer.add("files", files);
    return answer;
  }

  private JsonObject accessSet(Map<String, String> params) {
    Canvas canvas = canvases.get(params.getOrDefault("canvas_id", ""));
    if (canvas == null) {
      return error("canvas_not_found");
    }
    String level = params.getOrDefault("access_level", "");
    List<String> ids = new ArrayList<>(ids(params.getOrDefault("channel_ids", "")));
    ids.addAll(ids(params.getOrDefault("user_ids", "")));
    if (!ACCESS_LEVELS.contains(level) || ids.isEmpty()) {
      return detailed("invalid_arguments", "access_level and channel_ids or user_ids are required");
    }
    if (ids.size() > 20) {
      return detailed("invalid_arguments", "at most 20 channels or users");
    }
    for (String id : ids) {
      canvas.access.put(id, level);
    }
    JsonObject answer = ok();
    answer.add("failed_to_update_channel_ids", new JsonArray());
    answer.add("failed_to_update_user_ids", new JsonArray());
    return answer;
  }

  private JsonObject delete(Map<String, String> params) {
    return canvases.remove(params.getOrDefault("canvas_id", "")) == null
        ? error("canvas_not_found")
        : ok();
  }

  /** A list of ids as the SDK sends it (a JSON array) or as a form may ({@code C1,C2}). */
  private static List<String> ids(String value) {
    List<String> ids = new ArrayList<>();
    String trimmed = value.strip();
    if (trimmed.startsWith("[")) {
      for (JsonElement id : JsonParser.parseString(trimmed).getAsJsonArray()) {
        ids.add(id.getAsString());
      }
      return ids;
    }
    int start = 0;
    while (start < trimmed.length()) {
      int comma = trimmed.indexOf(',', start);
      int end = comma < 0 ? trimmed.length() : comma;
      String id = trimmed.substring(start, end).strip();
      if (!id.isEmpty()) {
        ids.add(id);
      }
      start = end + 1;
    }
    return ids;
  }

  /** The markdown of a {@code {type: markdown, markdown}} object; empty for anything else. */
  private static Optional<String> markdown(JsonElement content) {
    if (content == null || !content.isJsonObject()) {
      return Optional.empty();
    }
    JsonObject object = content.getAsJsonObject();
    if (!"markdown".equals(string(object, "type")) || !object.has("markdown")) {
      return Optional.empty();
    }
    return Optional.of(object.get("markdown").getAsString());
  }

  private static String string(JsonObject object, String field) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }

  private static JsonObject detailed(String error, String detail) {
    JsonObject answer = error(error);
    answer.addProperty("detail", detail);
    return answer;
  }

  /** The markdown cut into sections: each heading alone, the text between headings together. */
  private List<Section> sections(String markdown) {
    List<Section> sections = new ArrayList<>();
    List<String> text = new ArrayList<>();
    String fence = null;
    int start = 0;
    while (start <= markdown.length()) {
      int end = markdown.indexOf('\n', start);
      int stop = end < 0 ? markdown.length() : end;
      String line = markdown.substring(start, stop);
      String heading = fence == null ? headingType(line) : null;
      if (heading != null) {
        addText(sections, text);
        sections.add(new Section(nextSectionId(), heading, line));
      } else {
        text.add(line);
        fence = fence(line, fence);
      }
      start = stop + 1;
    }
    addText(sections, text);
    return sections;
  }

  private void addText(List<Section> sections, List<String> text) {
    if (!text.isEmpty()) {
      sections.add(new Section(nextSectionId(), "text", String.join("\n", text)));
      text.clear();
    }
  }

  private String nextSectionId() {
    lastSection++;
    return String.format(Locale.ROOT, "temp:C:FAKE%08d", lastSection);
  }

  /** {@code h1} to {@code h3} for a heading line outside code, else null. */
  private static String headingType(String line) {
    int level = 0;
    while (level < line.length() && line.charAt(level) == '#') {
      level++;
    }
    boolean heading =
        level >= 1 && level <= 3 && (level == line.length() || line.charAt(level) == ' ');
    return heading ? "h" + level : null;
  }

  /** The fence open after {@code line}: a line of three or more backticks opens or closes one. */
  private static String fence(String line, String open) {
    String stripped = line.strip();
    int ticks = 0;
    while (ticks < stripped.length() && stripped.charAt(ticks) == '`') {
      ticks++;
    }
    if (ticks < 3) {
      return open;
    }
    if (open == null) {
      return stripped.substring(0, ticks);
    }
    return ticks >= open.length() && ticks == stripped.length() ? null : open;
  }
}
