package dev.specbot.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.IssueSettings;
import dev.specbot.template.TemplateCatalog;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An issue's title from a template's title pattern and a spec's subject. */
class GitHubIssueTitleTest {
  private static final String SUBJECT = "Payment retries";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[SUBJECT] Tech Spec                        | Payment retries Tech Spec",
        "[subject] Tech Spec                        | Payment retries Tech Spec",
        "Technical Specification: [Issue Title]     | Technical Specification: Payment retries",
        "[ProjectName] – [FeatureName] Feature Plan | Payment retries Feature Plan",
        "<Project / Feature Name> – Plan            | Payment retries – Plan",
        "RFC: {{ title }}                           | RFC: Payment retries",
        "{subject} design                           | Payment retries design",
        "[Tech Lead] [SUBJECT]                      | [Tech Lead] Payment retries",
        "[Name]                                     | Payment retries",
      })
  void a_placeholder_of_the_subject_takes_it(String pattern, String title) {
    assertEquals(title, IssueTitle.fill(pattern, SUBJECT));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[BUG]          | [BUG] Payment retries",
        "'[RFC] '       | [RFC] Payment retries",
        "RFC            | RFC: Payment retries",
        "Tech spec:     | Tech spec: Payment retries",
        "Spec -         | Spec - Payment retries",
        "[DRAFT/FINAL]  | [DRAFT/FINAL] Payment retries",
        "''             | Payment retries",
      })
  void without_a_placeholder_the_subject_follows_the_pattern(String pattern, String title) {
    assertEquals(title, IssueTitle.fill(pattern, SUBJECT));
  }

  @Test
  void line_breaks_and_runs_of_blanks_become_one_space() {
    assertEquals(
        "Payment retries, take two Tech Spec",
        IssueTitle.fill("  [SUBJECT]\n\tTech   Spec ", "\n Payment\r\nretries,\u2028 take\ttwo  "));
  }

  @Test
  void a_title_longer_than_github_takes_is_cut_with_an_ellipsis_between_characters() {
    // 254 letters, then a character made of two: the cut falls between its halves.
    String subject = "a".repeat(254) + "\uD83D\uDC2C and more";

    String title = IssueTitle.fill("[SUBJECT]", subject);

    assertEquals("a".repeat(254) + "…", title);
    assertTrue(title.length() <= IssueTitle.MAX_LENGTH);
  }

  @Test
  void a_blank_subject_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> IssueTitle.fill("[SUBJECT]", " \n\t"));
  }

  @Test
  void echo_tech_specs_front_matter_titles_its_issues() {
    IssueSettings echo =
        TemplateCatalog.load(Optional.empty()).find("echo-tech-spec").orElseThrow().issue();

    assertEquals(
        "Payment retries Tech Spec", IssueTitle.fill(echo.titlePattern().orElse(""), SUBJECT));
  }

  @Test
  void hostile_patterns_and_subjects_are_read_in_linear_time() {
    String brackets = "[".repeat(200_000) + "<".repeat(200_000) + "{{".repeat(200_000);
    String blanks = " \n".repeat(500_000) + "x";

    String title =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> IssueTitle.fill(brackets, blanks + brackets));

    assertEquals(IssueTitle.MAX_LENGTH, title.length());
  }
}
