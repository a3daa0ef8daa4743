package dev.specbot.slack.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CanvasChangeTest {
  private static final String SPEC =
      """
      # Payment retries

      **Status**: DRAFT

      ## Context

      We retry three times.

      ## Rollout Plan

      - [ ] Behind a flag first
      """;

  @Test
  void the_same_markdown_needs_no_change() {
    assertEquals(Optional.empty(), CanvasChange.between(Optional.of(SPEC), SPEC));
  }

  @Test
  void sections_added_at_the_end_are_inserted_at_the_end_alone() {
    String added = "## Review\n\n- Bob approved.\n";

    Optional<CanvasChange> change = CanvasChange.between(Optional.of(SPEC), SPEC + "\n" + added);

    assertEquals(Optional.of(new CanvasChange(CanvasChange.INSERT_AT_END, added)), change);
  }

  @Test
  void a_changed_answer_replaces_the_whole_document() {
    String edited = SPEC.replace("three times", "five times");

    Optional<CanvasChange> change = CanvasChange.between(Optional.of(SPEC), edited);

    assertEquals(Optional.of(new CanvasChange(CanvasChange.REPLACE, edited)), change);
  }

  @Test
  void a_change_before_sections_added_at_the_end_replaces_the_whole_document() {
    String edited = SPEC.replace("DRAFT", "In review") + "\n## Review\n\nAsked: Bob.\n";

    Optional<CanvasChange> change = CanvasChange.between(Optional.of(SPEC), edited);

    assertEquals(Optional.of(new CanvasChange(CanvasChange.REPLACE, edited)), change);
  }

  @Test
  void text_added_to_the_last_section_replaces_the_whole_document() {
    String edited = SPEC + "- [ ] Then for everyone\n";

    Optional<CanvasChange> change = CanvasChange.between(Optional.of(SPEC), edited);

    assertEquals(Optional.of(new CanvasChange(CanvasChange.REPLACE, edited)), change);
  }

  @Test
  void a_removed_section_replaces_the_whole_document() {
    String shorter = SPEC.substring(0, SPEC.indexOf("## Rollout Plan"));

    Optional<CanvasChange> change = CanvasChange.between(Optional.of(SPEC), shorter);

    assertEquals(Optional.of(new CanvasChange(CanvasChange.REPLACE, shorter)), change);
  }

  @Test
  void a_canvas_whose_content_is_unknown_or_empty_is_replaced_whole() {
    assertEquals(
        Optional.of(new CanvasChange(CanvasChange.REPLACE, SPEC)),
        CanvasChange.between(Optional.empty(), SPEC));
    assertEquals(
        Optional.of(new CanvasChange(CanvasChange.REPLACE, SPEC)),
        CanvasChange.between(Optional.of(""), SPEC));
  }

  @Test
  void sections_begin_at_headings_up_to_h3_outside_code() {
    String markdown =
        """
        # Title
        text
        #### not a heading in canvases
        #hashtag
        ```
        ## inside code
        ```
        ### Last
        """;

    assertEquals(
        List.of(
            "# Title\ntext\n#### not a heading in canvases\n#hashtag\n```\n## inside code\n```\n",
            "### Last\n"),
        CanvasChange.sections(markdown));
  }

  @Test
  void the_sections_joined_are_the_markdown_again() {
    String markdown = "intro\n# A\n\n## B\nx\n### C";

    assertEquals(markdown, String.join("", CanvasChange.sections(markdown)));
    assertEquals(
        List.of("intro\n", "# A\n\n", "## B\nx\n", "### C"), CanvasChange.sections(markdown));
  }

  @Test
  void many_headings_and_fences_are_compared_in_linear_time() {
    String hostile = "# h\n```\n".repeat(200_000);
    String longer = hostile + "## more\n";

    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          CanvasChange.between(Optional.of(hostile), longer);
          CanvasChange.between(Optional.of(hostile), hostile + "x");
        });
  }
}
