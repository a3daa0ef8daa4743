package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A template's status field shows where the spec stands, in the template's own spelling. */
class StatusFieldTest {
  private static RenderContext withStatus(Optional<String> status) {
    return new RenderContext(
        "Payment retries",
        "Alice Example",
        LocalDate.of(2026, 11, 2),
        LocalDate.of(2026, 11, 20),
        Optional.empty(),
        status);
  }

  private static String statusLine(Optional<String> status) {
    Template template = Fixtures.builtIn("technical-specification");
    String document = SpecRenderer.render(template, Map.of(), withStatus(status));
    return document
        .lines()
        .filter(line -> line.startsWith("**Status**:"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_spec_nobody_reviewed_shows_the_templates_first_status() {
    assertTrue(statusLine(Optional.empty()).endsWith("DRAFT"), statusLine(Optional.empty()));
  }

  @Test
  void a_status_the_placeholder_offers_is_spelled_as_the_template_spells_it() {
    assertTrue(statusLine(Optional.of("Approved")).endsWith(": APPROVED"));
    assertTrue(statusLine(Optional.of("In progress")).endsWith(": IN_PROGRESS"));
  }

  @Test
  void a_status_the_placeholder_lacks_reads_as_given() {
    assertTrue(statusLine(Optional.of("In review")).endsWith(": In review"));
    assertTrue(statusLine(Optional.of("Changes requested")).endsWith(": Changes requested"));
  }
}
