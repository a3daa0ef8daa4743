package dev.specbot.template.parse;

import dev.specbot.template.Template;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.AtxHeading;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** Reads a markdown template, as teams already write them, into an interview. */
public final class TemplateParser {
  /** Headings that address the writer rather than the reader: advice, left out of the document. */
  private static final Pattern ADVICE =
      Pattern.compile(
          "(?i)^(?:notes?|tips|advice|guidance|guidelines|instructions|hints)\\s+(?:for|to|on)\\b.*"
              + "|^how\\s+to\\s+(?:use|fill|write)\\b.*|^(?:about|using)\\s+this\\s+template\\b.*");

  private static final Pattern PROCESS = Pattern.compile("(?i)\\b(?:process|checklist)\\b");
  private static final Pattern REVISION_LOG =
      Pattern.compile("(?i)\\b(?:revision|change|version)\\s*(?:history|log)\\b|\\bchangelog\\b");
  private static final Pattern OPTIONAL = Pattern.compile("(?i)\\(optional\\)");

  private TemplateParser() {}

  /** A template read from its file's bytes, with an optional sidecar of overrides. */
  public static Template parse(String id, String source, byte[] bytes, Optional<Sidecar> sidecar)
      throws TemplateException {
    String text = TemplateText.decode(source, bytes);
    FrontMatter frontMatter = FrontMatter.split(source, text);
    Overrides overrides =
        Overrides.from(
            frontMatter.yaml().get("specbot"),
            source,
            frontMatter.yamlText(),
            frontMatter.yamlFirstLine());
    if (sidecar.isPresent()) {
      overrides = overrides.and(sidecar.get().overrides());
    }
    Body body = readBody(source, frontMatter);
    assignRoles(body.sections(), body.lines(), overrides);
    checkOverridesNameSections(body.sections(), overrides);
    return new TemplateLayout(id, source, frontMatter, body, overrides)
        .build()
        .withIssue(frontMatter.issue(overrides.github(), overrides.publishOnApproval()))
        .withDecisions(overrides.decisions());
  }

  /** Overrides in a file beside the template, e.g. {@code echo-tech-spec.yml}. */
  public record Sidecar(String source, String yamlText) {
    Overrides overrides() throws TemplateException {
      YamlText.checkLines(source, yamlText, 1);
      Object tree =
          yamlText.isBlank() ? null : YamlTree.read(source, yamlText, 1, "is not valid YAML");
      return Overrides.from(tree, source, yamlText, 1);
    }
  }

  /** The markdown after the front matter: what precedes the first heading, and the sections. */
  record Body(List<String> lines, int firstLine, List<Node> preamble, List<Section> sections) {}

  private static Body readBody(String source, FrontMatter frontMatter) throws TemplateException {
    List<String> lines = Markdown.lines(frontMatter.body());
    int firstLine = frontMatter.bodyFirstLine();
    List<Node> preamble = new ArrayList<>();
    List<Section> sections = new ArrayList<>();
    Deque<Section> open = new ArrayDeque<>();
    for (Node block : Markdown.children(Markdown.parse(frontMatter.body()))) {
      if (block instanceof Heading heading) {
        sections.add(openSection(heading, lines, firstLine, open));
      } else if (sections.isEmpty()) {
        preamble.add(block);
      } else {
        sections.get(sections.size() - 1).body.add(block);
      }
    }
    if (sections.isEmpty()) {
      throw new TemplateException(
          source,
          0,
          "has no headings; a template needs headings (#, ##, ...) to mark the sections to write");
    }
    return new Body(lines, firstLine, preamble, sections);
  }

  private static Section openSection(
      Heading heading, List<String> lines, int firstLine, Deque<Section> open) {
    while (!open.isEmpty() && open.peek().level >= heading.getLevel()) {
      open.pop();
    }
    Section parent = open.peek();
    String headingText = headingText(heading, lines);
    Section section =
        new Section(
            heading.getLevel(),
            headingText,
            isUntitled(headingText) ? "(untitled)" : plainTitle(heading, headingText),
            firstLine + Markdown.firstLine(heading),
            parent);
    if (parent != null) {
      parent.children.add(section);
    }
    open.push(section);
    return section;
  }

