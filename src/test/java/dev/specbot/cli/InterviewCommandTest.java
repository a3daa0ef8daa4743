package dev.specbot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewCommandTest {
  /** Late on 2 March in UTC, already 3 March in Auckland: the document's dates follow the zone. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T23:30:00Z"), ZoneId.of("Pacific/Auckland"));

  private static final String DESIGN_TEMPLATE =
      """
      # Design: [Name]
      **Author**: <!-- you -->
      **Date**: <!-- today -->
      ## Context
      Why now?
      ## Decisions
      Record each decision with its reason.
      ### Storage
      Which database?
      ### API
      Which endpoints?
      ## Risks
      | Risk | Impact |
      |---|---|
      """;

  @TempDir Path dir;

  private final Map<String, String> env = new HashMap<>(Map.of("USER", "alice"));
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void a_full_interview_answered_line_by_line_writes_the_spec_with_every_answer_in_place()
      throws IOException {
    int exit = interview(input(Stream.concat(Stream.of("Payment retries"), answers(7))));

    assertEquals(0, exit, err.toString());
    assertEquals(
        """
        # Payment retries

        **Drafter**: alice  \n\
        **Discussion Meeting**: _Not scheduled yet._  \n\

        ## Context

        Answer 1

        ## Overview

        Answer 2

        ## Open Questions

        Answer 3

        ## Implementation Options

        Answer 4

        ## Test Plan

        Answer 5

        ## Rollout Plan

        Answer 6

        ## Research Notes

        Answer 7

        # Tech Spec Process

         - [ ] Tech spec drafter: Schedule time to discuss the tech spec.
         - [ ] Tech spec drafter: Facilitate that discussion.
         - [ ] Other developers: Read the tech spec before arriving at the discussion.
         - [ ] Other developers: Remind the tech spec drafter if a tech spec has been produced and no meeting has been scheduled.
         - [ ] Tech spec drafter: Turn tech spec into next-step actionable tickets.
            - [ ] Write tickets as is necessary
            - [ ] Other developers provide more formal feedback as is necessary.
        """,
        spec("payment-retries.md"));
    assertTrue(
        out.toString()
            .endsWith(
                "Wrote the spec to "
                    + dir.resolve("payment-retries.md")
                    + " (7 answered, 0 skipped of 7)\n"),
        out.toString());
  }

  @Test
  void the_intro_names_the_template_and_the_questions_are_numbered_with_their_hints()
      throws IOException {
    interview(input("Payment retries", "finish"));

    String printed = out.toString();
    assertTrue(
        printed.startsWith(
            "Echo tech spec: 7 questions, one at a time. Type help for commands; an empty line"
                + " ends an answer.\n\nTech specs are a lightweight format"),
        printed);
    assertTrue(printed.contains("\n\nTitle of the spec: \n[1/7] Context\n"), printed);
    assertTrue(
        printed.contains(
            """
            [1/7] Context
                Why are you creating this tech spec?

                What information helps readers understand the rest of this tech spec?
            """),
        printed);
  }

  @Test
  void a_title_given_on_the_command_line_is_not_asked() throws IOException {
    int exit = run(input("finish"), "echo-tech-spec", "--title", "Rate limits");

    assertEquals(0, exit, err.toString());
    assertFalse(out.toString().contains("Title of the spec"), out.toString());
    assertTrue(spec("rate-limits.md").startsWith("# Rate limits\n"));
  }

  @Test
  void the_drafter_is_the_option_then_the_user_then_you() throws IOException {
    run(input("finish"), "echo-tech-spec", "--title", "A", "--drafter", "Bob Builder");
    env.remove("USER");
    run(input("finish"), "echo-tech-spec", "--title", "B");

    assertTrue(spec("a.md").contains("**Drafter**: Bob Builder  \n"), spec("a.md"));
    assertTrue(spec("b.md").contains("**Drafter**: you  \n"), spec("b.md"));
  }

  @Test
  void a_multi_line_answer_keeps_its_lines() throws IOException {
    interview(
        input("Payment retries", "We retry twice:", "- after 1 s", "- after 10 s", "", "finish"));

    assertTrue(
        spec("payment-retries.md")
            .contains("## Context\n\nWe retry twice:\n- after 1 s\n- after 10 s\n\n## Overview"),
        spec("payment-retries.md"));
  }

  @Test
  void a_command_on_a_later_line_of_an_answer_is_part_of_the_answer() throws IOException {
    interview(input("Payment retries", "Retries we never", "skip", "", "finish"));

    assertTrue(
        spec("payment-retries.md").contains("## Context\n\nRetries we never\nskip\n\n"),
        spec("payment-retries.md"));
  }

  @Test
  void an_empty_reply_is_not_taken_as_an_answer() throws IOException {
    interview(input("Payment retries", "", "finish"));

    assertTrue(out.toString().contains("That reply was empty"), out.toString());
    assertTrue(out.toString().contains("(0 answered, 0 skipped of 7)"), out.toString());
  }

  @Test
  void skip_leaves_the_question_unanswered_and_counts_it_as_skipped() throws IOException {
    int exit =
        interview(input(Stream.concat(Stream.of("Payment retries", "skip"), answers(7).skip(2))));

    assertEquals(0, exit, err.toString());
    assertTrue(
        spec("payment-retries.md").contains("## Context\n\n_Not answered._\n\n## Overview"),
        spec("payment-retries.md"));
    assertTrue(out.toString().contains("(6 answered, 1 skipped of 7)"), out.toString());
  }

  @Test
  void back_asks_the_previous_question_again_with_its_answer_and_a_new_answer_replaces_it()
      throws IOException {
    interview(input("Payment retries", "First try", "", "back", "Second thought", "", "finish"));

    assertTrue(
        out.toString()
            .contains(
                """
                [1/7] Context
                    Why are you creating this tech spec?

                    What information helps readers understand the rest of this tech spec?

                    Who are the stakeholders?
                    Your answer so far (type a new one, or skip to keep it):
                      First try
                > \
                """),
        out.toString());
    assertTrue(
        spec("payment-retries.md").contains("## Context\n\nSecond thought\n\n"),
        spec("payment-retries.md"));
  }

  @Test
  void goto_asks_that_question_again_then_returns_to_the_first_unanswered_one() throws IOException {
    interview(
        input("Payment retries", "One", "", "Two", "", "goto 1", "One, better", "", "finish"));

    String printed = out.toString();
    int again = printed.indexOf("[1/7] Context", printed.indexOf("[3/7] Open Questions"));
    assertTrue(again > 0, printed);
    assertTrue(printed.indexOf("[3/7] Open Questions", again) > again, printed);
    assertTrue(spec("payment-retries.md").contains("## Context\n\nOne, better\n\n"));
    assertTrue(spec("payment-retries.md").contains("## Overview\n\nTwo\n\n"));
  }

  @Test
  void goto_a_question_that_does_not_exist_says_so() throws IOException {
    interview(input("Payment retries", "goto 99", "finish"));

    assertTrue(
        out.toString().contains("There is no question 99: this interview has questions 1 to 7."),
        out.toString());
  }

  @Test
  void preview_prints_the_document_as_it_stands_between_rules_and_the_interview_goes_on()
      throws IOException {
    int exit = interview(input("Payment retries", "One", "", "preview", "Two", "", "finish"));

    String rule = "-".repeat(72);
    String printed = out.toString();
    assertTrue(printed.contains(rule + "\n# Payment retries\n\n**Drafter**: alice  \n"), printed);
    assertTrue(printed.contains("## Context\n\nOne\n\n## Overview\n\n_Not answered._"), printed);
    assertTrue(
        printed.contains(
            "- [ ] Other developers provide more formal feedback as is necessary.\n" + rule + "\n"),
        printed);
    assertEquals(0, exit, err.toString());
    assertTrue(spec("payment-retries.md").contains("## Overview\n\nTwo\n\n"));
  }

  @Test
  void finish_writes_the_spec_at_once_with_the_unanswered_sections_marked() throws IOException {
    int exit = interview(input("Payment retries", "One", "", "finish"));

    assertEquals(0, exit, err.toString());
    String spec = spec("payment-retries.md");
    assertTrue(spec.contains("## Context\n\nOne\n\n## Overview\n\n_Not answered._"), spec);
    assertFalse(spec.contains("## Research Notes"), "an optional section left out: " + spec);
    assertTrue(out.toString().contains("(1 answered, 0 skipped of 7)"), out.toString());
  }

  @Test
  void cancel_then_yes_writes_nothing_and_exits_0() throws IOException {
    int exit = interview(input("Payment retries", "One", "", "cancel", "yes"));

    assertEquals(0, exit, err.toString());
    assertTrue(
        out.toString()
            .contains("> Cancel this interview? Type yes to cancel, no to go on.\n> Cancelled."),
        out.toString());
    assertTrue(out.toString().endsWith("Nothing was written.\n"), out.toString());
    assertEquals(List.of(), files());
  }

  @Test
  void cancel_then_no_asks_the_same_question_again() throws IOException {
    int exit = interview(input("Payment retries", "One", "", "cancel", "no", "Two", "", "finish"));

    assertEquals(0, exit, err.toString());
    String printed = out.toString();
    assertTrue(printed.contains("Type yes to cancel, no to go on.\n> \n[2/7] Overview"), printed);
    assertTrue(spec("payment-retries.md").contains("## Overview\n\nTwo\n\n"));
  }

  @Test
  void help_lists_every_command_one_per_line() throws IOException {
    interview(input("Payment retries", "help", "finish"));

    for (String command :
        List.of(
            "skip ",
            "back ",
            "skip section ",
            "goto N ",
            "preview ",
            "pause ",
            "resume ",
            "finish ",
            "cancel ",
            "help ")) {
      assertTrue(out.toString().contains("\n  " + command), command + " in " + out);
    }
  }

  @Test
  void pause_waits_for_resume_and_then_asks_the_same_question() throws IOException {
    interview(input("Payment retries", "pause", "resume", "finish"));

    String printed = out.toString();
    int paused = printed.indexOf("> Paused.");
    assertTrue(paused > 0, printed);
    assertTrue(printed.indexOf("[1/7] Context", paused) > paused, printed);
  }

  @Test
  void the_end_of_the_input_writes_what_was_answered_as_a_draft_and_exits_1() throws IOException {
    int exit = interview(input("Payment retries", "One", "", "skip", "Three, cut short"));

    assertEquals(1, exit);
    assertTrue(
        out.toString()
            .endsWith(
                "The interview was not finished.\nWrote a draft to "
                    + dir.resolve("payment-retries.md")
                    + " (2 answered, 1 skipped of 7)\n"),
        out.toString());
    String draft = spec("payment-retries.md");
    assertTrue(draft.contains("## Context\n\nOne\n\n## Overview\n\n_Not answered._"), draft);
    assertTrue(draft.contains("## Open Questions\n\nThree, cut short\n\n"), draft);
  }

  @Test
  void the_end_of_the_input_before_any_answer_writes_nothing_and_exits_1() throws IOException {
    assertEquals(1, interview(input("Payment retries", "skip")));
    assertEquals(1, interview(""));

    assertEquals(List.of(), files());
    assertTrue(out.toString().contains("Nothing was answered, so nothing was written."));
    assertTrue(out.toString().contains("it had no title yet, so nothing was written."));
  }

  @Test
  void the_spec_never_overwrites_an_existing_file_but_takes_the_next_free_number()
      throws IOException {
    Files.writeString(dir.resolve("payment-retries.md"), "mine\n");
    Files.writeString(dir.resolve("payment-retries-2.md"), "mine too\n");

    int exit = interview(input("Payment retries", "One", "", "finish"));

    assertEquals(0, exit, err.toString());
    assertEquals("mine\n", spec("payment-retries.md"));
    assertEquals("mine too\n", spec("payment-retries-2.md"));
    assertTrue(spec("payment-retries-3.md").startsWith("# Payment retries\n"));
    assertTrue(
        out.toString().contains("Wrote the spec to " + dir.resolve("payment-retries-3.md")),
        out.toString());
  }

  @Test
  void out_names_the_file_and_it_is_not_overwritten_either() throws IOException {
    Files.createDirectories(dir.resolve("specs"));
    Files.writeString(dir.resolve("specs/retries.md"), "mine\n");

    run(input("finish"), "echo-tech-spec", "--title", "Payment retries", "--out", "specs");
    run(input("finish"), "echo-tech-spec", "--title", "X", "--out", "specs/retries.md");

    assertTrue(spec("specs/payment-retries.md").startsWith("# Payment retries\n"));
    assertEquals("mine\n", spec("specs/retries.md"));
    assertTrue(spec("specs/retries-2.md").startsWith("# X\n"));
  }

  @Test
  void a_spec_that_cannot_be_written_is_printed_to_copy_and_exits_1() {
    int exit = run(input("finish"), "echo-tech-spec", "--title", "T", "--out", "no/such.md");

    assertEquals(1, exit);
    assertEquals(
        "Could not write the spec to "
            + dir.resolve("no/such.md")
            + ": its folder does not exist.\n",
        err.toString());
    assertTrue(out.toString().contains("Here it is, to copy:\n" + "-".repeat(72) + "\n# T\n"));
  }

  @Test
  void an_unknown_template_id_exits_1_naming_the_known_ids() {
    int exit = run(input("Payment retries"), "nope");

    assertEquals(1, exit);
    assertEquals(
        "error: nope: no template has this id; known ids: project-spec, echo-tech-spec,"
            + " implementation-plan, technical-specification, feature-plan\n",
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void a_custom_template_file_asks_its_groups_and_fills_its_fields_in_the_clocks_zone()
      throws IOException {
    Files.writeString(dir.resolve("design.md"), DESIGN_TEMPLATE);

    int exit =
        run(
            input("Search", "Users cannot find things.", "", "skip section", "slow | high", ""),
            "design.md");

    assertEquals(0, exit, err.toString());
    String printed = out.toString();
    assertTrue(printed.startsWith("Design: 4 questions, one at a time."), printed);
    assertTrue(
        printed.contains(
            """
            [2/4] Decisions > Storage
                Record each decision with its reason.
                Which database?
            """),
        printed);
    assertTrue(printed.contains("[4/4] Risks\n"), printed);
    assertEquals(
        """
        # Design: Search

        **Author**: alice
        **Date**: 2026-03-03

        ## Context

        Users cannot find things.

        ## Decisions

        ### Storage

        _Not answered._

        ### API

        _Not answered._

        ## Risks

        | Risk | Impact |
        |---|---|
        | slow | high |
        """,
        spec("search.md"));
    assertTrue(printed.contains("(2 answered, 2 skipped of 4)"), printed);
  }

  @Test
  void a_custom_template_id_comes_from_the_templates_folder() throws IOException {
    Path templates = Files.createDirectories(dir.resolve("templates"));
    Files.writeString(templates.resolve("design.md"), DESIGN_TEMPLATE);
    env.put("SPECBOT_TEMPLATES_DIR", templates.toString());

    int exit = run(input("finish"), "design", "--title", "Search");

    assertEquals(0, exit, err.toString());
    assertTrue(spec("search.md").startsWith("# Design: Search\n"), spec("search.md"));
  }

  @Test
  void a_bad_template_prints_its_problem_and_exits_1() throws IOException {
    Path bad = dir.resolve("bad.md");
    Files.writeString(bad, "no headings here\n");

    int exit = run(input("Payment retries"), "bad.md");

    assertEquals(1, exit);
    assertEquals(
        "error: "
            + bad
            + ": has no headings; a template needs headings (#, ##, ...) to mark the sections to"
            + " write\n",
        err.toString());
  }

  @Test
  void an_unknown_option_prints_the_usage_and_exits_2() {
    assertEquals(2, run("", "echo-tech-spec", "--colour", "blue"));
    assertTrue(
        err.toString().startsWith("error: unknown option --colour\nusage: "), err.toString());
  }

  @Test
  void a_missing_template_or_option_value_prints_the_usage_and_exits_2() {
    assertEquals(2, run(""));
    assertEquals(2, run("", "echo-tech-spec", "--title"));
    assertEquals(2, run("", "echo-tech-spec", "project-spec"));
    assertTrue(err.toString().contains("error: --title needs a value\n"), err.toString());
  }

  /** Interviews with echo-tech-spec, the title asked first. */
  private int interview(String input) {
    return run(input, "echo-tech-spec");
  }

  private int run(String input, String... args) {
    return new InterviewCommand(
            env,
            new BufferedReader(new StringReader(input)),
            new PrintWriter(out),
            new PrintWriter(err),
            CLOCK,
            dir)
        .run(args);
  }

  /** "Answer N" for each of {@code count} questions, each ended by an empty line. */
  private static Stream<String> answers(int count) {
    return IntStream.rangeClosed(1, count).boxed().flatMap(n -> Stream.of("Answer " + n, ""));
  }

  private static String input(String... lines) {
    return input(Stream.of(lines));
  }

  private static String input(Stream<String> lines) {
    return String.join("\n", lines.toList()) + "\n";
  }

  private String spec(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  private List<String> files() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    }
  }
}
