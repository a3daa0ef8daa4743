package dev.specbot.template.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.specbot.template.Fixtures;
import dev.specbot.template.Question;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateException;
import dev.specbot.template.markdown.Markdown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

/**
 * For any template and any answers: every answer's text appears in the document, and the template's
 * headings appear in order with answers never rising to their level. Templates and answers are
 * generated from a fixed seed, so a failure names a case that can be replayed.
 */
class RenderPropertyTest {
  private static final int CASES = 400;
  private static final Pattern MARKUP = Pattern.compile("[\\\\#*_>|`~<>\\[\\]!=:-]");
  private static final String[] WORDS = {
    "Context",
    "Goals",
    "Design",
    "Risks",
    "Rollout",
    "Überblick",
    "背景",
    "Testing",
    "Testing",
    "Open Questions",
    "Migration",
    "Data Model",
    "API",
    "Security 🔒",
    "Notes"
  };
  private static final String[] GUIDANCE = {
    "> *Explain the problem.*\n>\n> - *an example*",
    "<!-- Why are you doing this? -->",
    "Describe it in two sentences.",
    "_Keep it short._",
    "- [Item one]\n- [Item two]",
    "| Name | Owner |\n|------|-------|\n| [name] | [owner] |",
    "```\nsrc/\n└── Main.java\n```",
    "**Approach**: [Brief description]",
    "",
  };
  private static final String[] ANSWER_PIECES = {
    "We retry failed payments three times.",
    "# A heading of my own",
    "Setext title\n===",
    "- first\n- second\n  - nested",
    "1. one\n2. two",
    "```python\nprint('unclosed fence')",
    "<!-- a comment never closed",
    "<pre>\nraw block never closed",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "row one | cell two",
    "Ping <!channel> and <@U123ABC> about it 🎉",
    "مرحبا بالعالم and zero\u200bwidth",
    "> quoted\n> lines",
    "Trailing backslash \\",
    "    indented code",
    "---",
    "Text with *emphasis* and `code` and [a link](https://example.com).",
  };

  @Test
  void every_answer_appears_and_template_headings_keep_their_order_and_levels() {
    Random random = new Random(20261121L);
    for (int n = 0; n < CASES; n++) {
      GeneratedTemplate generated = generateTemplate(random);
      Template template = parse(generated, n);
      Map<String, String> answers = generateAnswers(template, random);

      String document = SpecRenderer.render(template, answers, Fixtures.SCHEDULED);

      String context =
          "case "
              + n
              + "\n--- template ---\n"
              + generated.markdown()
              + "\n--- document ---\n"
              + document;
      answers.values().forEach(answer -> assertAnswerAppears(answer, document, context));
      assertHeadingsInOrder(generated.headings(), document, context);
      assertNoOpenFence(document, context);
    }
  }

  record GeneratedTemplate(String markdown, List<String> headings) {}

  private static GeneratedTemplate generateTemplate(Random random) {
    StringBuilder markdown = new StringBuilder();
    List<String> headings = new ArrayList<>();
    if (random.nextBoolean()) {
      markdown.append("# [Project] Spec\n**Drafter**: <!-- name -->\n**Ticket**: [ID]\n\n");
    }
    int sections = 1 + random.nextInt(8);
    int level = 2;
    for (int i = 0; i < sections; i++) {
      level = Math.max(2, Math.min(6, level + random.nextInt(3) - 1));
      String title =
          WORDS[random.nextInt(WORDS.length)] + (random.nextInt(5) == 0 ? " [Name]" : "");
      markdown.append("#".repeat(level)).append(' ').append(title).append("\n\n");
      markdown.append(GUIDANCE[random.nextInt(GUIDANCE.length)]).append("\n\n");
      headings.add(level + " " + title);
    }
    return new GeneratedTemplate(markdown.toString(), headings);
  }

  private static Template parse(GeneratedTemplate generated, int n) {
    try {
      return Fixtures.parse(generated.markdown());
    } catch (TemplateException e) {
      return fail("case " + n + " did not parse: " + e.getMessage() + "\n" + generated.markdown());
    }
  }

  private static Map<String, String> generateAnswers(Template template, Random random) {
    Map<String, String> answers = new HashMap<>();
    for (Question question : template.questions()) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      List<String> pieces = new ArrayList<>();
      for (int i = 0, count = 1 + random.nextInt(3); i < count; i++) {
        pieces.add(ANSWER_PIECES[random.nextInt(ANSWER_PIECES.length)]);
      }
      answers.put(question.id(), String.join(random.nextBoolean() ? "\n\n" : "\n", pieces));
    }
    return answers;
  }

  /** Every word of the answer is in the document, markup aside. */
  private static void assertAnswerAppears(String answer, String document, String context) {
    String flatDocument = MARKUP.matcher(document).replaceAll("");
    for (String word : answer.split("\\s+", -1)) {
      String flat = MARKUP.matcher(word).replaceAll("");
      if (!flat.isEmpty() && !flatDocument.contains(flat)) {
        fail("answer word \"" + word + "\" is missing\n" + context);
      }
    }
  }

  /**
   * The template's headings are, in order, headings of the document at their own level; any heading
   * in between comes from an answer and sits deeper than the template heading before it.
   */
  private static void assertHeadingsInOrder(
      List<String> expected, String document, String context) {
    List<String> outline = outline(document);
    int next = 0;
    int currentLevel = 1;
    for (String heading : outline) {
      int level = Integer.parseInt(heading.substring(0, 1));
      if (next < expected.size() && matches(expected.get(next), heading)) {
        next++;
        currentLevel = level;
      } else if (level <= currentLevel && !heading.startsWith("1 ")) {
        fail("heading \"" + heading + "\" rose to the template's level\n" + context);
      }
    }
    assertEquals(expected.size(), next, "template headings missing or out of order\n" + context);
  }

  private static boolean matches(String templateHeading, String documentHeading) {
    String prefix = templateHeading.replaceFirst("\\s*\\[Name\\]$", "");
    return documentHeading.equals(templateHeading)
        || (templateHeading.endsWith("[Name]") && documentHeading.startsWith(prefix));
  }

  private static void assertNoOpenFence(String document, String context) {
    for (Node node = Markdown.parse(document).getFirstChild();
        node != null;
        node = node.getNext()) {
      if (node instanceof FencedCodeBlock fence) {
        assertTrue(
            fence.getClosingFenceLength() != null, "a code fence runs to the end\n" + context);
      }
    }
  }

  /** The document's top-level headings as "LEVEL text". */
  static List<String> outline(String document) {
    List<String> outline = new ArrayList<>();
    for (Node node = Markdown.parse(document).getFirstChild();
        node != null;
        node = node.getNext()) {
      if (node instanceof Heading heading) {
        outline.add(heading.getLevel() + " " + Hints.inlineKeepingBrackets(heading));
      }
    }
    return outline;
  }
}
