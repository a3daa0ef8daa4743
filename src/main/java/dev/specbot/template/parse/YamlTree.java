package dev.specbot.template.parse;

import dev.specbot.template.TemplateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML read into plain Java values: a mapping is a {@code Map<String, Object>} in written order (a
 * repeated key's last value wins, in its first place), a list a {@code List<Object>}, a scalar the
 * text as written, and {@code ~}, {@code null} or nothing is null.
 *
 * <p>Only SnakeYAML's parser and composer run: no constructor, so no tag makes an object of any
 * type, and nothing is read as a boolean, number or date: {@code name: no}, {@code about:
 * 2026-12-03} and {@code 1.50} are the text written, as templates use every value as text.
 */
final class YamlTree {
  /**
   * Aliases of lists or mappings a text may hold. Each is shared, not copied, when read; the limit
   * keeps a reader that walks the whole tree from walking an exponential one (billion laughs).
   */
  static final int MAX_ALIASES = 10;

  /** Deeper than overrides need; keeps the parser's recursion short. */
  private static final int MAX_DEPTH = 50;

  private static final Resolver TEXT_OR_NULL = new TextOrNullResolver();

  private final String source;
  private final int firstLine;
  // A Node's equals is identity: an alias is the very node its anchor names.
  private final Map<Node, Object> read = new HashMap<>();
  private final Set<Node> reading = new HashSet<>();

  private YamlTree(String source, int firstLine) {
    this.source = source;
    this.firstLine = firstLine;
  }

  /**
   * The first document of {@code yaml}, or null when it holds none.
   *
   * @param firstLine the file line of the YAML's first line, to place errors
   * @param invalid what starts the message of YAML that cannot be read, e.g. "is not valid YAML"
   */
  static Object read(String source, String yaml, int firstLine, String invalid)
      throws TemplateException {
    Node node;
    try {
      Composer composer =
          new Composer(new ParserImpl(new StreamReader(yaml), options()), TEXT_OR_NULL, options());
      node = composer.checkNode() ? composer.getNode() : null;
    } catch (MarkedYAMLException e) {
      throw new TemplateException(
          source, lineOf(e, firstLine), invalid + ": " + problem(e, firstLine));
    } catch (YAMLException e) {
      throw new TemplateException(source, firstLine, invalid + ": " + limit(e));
    }
    return node == null ? null : new YamlTree(source, firstLine).value(node);
  }

  /** The value as a mapping, if it is one. */
  @SuppressWarnings("unchecked") // Built by value(): every mapping has text keys.
  static Optional<Map<String, Object>> mapping(Object value) {
    return value instanceof Map<?, ?> map
        ? Optional.of((Map<String, Object>) map)
        : Optional.empty();
  }

  /** The value as a list, if it is one. */
  @SuppressWarnings("unchecked") // Built by value(): every list is a List<Object>.
  static Optional<List<Object>> list(Object value) {
    return value instanceof List<?> list ? Optional.of((List<Object>) list) : Optional.empty();
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH);
    // Templates and overrides are refused above this size before they are read.
    options.setCodePointLimit(TemplateText.MAX_BYTES);
    options.setProcessComments(false);
    return options;
  }

  private Object value(Node node) throws TemplateException {
    if (node instanceof ScalarNode scalar) {
      return scalar.getTag().equals(Tag.NULL) ? null : scalar.getValue();
    }
    Object done = read.get(node);
    if (done != null) {
      return done;
    }
    if (!reading.add(node)) {
      throw error(node, "an alias (*" + node.getAnchor() + ") is used inside its own value");
    }
    Object value = node instanceof MappingNode map ? mapping(map) : sequence((SequenceNode) node);
    reading.remove(node);
    read.put(node, value);
    return value;
  }

  private Map<String, Object> mapping(MappingNode node) throws TemplateException {
    Map<String, Object> map = new LinkedHashMap<>();
    for (NodeTuple pair : node.getValue()) {
      if (!(pair.getKeyNode() instanceof ScalarNode key)) {
        throw error(pair.getKeyNode(), "a key must be text, not a list or a mapping");
      }
      map.put(key.getValue(), value(pair.getValueNode()));
    }
    return map;
  }

  private List<Object> sequence(SequenceNode node) throws TemplateException {
    List<Object> list = new ArrayList<>(node.getValue().size());
    for (Node item : node.getValue()) {
      list.add(value(item));
    }
    return list;
  }

  private TemplateException error(Node node, String problem) {
    return new TemplateException(source, firstLine + node.getStartMark().getLine(), problem);
  }

  private static int lineOf(MarkedYAMLException e, int firstLine) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    return mark == null ? firstLine : firstLine + mark.getLine();
  }

  /**
   * SnakeYAML's problem, then what it was reading and from which file line, on one line: "expected
   * ',' or ']', but got the end of the YAML (while parsing a flow sequence started on line 3)".
   */
  private static String problem(MarkedYAMLException e, int firstLine) {
    String problem =
        e.getProblem() == null
            ? "cannot be read"
            : e.getProblem().replace("<stream end>", "the end of the YAML");
    String context = e.getContext();
    Mark from = e.getContextMark();
    if (context == null || from == null) {
      return problem;
    }
    return problem
        + " ("
        + context.strip()
        + " started on line "
        + (firstLine + from.getLine())
        + ")";
  }

  /** A limit SnakeYAML enforces, said in the template author's terms. */
  private static String limit(YAMLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.contains("aliases")) {
      return "it uses more than "
          + MAX_ALIASES
          + " aliases (*name) of lists or mappings; write the values out instead";
    }
    if (message.contains("Nesting Depth")) {
      return "lists and mappings are nested more than " + MAX_DEPTH + " deep";
    }
    if (message.contains("Recursive key")) {
      return "a key is an alias (*name) of a value that holds it";
    }
    return message;
  }

  /** Resolves a plain scalar only to null ({@code ~}, {@code null}, nothing) or else text. */
  private static final class TextOrNullResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
      addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
  }
}
