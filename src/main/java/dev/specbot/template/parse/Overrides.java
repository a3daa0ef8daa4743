package dev.specbot.template.parse;

import dev.specbot.template.ReviewSettings;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a template author can say where the markdown alone is ambiguous, in the front matter under
 * {@code specbot:} or in a sidecar {@code ID.yml}: the template's name, question wording, optional
 * sections, sections to leave out, process checklists, what fills each metadata line, the GitHub
 * repository ({@code github: owner/repo}) its specs are published to, and the section the
 * discussion's decisions are written in ({@code decisions: Research Notes}).
 *
 * <p>Sections are named by their heading text, or by their headings joined with {@code " > "} where
 * a heading repeats.
 */
final class Overrides {
  static final Overrides NONE =
      new Overrides(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  private static final String GITHUB = "github";

  private static final List<String> KEYS =
      List.of(
          "ask", "decisions", "fields", GITHUB, "name", "omit", "optional", "process", "review");

  /** What {@code github: {publish: ...}} may say: when a spec becomes an issue. */
  private static final String ON_APPROVAL = "on-approval";

  private static final String ON_REQUEST = "on-request";

  /** The longest GitHub login, and the longest repository name. */
  private static final int MAX_OWNER = 39;

  private static final int MAX_REPOSITORY = 100;

  private static final Set<String> FIELD_VALUES =
      Set.of("title", "drafter", "created", "updated", "status", "meeting", "ask", "keep");

  /**
   * One named section or label, and where the override said it.
   *
   * @param place where it was written, found only when an error needs it
   */
  record Entry(String key, String name, String value, Place place) {
    String source() {
      return place.yaml().source();
    }

    int line() {
      return place.yaml().lineOf(place.needle());
    }
  }

  /** The text an override was written with, to be found in its YAML for an error message. */
  record Place(YamlLines yaml, String needle) {}

  private final Optional<String> name;
  private final Optional<ReviewSettings> review;
  private final Optional<String> github;
  private final Optional<Boolean> publishOnApproval;
  private final List<Entry> entries;

  /** Per key, each normalized name to the index of the first entry giving it. */
  private final Map<String, Map<String, Integer>> firstByName = new HashMap<>();

  private Overrides(
      Optional<String> name,
      Optional<ReviewSettings> review,
      Optional<String> github,
      Optional<Boolean> publishOnApproval,
      List<Entry> entries) {
    this.name = name;
    this.review = review;
    this.github = github;
    this.publishOnApproval = publishOnApproval;
    this.entries = List.copyOf(entries);
    for (int i = 0; i < this.entries.size(); i++) {
      Entry entry = this.entries.get(i);
      firstByName
          .computeIfAbsent(entry.key(), key -> new HashMap<>())
          .putIfAbsent(Section.normalized(entry.name()), i);
    }
  }

  /**
   * Reads overrides from a YAML mapping (see {@link YamlTree}); {@code yamlText} and {@code
   * firstLine} place errors.
   */
  static Overrides from(Object node, String source, String yamlText, int firstLine)
      throws TemplateException {
    if (node == null) {
      return NONE;
    }
    YamlLines where = new YamlLines(source, yamlText, firstLine);
    Map<String, Object> fields =
        YamlTree.mapping(node)
            .orElseThrow(
                () -> where.error("", "overrides must be a mapping of " + String.join(", ", KEYS)));
    Optional<String> name = Optional.empty();
    Optional<ReviewSettings> review = Optional.empty();
    Optional<String> github = Optional.empty();
    Optional<Boolean> publishOnApproval = Optional.empty();
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      String key = field.getKey();
      Object value = field.getValue();
      switch (key) {
        case "name" -> name = Optional.of(scalar(value, key, where));
        case "review" -> review = Optional.of(reviewSettings(scalar(value, key, where), where));
        case "optional", "omit", "process" -> entries.addAll(names(key, value, where));
        case "decisions" -> {
          String section = scalar(value, key, where);
          entries.add(new Entry(key, section, "", new Place(where, section)));
        }
        case "ask" -> entries.addAll(mapping(key, value, where, Set.of()));
        case "fields" -> entries.addAll(mapping(key, value, where, FIELD_VALUES));
        case GITHUB -> {
          Optional<Map<String, Object>> asMapping = YamlTree.mapping(value);
          if (asMapping.isPresent()) {
            GitHubTarget target = gitHub(asMapping.get(), where);
            github = target.repository();
            publishOnApproval = Optional.of(target.onApproval());
          } else {
            github = Optional.of(repository(scalar(value, key, where), where));
          }
        }
        default ->
            throw where.error(
                key + ":",
                "unknown override \"" + key + "\"; known ones are " + String.join(", ", KEYS));
      }
    }
    return new Overrides(name, review, github, publishOnApproval, entries);
  }

