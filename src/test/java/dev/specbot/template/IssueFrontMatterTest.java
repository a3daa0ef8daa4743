package dev.specbot.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A template's GitHub issue settings: the title pattern, labels and assignees of an issue
 * template's front matter, and the repository {@code specbot: github:} names.
 */
class IssueFrontMatterTest {
  private static Template withFrontMatter(String yaml) throws TemplateException {
    return Fixtures.parse("---\n" + yaml + "---\n# Doc\n## Context\n");
  }

  private static IssueSettings issueOf(String yaml) throws TemplateException {
    return withFrontMatter(yaml).issue();
  }

  @Test
  void echo_tech_spec_gives_its_title_pattern_and_labels_as_written() {
    IssueSettings issue = Fixtures.builtIn("echo-tech-spec").issue();

    assertEquals(Optional.of("[SUBJECT] Tech Spec"), issue.titlePattern());
    // The built-in file holds the dolphin as it was mis-decoded once (MacRoman): kept verbatim.
    assertEquals(List.of("Team: Echo \uF8FF\u00FC\u00EA\u00A8", "Type: Tech-Spec"), issue.labels());
    assertEquals(List.of(), issue.assignees());
    assertEquals(Optional.empty(), issue.repository());
  }

  @Test
  void a_documents_own_title_is_not_an_issue_title_pattern() {
    IssueSettings issue = Fixtures.builtIn("technical-specification").issue();

    assertEquals(Optional.empty(), issue.titlePattern());
    assertEquals(IssueSettings.NONE, issue);
  }

  @Test
  void templates_without_front_matter_say_nothing_about_issues() throws TemplateException {
    assertEquals(IssueSettings.NONE, Fixtures.builtIn("feature-plan").issue());
    assertEquals(IssueSettings.NONE, Fixtures.builtIn("project-spec").issue());
    assertEquals(IssueSettings.NONE, Fixtures.parse("# Doc\n## Context\n").issue());
  }

  @Test
  void labels_and_assignees_may_be_yaml_lists_and_repeat_only_once() throws TemplateException {
    IssueSettings issue =
        issueOf(
            """
            name: RFC
            about: A request for comments
            title: 'RFC: {{ title }}'
            labels:
              - rfc
              - 'needs review, soon'
              - RFC
              - {color: red}
            assignees: '@alice, bob, Alice, , @'
            """);

    assertEquals(Optional.of("RFC: {{ title }}"), issue.titlePattern());
    assertEquals(List.of("rfc", "needs review, soon"), issue.labels());
    assertEquals(List.of("alice", "bob"), issue.assignees());
  }

  @Test
  void null_and_blank_values_give_nothing() throws TemplateException {
    IssueSettings issue = issueOf("name: RFC\nabout: x\ntitle: ''\nlabels: ~\nassignees:\n  - ~\n");

    assertEquals(IssueSettings.NONE, issue);
  }

  @Test
  void yaml_words_and_dates_read_as_the_text_written() throws TemplateException {
    Template template = withFrontMatter("name: no\nabout: 2026-12-03\nlabels: [on, off, yes]\n");

    assertEquals("no", template.name());
    assertEquals("2026-12-03", template.description());
    assertEquals(List.of("on", "off", "yes"), template.issue().labels());
  }

  @Test
  void numbers_read_as_the_text_written() throws TemplateException {
    Template template = withFrontMatter("name: 007\nabout: 1.50\nlabels: [0x1F, .inf]\n");

    assertEquals("007", template.name());
    assertEquals("1.50", template.description());
    assertEquals(List.of("0x1F", ".inf"), template.issue().labels());
  }

  @Test
  void a_repeated_key_keeps_its_last_value() throws TemplateException {
    Template template = withFrontMatter("name: First\nabout: x\nname: Last\n");

    assertEquals("Last", template.name());
  }

  @Test
  void a_name_or_about_left_empty_is_no_name_or_about() throws TemplateException {
    Template template = withFrontMatter("name:\nabout: ~\ndescription: Why we write\n");

    assertEquals("Test", template.name());
    assertEquals("Why we write", template.description());
  }

  @Test
  void the_front_matter_names_the_repository_under_specbot() throws TemplateException {
    IssueSettings issue =
        issueOf(
            """
            name: RFC
            about: x
            title: '[SUBJECT] RFC'
            labels: rfc
            specbot:
              github: echo-team/specs
            """);

    assertEquals(
        new IssueSettings(
            Optional.of("[SUBJECT] RFC"),
            List.of("rfc"),
            List.of(),
            Optional.of("echo-team/specs")),
        issue);
  }

