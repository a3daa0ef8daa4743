package dev.specbot.template;

import dev.specbot.template.parse.TemplateParser;
import dev.specbot.template.parse.TemplateText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The templates users can pick: the built-ins, then every {@code .md} file of a custom folder. A
 * bad template is reported and skipped; it never keeps the others from loading.
 */
public final class TemplateCatalog {
  /** The built-in templates, in the order users see them. */
  public static final List<String> BUILT_IN_IDS =
      List.of(
          "project-spec",
          "echo-tech-spec",
          "implementation-plan",
          "technical-specification",
          "feature-plan");

  private static final String RESOURCES = "/templates/";

  /** The catalog's templates once read, in the order users see them, and those that failed. */
  private record Contents(
      Map<String, Template> templates, List<String> order, List<TemplateException> problems) {}

  private final Optional<Path> customDir;
  private volatile Contents contents;

  private TemplateCatalog(Optional<Path> customDir) {
    this.customDir = customDir;
  }

  /**
   * The built-in templates, and those of {@code customDir} when given (a custom one may replace a
   * built-in), read now.
   */
  public static TemplateCatalog load(Optional<Path> customDir) {
    TemplateCatalog catalog = new TemplateCatalog(customDir);
    catalog.contents();
    return catalog;
  }

  /**
   * The same templates, read on first use: a server that has other things to do at start reads them
   * afterwards (see {@link #problems()}), and whatever needs them before waits for them.
   */
  public static TemplateCatalog onFirstUse(Optional<Path> customDir) {
    return new TemplateCatalog(customDir);
  }

  private Contents contents() {
    Contents read = contents;
    if (read == null) {
      synchronized (this) {
        read = contents;
        if (read == null) {
          read = read(customDir);
          contents = read;
        }
      }
    }
    return read;
  }

  private static Contents read(Optional<Path> customDir) {
    Map<String, Template> templates = new LinkedHashMap<>();
    List<TemplateException> problems = new ArrayList<>();
    for (String id : BUILT_IN_IDS) {
      templates.put(id, builtIn(id));
    }
    customDir.ifPresent(dir -> loadFolder(dir, templates, problems));
    return new Contents(
        Map.copyOf(templates), List.copyOf(templates.keySet()), List.copyOf(problems));
  }

  /**
   * Reads one template file, with its sidecar {@code NAME.yml} or {@code NAME.yaml} if there is
   * one.
   */
  public static Template read(Path file) throws TemplateException {
    String source = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new TemplateException(source, 0, "no such file");
    }
    byte[] markdown = capped(file, "a template");
    return TemplateParser.parse(idOf(file), source, markdown, sidecar(file));
  }

  /**
   * The template a user names: a file when the name is a path (a {@code .md} file, or anything with
   * a folder in it, resolved against {@code workDir}), otherwise one of this catalog's ids.
   */
  public Template resolve(String fileOrId, Path workDir) throws TemplateException {
    if (fileOrId.toLowerCase(Locale.ROOT).endsWith(".md")
        || fileOrId.contains("/")
        || fileOrId.contains(workDir.getFileSystem().getSeparator())) {
      return read(workDir.resolve(fileOrId));
    }
    return find(fileOrId)
        .orElseThrow(
            () ->
                new TemplateException(
                    fileOrId,
                    0,
                    "no template has this id; known ids: "
                        + String.join(", ", all().stream().map(Template::id).toList())));
  }

  public List<Template> all() {
    Contents read = contents();
    return read.order().stream().map(read.templates()::get).toList();
  }

  public Optional<Template> find(String id) {
    return Optional.ofNullable(contents().templates().get(id.strip().toLowerCase(Locale.ROOT)));
  }

  /** Templates that could not be loaded, each naming its file, line and what is wrong. */
  public List<TemplateException> problems() {
    return contents().problems();
  }

  /** The id a file gives: its name without {@code .md}, lower-cased, spaces as dashes. */
  static String idOf(Path file) {
    String name = file.getFileName().toString().replaceFirst("(?i)\\.md$", "");
    return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]+", "-");
  }

  private static Template builtIn(String id) {
    String source = "built-in template " + id + ".md";
    try {
      byte[] markdown = resource(id + ".md").orElseThrow();
      Optional<TemplateParser.Sidecar> sidecar =
          resource(id + ".yml")
              .map(yaml -> new TemplateParser.Sidecar("built-in " + id + ".yml", utf8(yaml)));
      return TemplateParser.parse(id, source, markdown, sidecar);
    } catch (TemplateException e) {
      // The built-ins ship with the jar and are tested: failing here is a packaging bug.
      throw new IllegalStateException("Built-in template is broken: " + e.getMessage(), e);
    }
  }

  private static void loadFolder(
      Path dir, Map<String, Template> templates, List<TemplateException> problems) {
    if (!Files.isDirectory(dir)) {
      problems.add(new TemplateException(dir.toString(), 0, "is not a folder of templates"));
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(TemplateCatalog::isMarkdown).sorted().toList()) {
        try {
          Template template = read(file);
          templates.put(template.id(), template);
        } catch (TemplateException e) {
          problems.add(e);
        }
      }
    } catch (IOException e) {
      problems.add(new TemplateException(dir.toString(), 0, "cannot be listed: " + e.getMessage()));
    }
  }

  private static boolean isMarkdown(Path file) {
    return Files.isRegularFile(file)
        && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md");
  }

  private static Optional<TemplateParser.Sidecar> sidecar(Path file) throws TemplateException {
    String base = file.getFileName().toString().replaceFirst("(?i)\\.md$", "");
    for (String extension : List.of(".yml", ".yaml")) {
      Path candidate = file.resolveSibling(base + extension);
      if (Files.isRegularFile(candidate)) {
        String source = candidate.toString();
        byte[] yaml = capped(candidate, "a template's overrides file");
        return Optional.of(new TemplateParser.Sidecar(source, TemplateText.yaml(source, yaml)));
      }
    }
    return Optional.empty();
  }

  /**
   * A file's bytes, refused when they are over the cap. The size is checked first, and the read
   * still stops past the cap: a file can grow after its size was read, and some files (under {@code
   * /proc}, say) report no size at all.
   */
  private static byte[] capped(Path file, String what) throws TemplateException {
    String source = file.toString();
    try {
      long size = Files.size(file);
      if (size > TemplateText.MAX_BYTES) {
        throw TemplateText.tooBig(source, what, size + " bytes");
      }
      try (InputStream in = Files.newInputStream(file)) {
        byte[] bytes = in.readNBytes(TemplateText.MAX_BYTES + 1);
        if (bytes.length > TemplateText.MAX_BYTES) {
          throw TemplateText.tooBig(source, what, "over " + TemplateText.MAX_BYTES + " bytes");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new TemplateException(source, 0, "cannot be read: " + e.getMessage());
    }
  }

  private static Optional<byte[]> resource(String name) {
    try (InputStream in = TemplateCatalog.class.getResourceAsStream(RESOURCES + name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
