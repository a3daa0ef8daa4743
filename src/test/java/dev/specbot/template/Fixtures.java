package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.specbot.template.parse.TemplateParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Templates, answers and expected documents shared by the engine's tests. */
public final class Fixtures {
  public static final RenderContext SCHEDULED =
      new RenderContext(
          "Payment retries",
          "Alice Example",
          LocalDate.of(2026, 11, 2),
          LocalDate.of(2026, 11, 20),
          Optional.of("Tuesday 24 November 2026, 15:00-15:30 UTC"));
  public static final RenderContext UNSCHEDULED =
      new RenderContext(
          "Payment retries",
          "Alice Example",
          LocalDate.of(2026, 11, 2),
          LocalDate.of(2026, 11, 2),
          Optional.empty());

  private static final TemplateCatalog BUILT_INS = TemplateCatalog.load(Optional.empty());

  private Fixtures() {}

  static Template builtIn(String id) {
    return BUILT_INS.find(id).orElseThrow();
  }

  /** Parses markdown as a template with the given id, failing the test on a template error. */
  public static Template template(String markdown) {
    try {
      return parse(markdown);
    } catch (TemplateException e) {
      throw new AssertionError("template did not parse: " + e.getMessage(), e);
    }
  }

  public static Template parse(String markdown) throws TemplateException {
    return TemplateParser.parse(
        "test", "test.md", markdown.getBytes(StandardCharsets.UTF_8), Optional.empty());
  }

  /**
   * One realistic answer per question: a sentence and a list, rows for tables, a value for fields.
   */
  static Map<String, String> fullAnswers(Template template) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question question : template.questions()) {
      answers.put(question.id(), answer(question));
    }
    return answers;
  }

  private static String answer(Question question) {
    int n = question.number();
    return switch (question.kind()) {
      case FIELD -> "#" + (100 + n);
      case TABLE -> tableAnswer(question);
      case TEXT ->
          "Answer to question " + n + ".\n\nIt covers:\n\n- the first point\n- the second point";
    };
  }

  private static String tableAnswer(Question question) {
    StringBuilder rows = new StringBuilder("Rows for question " + question.number() + ":\n");
    for (int row = 1; row <= 2; row++) {
      StringBuilder cells = new StringBuilder();
      for (int column = 1; column <= question.columns().size(); column++) {
        cells.append(column > 1 ? " | " : "").append("r").append(row).append("c").append(column);
      }
      rows.append(cells).append('\n');
    }
    return rows.toString();
  }

  /**
   * Compares a document with the expected one checked in under {@code src/test/resources/expected};
   * on a difference the actual one is written to {@code target/expected-actual} to inspect and
   * copy.
   */
  static void assertMatchesExpected(String name, String actual) {
    Path expectedFile = Path.of("src/test/resources/expected", name);
    try {
      if (!Files.exists(expectedFile)) {
        fail(
            "no expected document "
                + expectedFile
                + "; actual written to "
                + writeActual(name, actual));
      }
      String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        writeActual(name, actual);
      }
      assertEquals(
          expected, actual, name + " differs; actual written to target/expected-actual/" + name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path writeActual(String name, String actual) throws IOException {
    Path file = Path.of("target/expected-actual", name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, actual, StandardCharsets.UTF_8);
    return file;
  }
}
