package dev.specbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void show_prints_numbered_questions_hints_fields_and_left_out_sections_of_a_file()
      throws IOException {
    Path file = dir.resolve("design.md");
    Files.writeString(
        file,
        """
        # Design: [Name]
        **Author**: <!-- you -->
        ## Context
        > *Why now?*
        ## Risks
        | Risk | Impact |
        |---|---|
        ## Tips for writers
        Be brief.
        """);

    int exit = run(Map.of(), "show", file.toString());

    assertEquals(0, exit, err.toString());
    String printed = out.toString();
    assertTrue(printed.startsWith("Design (design)\nfrom " + file + "\n"), printed);
    assertTrue(printed.contains("  1. Context\n     Why now?\n"), printed);
    assertTrue(printed.contains("  2. Risks  [table: Risk | Impact]\n"), printed);
    assertTrue(
        printed.contains("Author                     line 2    the drafter's name"), printed);
    assertTrue(
        printed.contains("Tips for writers           line 8    advice to the writer"), printed);
  }

  @Test
  void show_of_a_bad_template_prints_the_error_and_exits_non_zero() throws IOException {
    Path file = dir.resolve("bad.md");
    Files.writeString(file, "no headings here\n");

    int exit = run(Map.of(), "show", file.toString());

    assertEquals(1, exit);
    assertEquals("", out.toString());
    assertEquals(
        "error: "
            + file
            + ": has no headings; a template needs headings (#, ##, ...) to mark the sections to write\n",
        err.toString());
  }

  @Test
  void show_by_id_reads_a_built_in() {
    int exit = run(Map.of(), "show", "echo-tech-spec");

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().startsWith("Echo tech spec (echo-tech-spec)\n"), out.toString());
    assertTrue(out.toString().contains("Tech Spec Process"), out.toString());
  }

  @Test
  void show_by_id_finds_custom_templates_and_names_the_known_ids_otherwise() throws IOException {
    Files.writeString(dir.resolve("rfc.md"), "# RFC\n## Motivation\nWhy?\n");

    assertEquals(0, run(Map.of("SPECBOT_TEMPLATES_DIR", dir.toString()), "show", "rfc"));
    assertEquals(1, run(Map.of(), "show", "rfc"));
    assertTrue(
        err.toString().contains("no template has this id; known ids: project-spec, echo-tech-spec"),
        err.toString());
  }

  @Test
  void list_shows_every_template_and_the_skipped_ones() throws IOException {
    Files.writeString(dir.resolve("rfc.md"), "# RFC\n## Motivation\nWhy?\n");
    Files.writeString(dir.resolve("broken.md"), "");

    int exit = run(Map.of("SPECBOT_TEMPLATES_DIR", dir.toString()), "list");

    assertEquals(1, exit);
    assertEquals(6, out.toString().lines().count(), out.toString());
    assertTrue(out.toString().contains("rfc"), out.toString());
    assertEquals(
        "skipped: "
            + dir.resolve("broken.md")
            + ": is empty; a template needs at least one heading\n",
        err.toString());
  }

  @Test
  void wrong_usage_prints_usage_and_exits_2() {
    assertEquals(2, run(Map.of(), "shw"));
    assertTrue(err.toString().startsWith("usage:"), err.toString());
  }

  private int run(Map<String, String> env, String... args) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    return new TemplateCommand(env, outWriter, errWriter).run(args);
  }
}