  @ParameterizedTest
  @ValueSource(strings = {"octo-org/specs", "emu_acme/.github", "a/b.c-d_e", "Octo123/x"})
  void repositories_as_github_spells_them_are_taken(String repository) throws TemplateException {
    Template template = withFrontMatter("specbot:\n  github: " + repository + "\n");

    assertEquals(Optional.of(repository), template.issue().repository());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "specs",
        "a/b/c",
        "https://github.com/a/b",
        "-a/b",
        "a/..",
        "a/",
        "/b",
        "o w/b",
        "a/b c",
        "a123456789012345678901234567890123456789/b"
      })
  void anything_else_is_refused_with_its_line(String repository) {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> withFrontMatter("name: Doc\nspecbot:\n  github: '" + repository + "'\n"));

    assertEquals(
        "test.md:4: \"github\" must name a repository as owner/repo, such as echo-team/specs, not"
            + " \""
            + repository
            + "\"",
        error.getMessage());
  }

  @Test
  void a_mapping_names_the_repository_and_publishes_on_approval() throws TemplateException {
    IssueSettings issue =
        issueOf(
            """
            name: RFC
            about: x
            title: '[SUBJECT] RFC'
            specbot:
              github:
                repo: echo-team/specs
                publish: on-approval
            """);

    assertEquals(
        new IssueSettings(
            Optional.of("[SUBJECT] RFC"),
            List.of(),
            List.of(),
            Optional.of("echo-team/specs"),
            true),
        issue);
  }

  @Test
  void publishing_on_approval_needs_no_repository_and_is_off_unless_said()
      throws TemplateException {
    assertEquals(
        new IssueSettings(Optional.empty(), List.of(), List.of(), Optional.empty(), true),
        issueOf("name: RFC\nspecbot:\n  github: {publish: on-approval}\n"));
    assertEquals(
        new IssueSettings(Optional.empty(), List.of(), List.of(), Optional.of("a/b"), false),
        issueOf("name: RFC\nspecbot:\n  github: {repo: a/b, publish: on-request}\n"));
  }

  @Test
  void an_unknown_time_to_publish_is_refused_in_plain_words() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> withFrontMatter("specbot:\n  github: {repo: a/b, publish: sometimes}\n"));

    assertEquals(
        "\"publish\" must be on-approval (an issue as soon as the review approves the spec) or"
            + " on-request (when the drafter asks), not \"sometimes\"",
        error.problem());
  }

  @Test
  void a_list_of_repositories_is_refused() {
    TemplateException error =
        assertThrows(
            TemplateException.class,
            () -> withFrontMatter("specbot:\n  github:\n    - a/b\n    - c/d\n"));

    assertEquals("\"github\" must be a single line of text", error.problem());
  }

  @Test
  void a_sidecar_names_the_repository_and_wins_over_the_front_matter(@TempDir Path dir)
      throws IOException, TemplateException {
    Path markdown = dir.resolve("rfc.md");
    Files.writeString(
        markdown,
        """
        ---
        name: RFC
        about: x
        title: '[Title] design'
        assignees: [carol]
        specbot:
          github: old-org/specs
        ---
        # Doc
        ## Context
        """,
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("rfc.yml"), "name: Team RFC\ngithub: new-org/rfcs\n", StandardCharsets.UTF_8);

    Template template = TemplateCatalog.read(markdown);

    assertEquals("Team RFC", template.name());
    assertEquals(
        new IssueSettings(
            Optional.of("[Title] design"),
            List.of(),
            List.of("carol"),
            Optional.of("new-org/rfcs")),
        template.issue());
  }

  @Test
  void a_bad_repository_in_a_sidecar_is_refused_with_the_sidecars_line(@TempDir Path dir)
      throws IOException {
    Path markdown = dir.resolve("rfc.md");
    Files.writeString(markdown, "# Doc\n## Context\n", StandardCharsets.UTF_8);
    Path sidecar = dir.resolve("rfc.yml");
    Files.writeString(sidecar, "name: RFC\ngithub: specs\n", StandardCharsets.UTF_8);

    TemplateException error =
        assertThrows(TemplateException.class, () -> TemplateCatalog.read(markdown));

    assertEquals(sidecar.toString(), error.source());
    assertEquals(2, error.line());
  }

  @Test
  void the_issue_settings_leave_the_rest_of_the_template_as_it_was() throws TemplateException {
    // As many lines of front matter, so that the questions' lines match.
    Template plain =
        Fixtures.parse(
            """
            ---
            name: RFC
            about: A
            description: d
            version: 1
            notes:
              github: a/b
            ---
            # Doc
            ## Context
            """);
    Template published =
        Fixtures.parse(
            """
            ---
            name: RFC
            about: A
            title: '[SUBJECT]'
            labels: rfc
            specbot:
              github: a/b
            ---
            # Doc
            ## Context
            """);

    assertEquals(plain.name(), published.name());
    assertEquals(plain.questions(), published.questions());
    assertEquals(plain.fields(), published.fields());
    assertEquals(
        SpecRenderer.render(plain, Map.of("context", "Why"), Fixtures.UNSCHEDULED),
        SpecRenderer.render(published, Map.of("context", "Why"), Fixtures.UNSCHEDULED));
  }
}
