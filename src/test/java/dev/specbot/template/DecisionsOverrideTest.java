package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a template keeps its discussion's decisions: {@code specbot: decisions: NAME}. */
class DecisionsOverrideTest {

  @Test
  void the_section_named_for_decisions_is_kept_on_the_template() throws TemplateException {
    Template template =
        Fixtures.parse(
            """
            ---
            specbot:
              decisions: Decision Record
            ---
            # Doc
            ## Context
            ## Decision Record
            """);

    assertEquals(Optional.of("Decision Record"), template.decisions());
  }

  @Test
  void a_template_that_names_none_leaves_it_to_the_document() {
    assertEquals(Optional.empty(), Fixtures.builtIn("echo-tech-spec").decisions());
  }

  @Test
  void naming_a_section_the_template_does_not_have_is_refused_with_its_line() {
    String markdown = "---\nspecbot:\n  decisions: Decision Log\n---\n# Doc\n## Context\n";

    TemplateException error = assertThrows(TemplateException.class, () -> Fixtures.parse(markdown));

    assertEquals(
        "test.md:3: \"decisions\" names the section \"Decision Log\", which the template does not"
            + " have",
        error.getMessage());
  }
}