  /** {@code github} as a mapping: its repository, if it names one, and when to publish. */
  private record GitHubTarget(Optional<String> repository, boolean onApproval) {}

  private static GitHubTarget gitHub(Map<String, Object> value, YamlLines where)
      throws TemplateException {
    Optional<String> repository = Optional.empty();
    boolean onApproval = false;
    for (Map.Entry<String, Object> field : value.entrySet()) {
      switch (field.getKey()) {
        case "repo", "repository" ->
            repository = Optional.of(repository(scalar(field.getValue(), "repo", where), where));
        case "publish" -> {
          String when = scalar(field.getValue(), "publish", where).toLowerCase(Locale.ROOT);
          if (!when.equals(ON_APPROVAL) && !when.equals(ON_REQUEST)) {
            throw where.error(
                "publish:",
                "\"publish\" must be "
                    + ON_APPROVAL
                    + " (an issue as soon as the review approves the spec) or "
                    + ON_REQUEST
                    + " (when the drafter asks), not \""
                    + field.getValue()
                    + "\"");
          }
          onApproval = when.equals(ON_APPROVAL);
        }
        default ->
            throw where.error(
                field.getKey() + ":",
                "\"github\" takes repo and publish, not \"" + field.getKey() + "\"");
      }
    }
    return new GitHubTarget(repository, onApproval);
  }

  /** {@code all}, {@code majority} or {@code majority N}: how the template's specs are approved. */
  private static ReviewSettings reviewSettings(String text, YamlLines where)
      throws TemplateException {
    String said = text.strip().toLowerCase(Locale.ROOT);
    String keep = ", keep approvals";
    if (said.endsWith(keep)) {
      ReviewSettings rule = reviewSettings(said.substring(0, said.length() - keep.length()), where);
      return new ReviewSettings(rule.majority(), rule.maxOutstanding(), true);
    }
    if (said.equals("all")) {
      return ReviewSettings.ALL;
    }
    if (said.equals("majority")) {
      return new ReviewSettings(true, 0);
    }
    String count = said.startsWith("majority ") ? said.substring("majority ".length()).strip() : "";
    if (!count.isEmpty()
        && count.length() <= 2
        && count.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return new ReviewSettings(true, Integer.parseInt(count));
    }
    throw where.error(
        "review:",
        "review must be \"all\", \"majority\" or \"majority N\" (a majority approves, with at"
            + " most N reviewers not yet), optionally followed by \", keep approvals\" (an edit to"
            + " a section nobody commented on keeps them), not \""
            + text
            + "\"");
  }

  /** The overrides of both places; the sidecar's name, review, repository and publishing win. */
  Overrides and(Overrides sidecar) {
    List<Entry> all = new ArrayList<>(entries);
    all.addAll(sidecar.entries);
    return new Overrides(
        sidecar.name.or(() -> name),
        sidecar.review.or(() -> review),
        sidecar.github.or(() -> github),
        sidecar.publishOnApproval.or(() -> publishOnApproval),
        all);
  }

