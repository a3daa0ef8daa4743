package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Co-authors are credited where the template has room: authors, stakeholders, revision log. */
class CoAuthorCreditTest {
  private static final LocalDate HANDED = LocalDate.of(2026, 11, 4);

  private static RenderContext context(List<CoAuthor> coAuthors) {
    return new RenderContext(
        "Payment retries",
        "Alice Example",
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 20),
        Optional.empty(),
        Optional.empty(),
        ReviewRecord.NONE,
        coAuthors);
  }

  private static final List<CoAuthor> BOB =
      List.of(new CoAuthor("Bob | Example", "4. Data model", HANDED));

  @Test
  void an_authors_field_names_the_drafter_then_each_co_author_once() {
    Template template =
        Fixtures.template(
            """
            # Spec
            **Authors**: <!-- names -->

            ## Data model

            Describe it.

            ## API

            Describe it.
            """);
    List<CoAuthor> twice =
        List.of(
            new CoAuthor("Bob Example", "1. Data model", HANDED),
            new CoAuthor("Bob Example", "2. API", HANDED));

    String document = SpecRenderer.render(template, Map.of(), context(twice));

    assertTrue(document.contains("**Authors**: Alice Example, Bob Example\n"), document);
  }

  @Test
  void the_revision_log_has_a_line_for_each_section_a_co_author_wrote() {
    String document =
        SpecRenderer.render(Fixtures.builtIn("technical-specification"), Map.of(), context(BOB));

    assertTrue(
        document.contains("| 2026-11-04 | Bob \\| Example | wrote 4. Data model |  |"), document);
  }

  @Test
  void a_stakeholders_table_gets_a_co_author_row_after_the_writers_own() {
    Template plan = Fixtures.builtIn("implementation-plan");
    String stakeholders =
        plan.questions().stream()
            .filter(q -> q.title().contains("Stakeholders"))
            .findFirst()
            .orElseThrow()
            .id();

    String document =
        SpecRenderer.render(
            plan, Map.of(stakeholders, "| Owner | Alice Example | Delivery |"), context(BOB));

    assertTrue(
        document.contains(
            "| Owner | Alice Example | Delivery |\n"
                + "| Co-author | Bob \\| Example | Wrote 4. Data model |"),
        document);
  }

  @Test
  void without_co_authors_the_document_is_as_before() {
    Template template = Fixtures.builtIn("technical-specification");

    String document = SpecRenderer.render(template, Map.of(), context(List.of()));

    assertFalse(document.contains("wrote"), document);
  }
}
