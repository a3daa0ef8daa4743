package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.parse.TemplateParser;
import dev.specbot.template.parse.TemplateText;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Template files and the overrides beside them are held to 1 MB: a bigger one is skipped with its
 * size given, before it is read, and the other templates still load.
 */
class OversizedTemplatesTest {
  private static final int FIFTY_MEGABYTES = 50 * 1024 * 1024;

  @TempDir Path dir;

  @Test
  void a_sidecar_over_one_megabyte_is_refused_and_its_template_skipped() throws IOException {
    Files.writeString(dir.resolve("doc.md"), "# Doc\n## Context\n");
    Files.writeString(dir.resolve("doc.yml"), "#".repeat(TemplateText.MAX_BYTES) + "\n");
    Files.writeString(dir.resolve("good.md"), "# Good\n## Why\n");

    TemplateCatalog catalog = TemplateCatalog.load(Optional.of(dir));

    assertEquals(
        List.of(
            dir.resolve("doc.yml")
                + ": is 1048577 bytes; a template's overrides file may be at most 1 MB (1048576"
                + " bytes)"),
        catalog.problems().stream().map(TemplateException::getMessage).toList());
    assertTrue(catalog.find("doc").isEmpty());
    assertTrue(catalog.find("good").isPresent());
  }

  @Test
  void a_fifty_megabyte_sidecar_is_refused_by_its_size() throws IOException {
    Files.writeString(dir.resolve("doc.md"), "# Doc\n## Context\n");
    sparseFile(dir.resolve("doc.yml"), FIFTY_MEGABYTES);

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(dir.resolve("doc.md")));

    assertEquals(dir.resolve("doc.yml").toString(), error.source());
    assertEquals(
        "is 52428800 bytes; a template's overrides file may be at most 1 MB (1048576 bytes)",
        error.problem());
  }

  @Test
  void a_fifty_megabyte_template_is_skipped_with_its_size() throws IOException {
    sparseFile(dir.resolve("huge.md"), FIFTY_MEGABYTES);

    TemplateCatalog catalog = TemplateCatalog.load(Optional.of(dir));

    assertEquals(
        List.of(
            dir.resolve("huge.md")
                + ": is 52428800 bytes; a template may be at most 1 MB (1048576 bytes)"),
        catalog.problems().stream().map(TemplateException::getMessage).toList());
    assertEquals(TemplateCatalog.BUILT_IN_IDS.size(), catalog.all().size());
  }

  @Test
  void a_template_and_a_sidecar_of_exactly_one_megabyte_are_read() throws IOException {
    String heading = "# Doc\n## Context\n";
    Files.writeString(
        dir.resolve("doc.md"), heading + "x".repeat(TemplateText.MAX_BYTES - heading.length()));
    String yaml = "optional: [Context]\n";
    String comments = ("#".repeat(99) + "\n").repeat(TemplateText.MAX_BYTES / 100);
    Files.writeString(
        dir.resolve("doc.yml"),
        yaml + comments + "#".repeat(TemplateText.MAX_BYTES - yaml.length() - comments.length()));

    Template template = assertTemplate(dir.resolve("doc.md"));

    assertTrue(template.questions().get(0).optional());
  }

  @Test
  void a_sidecar_that_is_not_utf8_is_refused_with_its_line() throws IOException {
    Files.writeString(dir.resolve("doc.md"), "# Doc\n## Context\n");
    byte[] latin1 =
        "name: Doc\nask:\n  Context: Gr\u00FC\u00DFe?\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(dir.resolve("doc.yml"), latin1);

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(dir.resolve("doc.md")));

    assertEquals(dir.resolve("doc.yml").toString(), error.source());
    assertEquals(3, error.line());
    assertTrue(error.problem().startsWith("is not valid UTF-8"), error.problem());
  }

  @Test
  void a_sidecar_line_over_ten_thousand_characters_is_refused_with_its_line() throws IOException {
    Files.writeString(dir.resolve("doc.md"), "# Doc\n## Context\n");
    Files.writeString(
        dir.resolve("doc.yml"), "name: Doc\nask:\n  Context: " + "why ".repeat(2_500));

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(dir.resolve("doc.md")));

    assertEquals(dir.resolve("doc.yml") + ":3", error.source() + ":" + error.line());
    assertEquals(
        "has a line of 10011 characters; a line of YAML may be at most 10000 (write a long list"
            + " one item per line)",
        error.problem());
  }

  @Test
  void a_front_matter_line_over_ten_thousand_characters_is_refused_with_its_line() {
    String markdown = "---\nname: Doc\nabout: " + "x".repeat(10_000) + "\n---\n# Doc\n## Context\n";

    TemplateException error =
        assertThrows(
            TemplateException.class,
            () ->
                TemplateParser.parse(
                    "doc", "doc.md", markdown.getBytes(StandardCharsets.UTF_8), Optional.empty()));

    assertEquals(3, error.line());
    assertTrue(error.problem().startsWith("has a line of 10007 characters"), error.problem());
  }

  @Test
  void overrides_with_lines_of_ten_thousand_characters_are_read() {
    String markdown = "---\nabout: " + "x".repeat(10_000 - 7) + "\n---\n# Doc\n## Context\n";

    Template template = Fixtures.template(markdown);

    assertEquals(10_000 - 7, template.description().length());
  }

  private static Template assertTemplate(Path file) {
    try {
      return TemplateCatalog.read(file);
    } catch (TemplateException e) {
      throw new AssertionError("template was refused: " + e.getMessage(), e);
    }
  }

  /** A file of {@code size} bytes that takes no room on disk: its size is all there is to read. */
  private static void sparseFile(Path file, long size) throws IOException {
    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
      sparse.setLength(size);
    }
  }
}