  /** The heading's markdown without its {@code #} marks; a setext heading's lines joined. */
  private static String headingText(Heading heading, List<String> lines) {
    List<String> source =
        lines.subList(Markdown.firstLine(heading), Markdown.lastLine(heading) + 1);
    Optional<String> atx = AtxHeading.text(source.get(0));
    if (source.size() == 1 && atx.isPresent()) {
      return atx.get().strip();
    }
    return String.join(
        " ", source.subList(0, source.size() - 1).stream().map(String::strip).toList());
  }

  /**
   * A heading with nothing a reader sees: blank, or only a comment. Only comment markers can take
   * all of a heading's text away, so {@link Hints#comment} (dear for every heading of a long
   * template) is asked only when there are some.
   */
  private static boolean isUntitled(String headingText) {
    return headingText.isBlank()
        || ((headingText.contains("<!--") || headingText.contains("-->"))
            && Hints.comment(headingText).isEmpty());
  }

  /** The heading as a reader sees it: emphasis gone, placeholders kept so the writer sees them. */
  private static String plainTitle(Heading heading, String headingText) {
    String title = Hints.inlineKeepingBrackets(heading);
    return title.isBlank() ? headingText : title;
  }

  private static void assignRoles(List<Section> sections, List<String> lines, Overrides overrides) {
    for (int i = 0; i < sections.size(); i++) {
      Section section = sections.get(i);
      section.role = role(section, i == 0, lines, overrides);
    }
  }

  private static Section.Role role(
      Section section, boolean first, List<String> lines, Overrides overrides) {
    if (isLeftOut(section, overrides)) {
      return Section.Role.LEFT_OUT;
    }
    if (first && section.level == 1 && isTitle(section, lines)) {
      return Section.Role.TITLE;
    }
    if (named(section, overrides, "process") || looksLikeProcess(section, lines)) {
      return Section.Role.PROCESS;
    }
    if (REVISION_LOG.matcher(section.title).find()
        && section.body.stream().anyMatch(Blocks::isTable)) {
      return Section.Role.REVISION_LOG;
    }
    if (!section.children.isEmpty() && section.body.stream().noneMatch(Blocks::isFillStructure)) {
      return Section.Role.GROUP;
    }
    return Section.Role.QUESTION;
  }

  private static boolean isLeftOut(Section section, Overrides overrides) {
    return (section.parent != null && section.parent.role == Section.Role.LEFT_OUT)
        || named(section, overrides, "omit")
        || ADVICE.matcher(section.title).matches();
  }

  /** A first {@code #} heading that frames the document rather than asking for content. */
  private static boolean isTitle(Section section, List<String> lines) {
    return !section.children.isEmpty()
        || section.body.stream()
            .allMatch(
                block ->
                    Blocks.isFieldBlock(block, lines)
                        || Blocks.isComment(block)
                        || Blocks.isThematicBreak(block));
  }

  /** A "... Process" or "... Checklist" section that is nothing but task lists (and comments). */
  private static boolean looksLikeProcess(Section section, List<String> lines) {
    return PROCESS.matcher(section.title).find()
        && section.body.stream().anyMatch(block -> Blocks.isTaskList(block, lines))
        && section.body.stream()
            .allMatch(
                block ->
                    Blocks.isTaskList(block, lines)
                        || Blocks.isComment(block)
                        || Blocks.isThematicBreak(block));
  }

  static boolean named(Section section, Overrides overrides, String key) {
    return overrides.naming(key, section).isPresent();
  }

  static boolean isOptional(Section section, Overrides overrides) {
    return named(section, overrides, "optional") || OPTIONAL.matcher(section.title).find();
  }

  private static void checkOverridesNameSections(List<Section> sections, Overrides overrides)
      throws TemplateException {
    List<String> keys = List.of("optional", "omit", "process", "ask", "decisions");
    if (keys.stream().allMatch(key -> overrides.entries(key).isEmpty())) {
      return;
    }
    Set<String> names = new HashSet<>();
    sections.forEach(section -> names.addAll(section.names()));
    for (String key : keys) {
      for (Overrides.Entry entry : overrides.entries(key)) {
        if (!names.contains(Section.normalized(entry.name()))) {
          throw new TemplateException(
              entry.source(),
              entry.line(),
              String.format(
                  Locale.ROOT,
                  "\"%s\" names the section \"%s\", which the template does not have",
                  key,
                  entry.name()));
        }
      }
    }
  }
}
