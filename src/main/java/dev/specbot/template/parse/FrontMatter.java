package dev.specbot.template.parse;

import dev.specbot.template.IssueSettings;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A template's YAML front matter (a GitHub issue template's {@code name}, {@code about}, {@code
 * title}...) and the markdown body after it.
 *
 * @param yaml the parsed front matter (see {@link YamlTree}), empty when there is none
 * @param yamlText the front matter as written, to place errors
 * @param yamlFirstLine the 1-based file line of the front matter's first line
 * @param body the markdown after the front matter
 * @param bodyFirstLine the 1-based file line of the body's first line
 */
record FrontMatter(
    Map<String, Object> yaml, String yamlText, int yamlFirstLine, String body, int bodyFirstLine) {

  static FrontMatter split(String source, String text) throws TemplateException {
    List<String> lines = Markdown.lines(text);
    if (!lines.get(0).strip().equals("---")) {
      return new FrontMatter(Map.of(), "", 1, text, 1);
    }
    int end = closingLine(lines);
    if (end < 0) {
      // An opening "---" with no closing one is a thematic break, not front matter.
      return new FrontMatter(Map.of(), "", 1, text, 1);
    }
    String yamlText = String.join("\n", lines.subList(1, end));
    String body = String.join("\n", lines.subList(end + 1, lines.size()));
    return new FrontMatter(parse(source, yamlText), yamlText, 2, body, end + 2);
  }

  /** A text value of the front matter, or empty (also when it is a list, a mapping or null). */
  String text(String key) {
    return yaml.get(key) instanceof String text ? text.strip() : "";
  }

  /**
   * What a GitHub issue made from a spec carries, as this front matter says, going to {@code
   * repository} when the template's overrides name one, and published on approval when they say so.
   * The {@code title} is a pattern for issues only in a GitHub issue template's front matter
   * (GitHub requires {@code about} of one); anywhere else it names the template.
   */
  IssueSettings issue(Optional<String> repository, boolean publishOnApproval) {
    String title = text("title");
    Optional<String> pattern =
        title.isEmpty() || text("about").isEmpty() ? Optional.empty() : Optional.of(title);
    return new IssueSettings(
        pattern, list("labels", ""), list("assignees", "@"), repository, publishOnApproval);
  }

  /**
   * A list of the front matter, as GitHub's issue templates write one: a YAML list, or one text of
   * items separated by commas. Each item is stripped of blanks and of a leading {@code dropPrefix},
   * and kept once (letter case aside); items that are not text are skipped, as GitHub's own form
   * does.
   */
  List<String> list(String key, String dropPrefix) {
    Object value = yaml.get(key);
    List<String> written = new ArrayList<>();
    if (value instanceof List<?> list) {
      // A list's items are whole names, commas and all.
      list.forEach(item -> written.add(item instanceof String text ? text.strip() : ""));
    } else if (value instanceof String text) {
      written.addAll(commaSeparated(text));
    }
    List<String> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String item : written) {
      String kept =
          !dropPrefix.isEmpty() && item.startsWith(dropPrefix)
              ? item.substring(dropPrefix.length()).strip()
              : item;
      if (!kept.isEmpty() && seen.add(kept.toLowerCase(Locale.ROOT))) {
        items.add(kept);
      }
    }
    return items;
  }

  /** The stripped, non-blank parts of a text between commas. */
  private static List<String> commaSeparated(String text) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == ',') {
        String part = text.substring(start, i).strip();
        if (!part.isEmpty()) {
          parts.add(part);
        }
        start = i + 1;
      }
    }
    return parts;
  }

  private static int closingLine(List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("---") || line.equals("...")) {
        return i;
      }
    }
    return -1;
  }

  private static Map<String, Object> parse(String source, String yamlText)
      throws TemplateException {
    if (yamlText.isBlank()) {
      return Map.of();
    }
    YamlText.checkLines(source, yamlText, 2);
    Object tree = YamlTree.read(source, yamlText, 2, "front matter is not valid YAML");
    if (tree == null) {
      return Map.of();
    }
    return YamlTree.mapping(tree)
        .orElseThrow(
            () -> new TemplateException(source, 2, "front matter must be YAML keys and values"));
  }
}
