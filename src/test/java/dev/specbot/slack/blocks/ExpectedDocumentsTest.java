package dev.specbot.slack.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documents the template engine produces read in Slack without losing a word. */
class ExpectedDocumentsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "echo-tech-spec",
        "feature-plan",
        "implementation-plan",
        "project-spec",
        "technical-specification"
      })
  void an_answered_spec_converts_without_losing_a_word(String template) {
    String markdown = expected(template + ".answered.md");

    Converted converted = Converted.of(markdown);

    assertEquals(Words.of(markdown), converted.words());
    for (List<LayoutBlock> message : converted.messages()) {
      assertTrue(message.size() <= 50);
    }
    assertTrue(converted.texts().stream().allMatch(text -> text.length() <= 3000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"technical-specification", "feature-plan"})
  void an_answered_spec_keeps_its_headings_tables_and_checklists(String template) {
    Converted converted = Converted.of(expected(template + ".answered.md"));

    assertTrue(
        converted.headers().contains("Rollout Plan")
            || converted.headers().contains("Rollout Strategy"));
    assertTrue(converted.all().contains("```\nRisk | Impact | "), converted.all());
  }

  private static String expected(String name) {
    try (InputStream in = ExpectedDocumentsTest.class.getResourceAsStream("/expected/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource /expected/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
