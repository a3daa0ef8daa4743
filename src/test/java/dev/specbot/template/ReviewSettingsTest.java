package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A template says how its specs are approved: every reviewer, or a majority with N not yet. */
class ReviewSettingsTest {
  private static Template withReview(String value) throws TemplateException {
    return Fixtures.parse(
        "---\nname: Doc\nspecbot:\n  review: " + value + "\n---\n# Doc\n## Context\n");
  }

  @Test
  void a_template_that_says_nothing_needs_every_reviewer() throws TemplateException {
    assertEquals(ReviewSettings.ALL, Fixtures.parse("# Doc\n## Context\n").review());
    assertEquals(ReviewSettings.ALL, withReview("all").review());
  }

  @Test
  void a_majority_with_some_not_yet_is_read() throws TemplateException {
    assertEquals(new ReviewSettings(true, 0), withReview("majority").review());
    assertEquals(new ReviewSettings(true, 1), withReview("Majority 1").review());
  }

  @Test
  void a_template_may_keep_approvals_through_edits_nobody_commented_on() throws TemplateException {
    assertEquals(new ReviewSettings(false, 0, true), withReview("all, keep approvals").review());
    assertEquals(
        new ReviewSettings(true, 2, true), withReview("majority 2, keep approvals").review());
  }

  @Test
  void anything_else_is_refused_with_its_line() {
    TemplateException error =
        assertThrows(TemplateException.class, () -> withReview("most of them"));

    assertEquals(4, error.line(), error.getMessage());
    assertTrue(error.problem().contains("\"majority N\""), error.getMessage());
  }
}