  /**
   * {@code owner/repo} as GitHub allows them: a login of letters, digits, dashes and underscores
   * (an enterprise's managed users have one), and a repository name that may also hold dots, such
   * as {@code .github}. Checked by hand, character by character.
   */
  private static String repository(String text, YamlLines where) throws TemplateException {
    int slash = text.indexOf('/');
    String owner = slash < 0 ? "" : text.substring(0, slash);
    String repo = slash < 0 ? "" : text.substring(slash + 1);
    boolean valid =
        !owner.isEmpty()
            && owner.length() <= MAX_OWNER
            && owner.charAt(0) != '-'
            && owner.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-' || c == '_')
            && !repo.isEmpty()
            && repo.length() <= MAX_REPOSITORY
            && !repo.equals(".")
            && !repo.equals("..")
            && repo.chars()
                .allMatch(c -> isAsciiLetterOrDigit(c) || c == '-' || c == '_' || c == '.');
    if (!valid) {
      throw where.error(
          GITHUB + ":",
          "\"github\" must name a repository as owner/repo, such as echo-team/specs, not \""
              + text
              + "\"");
    }
    return text;
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  Optional<String> name() {
    return name;
  }

  Optional<ReviewSettings> review() {
    return review;
  }

  /** The repository, {@code owner/repo}, the template's specs are published to as GitHub issues. */
  Optional<String> github() {
    return github;
  }

  /** Whether the template's specs are published as soon as their review approves them. */
  boolean publishOnApproval() {
    return publishOnApproval.orElse(false);
  }

  /**
   * The section the discussion's decisions go in ({@code decisions: NAME}), the sidecar's if both
   * name one.
   */
  Optional<String> decisions() {
    List<Entry> named = entries("decisions");
    return named.isEmpty() ? Optional.empty() : Optional.of(named.get(named.size() - 1).name());
  }

  List<Entry> entries(String key) {
    return entries.stream().filter(entry -> entry.key().equals(key)).toList();
  }

  /**
   * The first entry under {@code key} that names the section, by its heading or by its path. Looked
   * up rather than searched: a template's sections times a sidecar's entries is too many to try.
   */
  Optional<Entry> naming(String key, Section section) {
    Map<String, Integer> names = firstByName.get(key);
    if (names == null) {
      return Optional.empty();
    }
    int first = Integer.MAX_VALUE;
    for (String sectionName : section.names()) {
      first = Math.min(first, names.getOrDefault(sectionName, Integer.MAX_VALUE));
    }
    return first == Integer.MAX_VALUE ? Optional.empty() : Optional.of(entries.get(first));
  }

  /**
   * Label to field value ({@code drafter}, {@code ask}, ...), as the {@code fields} override says.
   */
  Map<String, String> fieldRoles() {
    Map<String, String> roles = new LinkedHashMap<>();
    entries("fields").forEach(entry -> roles.put(entry.name(), entry.value()));
    return roles;
  }

  /** A text value; a list, a mapping, null ({@code ~} or nothing) or blanks are refused. */
  private static String scalar(Object value, String key, YamlLines where) throws TemplateException {
    if (!(value instanceof String text) || text.isBlank()) {
      throw where.error(key + ":", "\"" + key + "\" must be a single line of text");
    }
    return text.strip();
  }

  private static List<Entry> names(String key, Object value, YamlLines where)
      throws TemplateException {
    List<Entry> entries = new ArrayList<>();
    if (value == null || value instanceof String) {
      String name = scalar(value, key, where);
      entries.add(new Entry(key, name, "", new Place(where, name)));
      return entries;
    }
    List<Object> items =
        YamlTree.list(value)
            .orElseThrow(
                () -> where.error(key + ":", "\"" + key + "\" must be a list of section headings"));
    for (Object item : items) {
      String name = scalar(item, key, where);
      entries.add(new Entry(key, name, "", new Place(where, name)));
    }
    return entries;
  }

  private static List<Entry> mapping(String key, Object value, YamlLines where, Set<String> allowed)
      throws TemplateException {
    Map<String, Object> fields =
        YamlTree.mapping(value)
            .orElseThrow(
                () ->
                    where.error(
                        key + ":", "\"" + key + "\" must map section headings or labels to text"));
    List<Entry> entries = new ArrayList<>();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      String text = scalar(field.getValue(), field.getKey(), where);
      if (!allowed.isEmpty() && !allowed.contains(text)) {
        throw where.error(
            field.getKey(),
            "\""
                + field.getKey()
                + "\" is filled with \""
                + text
                + "\"; use one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
      entries.add(new Entry(key, field.getKey(), text, new Place(where, field.getKey())));
    }
    return entries;
  }

  /**
   * Finds the line an override was written on, for error messages: only for the one that fails, as
   * each search reads the whole text.
   */
  record YamlLines(String source, String text, int firstLine) {
    int lineOf(String needle) {
      List<String> lines = Markdown.lines(text);
      for (int i = 0; i < lines.size(); i++) {
        if (!needle.isEmpty() && lines.get(i).contains(needle)) {
          return firstLine + i;
        }
      }
      return firstLine;
    }

    TemplateException error(String needle, String problem) {
      return new TemplateException(source, lineOf(needle), problem);
    }
  }
}
