package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.parse.TemplateParser;
import dev.specbot.template.parse.TemplateText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates that cannot work: a clear error naming the file, the line and what is wrong. */
class BadTemplatesTest {
  @TempDir Path dir;

  @Test
  void a_template_without_headings_is_refused() {
    TemplateException error =
        assertThrows(TemplateException.class, () -> Fixtures.parse("Just notes.\n\n- a\n"));

    assertEquals(
        "test.md: has no headings; a template needs headings (#, ##, ...) to mark the sections to write",
        error.getMessage());
  }

  @Test
  void an_empty_or_blank_file_is_refused() {
    for (String text : List.of("", "  \n\n\t\n")) {
      TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(text));
      assertEquals("test.md: is empty; a template needs at least one heading", error.getMessage());
    }
  }

  @Test
  void bytes_that_are_not_utf8_are_refused_with_their_line() {
    byte[] latin1 = "# Spec\n## Résumé\n".getBytes(StandardCharsets.ISO_8859_1);

    TemplateException error = assertThrows(TemplateException.class, () -> parseBytes(latin1));

    assertEquals(2, error.line());
    assertEquals(
        "test.md:2: is not valid UTF-8 (byte 0xE9 at offset 11); save it as UTF-8",
        error.getMessage());
  }

  @Test
  void utf16_and_binary_files_are_refused() {
    byte[] utf16 = "\uFEFF# Spec\n".getBytes(StandardCharsets.UTF_16LE);
    byte[] binary = {'#', ' ', 'a', '\n', 0, 1, 2};

    assertTrue(
        assertThrows(TemplateException.class, () -> parseBytes(utf16))
            .getMessage()
            .contains("UTF-16"));
    assertTrue(
        assertThrows(TemplateException.class, () -> parseBytes(binary))
            .getMessage()
            .contains("NUL byte"));
  }

  @Test
  void a_template_over_one_megabyte_is_refused_before_it_is_read() throws IOException {
    Path big = dir.resolve("big.md");
    Files.writeString(big, "# Big\n" + "x".repeat(TemplateText.MAX_BYTES));

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(big));

    assertEquals(
        big + ": is 1048582 bytes; a template may be at most 1 MB (1048576 bytes)",
        error.getMessage());
  }

  @Test
  void a_utf8_byte_order_mark_is_accepted() {
    byte[] withBom = "\uFEFF# Doc\n## Context\nWhy?\n".getBytes(StandardCharsets.UTF_8);

    Template template = assertDoesNotThrowTemplate(withBom);

    assertEquals("Context", template.questions().get(0).title());
  }

  @Test
  void broken_front_matter_names_its_line() {
    String markdown = "---\nname: Doc\nlabels: [a, b\n---\n# Doc\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertTrue(error.getMessage().startsWith("test.md:"), error.getMessage());
    assertTrue(error.line() >= 3 && error.line() <= 4, error.getMessage());
    assertTrue(error.problem().startsWith("front matter is not valid YAML"), error.getMessage());
  }

  @Test
  void broken_front_matter_says_what_is_wrong_on_one_line() {
    String markdown = "---\nname: Doc\nlabels: [a, b\n---\n# Doc\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals(
        "test.md:3: front matter is not valid YAML: expected ',' or ']', but got the end of the"
            + " YAML (while parsing a flow sequence started on line 3)",
        error.getMessage());
  }

  @Test
  void a_yaml_alias_bomb_in_the_front_matter_is_refused_quickly() {
    StringBuilder bomb =
        new StringBuilder("---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int level = 1; level <= 9; level++) {
      String alias = "*a" + (level - 1);
      bomb.append("a").append(level).append(": &a").append(level).append(" [");
      bomb.append(String.join(", ", Collections.nCopies(9, alias))).append("]\n");
    }
    String markdown = bomb + "---\n# Doc\n## Context\n";

    long start = System.nanoTime();
    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertEquals(
        "test.md:2: front matter is not valid YAML: it uses more than 10 aliases (*name) of lists"
            + " or mappings; write the values out instead",
        error.getMessage());
    assertTrue(millis < 2_000, "took " + millis + " ms");
  }

  @Test
  void a_list_that_holds_itself_is_refused() {
    String markdown = "---\nname: Doc\nspecbot:\n  omit: &loop [Context, *loop]\n---\n# Doc\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals("test.md:4: an alias (*loop) is used inside its own value", error.getMessage());
  }

  @Test
  void an_alias_reads_as_the_value_it_names() throws TemplateException {
    Template template =
        Fixtures.parse("---\nname: &n Design doc\nabout: *n\n---\n# Doc\n## Context\n## Extra\n");

    assertEquals("Design doc", template.name());
    assertEquals("Design doc", template.description());
  }

  @Test
  void an_unknown_override_is_refused_with_its_line() {
    String markdown = "---\nname: Doc\nspecbot:\n  optionel: [Context]\n---\n# Doc\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals(
        "test.md:4: unknown override \"optionel\"; known ones are ask, decisions, fields, github, name, omit, optional, process, review",
        error.getMessage());
  }

  @Test
  void an_override_naming_a_missing_section_is_refused_with_its_line() {
    String markdown = "---\nspecbot:\n  omit:\n    - Notes\n---\n# Doc\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals(
        "test.md:4: \"omit\" names the section \"Notes\", which the template does not have",
        error.getMessage());
  }

  @Test
  void a_field_override_with_an_unknown_value_is_refused() {
    String markdown =
        "---\nspecbot:\n  fields:\n    Owner: boss\n---\n# Doc\n**Owner**: [x]\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals(4, error.line());
    assertTrue(
        error
            .problem()
            .contains("use one of ask, created, drafter, keep, meeting, status, title, updated"));
  }

  @Test
  void a_broken_sidecar_names_the_sidecar_file() throws IOException {
    Files.writeString(dir.resolve("doc.md"), "# Doc\n## Context\n");
    Files.writeString(dir.resolve("doc.yml"), "name: Doc\noptional: [Context\n");

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(dir.resolve("doc.md")));

    assertEquals(dir.resolve("doc.yml").toString(), error.source());
  }

  @Test
  void a_bad_custom_template_is_skipped_and_the_others_still_load() throws IOException {
    Files.writeString(dir.resolve("good.md"), "# Good\n## Context\nWhy?\n");
    Files.writeString(dir.resolve("empty.md"), "");
    Files.writeString(dir.resolve("no-headings.md"), "Only prose.\n");
    Files.writeString(dir.resolve("notes.txt"), "not a template");

    TemplateCatalog catalog = TemplateCatalog.load(Optional.of(dir));

    assertEquals(6, catalog.all().size());
    assertEquals("good", catalog.all().get(5).id());
    assertEquals(
        List.of(dir.resolve("empty.md").toString(), dir.resolve("no-headings.md").toString()),
        catalog.problems().stream().map(TemplateException::source).toList());
  }

  @Test
  void a_catalog_read_on_first_use_reads_the_folder_then_and_reports_the_same() throws IOException {
    TemplateCatalog catalog = TemplateCatalog.onFirstUse(Optional.of(dir));
    // Written after the catalog was made: only a catalog that has not read the folder yet sees
    // them.
    Files.writeString(dir.resolve("good.md"), "# Good\n## Context\nWhy?\n");
    Files.writeString(dir.resolve("empty.md"), "");

    assertEquals("good", catalog.find("good").orElseThrow().id());
    assertEquals(
        List.of(dir.resolve("empty.md").toString()),
        catalog.problems().stream().map(TemplateException::source).toList());
    Files.writeString(dir.resolve("later.md"), "# Later\n## Context\nWhy?\n");
    assertEquals(Optional.empty(), catalog.find("later"), "read once, on first use");
    List<String> builtInsThenGood = new java.util.ArrayList<>(TemplateCatalog.BUILT_IN_IDS);
    builtInsThenGood.add("good");
    assertEquals(builtInsThenGood, catalog.all().stream().map(Template::id).toList());
  }

  @Test
  void a_custom_template_with_a_built_in_id_replaces_it() throws IOException {
    Files.writeString(dir.resolve("Echo-Tech-Spec.md"), "# Ours\n## Why\nBecause.\n");

    TemplateCatalog catalog = TemplateCatalog.load(Optional.of(dir));

    assertEquals(5, catalog.all().size());
    assertEquals(
        List.of("Why"),
        catalog.find("echo-tech-spec").orElseThrow().questions().stream()
            .map(Question::title)
            .toList());
  }

  @Test
  void a_missing_templates_folder_is_a_problem_not_a_crash() {
    TemplateCatalog catalog = TemplateCatalog.load(Optional.of(dir.resolve("missing")));

    assertEquals(5, catalog.all().size());
    assertEquals(1, catalog.problems().size());
  }

  private static Template parseBytes(byte[] bytes) throws TemplateException {
    return TemplateParser.parse("test", "test.md", bytes, Optional.empty());
  }

  private static Template assertDoesNotThrowTemplate(byte[] bytes) {
    try {
      return parseBytes(bytes);
    } catch (TemplateException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
