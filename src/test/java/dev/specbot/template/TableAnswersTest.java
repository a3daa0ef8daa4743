package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table section's answer as Slack sends it: links and mentions carry a {@code |} of their own.
 */
class TableAnswersTest {
  private final Template plan = Fixtures.builtIn("implementation-plan");
  private final String stakeholders = plan.questions().get(4).id();

  @Test
  void a_labelled_link_in_a_row_stays_in_its_cell() {
    String document =
        render("| Owner | <@U123|ana> | <https://example.com/runbook|Runbook> and more |");

    assertTrue(
        document.contains(
            "| Owner | <@U123\\|ana> | <https://example.com/runbook\\|Runbook> and more |"),
        document);
  }

  @Test
  void a_line_whose_only_pipe_is_inside_a_link_is_text_around_the_table() {
    String document =
        render("See <https://example.com/people|the people page>.\n| Owner | Ana | Delivery |");

    assertTrue(document.contains("See <https://example.com/people|the people page>."), document);
    assertTrue(document.contains("| Owner | Ana | Delivery |"), document);
  }

  @Test
  void an_unclosed_bracket_does_not_hide_the_separators_after_it() {
    String document = render("| Owner | <@U123 | Delivery |");

    assertTrue(document.contains("| Owner | <@U123 | Delivery |"), document);
  }

  private String render(String answer) {
    return SpecRenderer.render(plan, Map.of(stakeholders, answer), Fixtures.UNSCHEDULED);
  }
}
