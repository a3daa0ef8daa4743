package dev.specbot.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Answers made to hurt the scanners stay linear: the steps counted on an answer twice as long are
 * about twice as many, and never more than a few per character. Steps, not time: the machine is
 * shared, and a count does not vary.
 */
class HostileAnswersTest {
  private static final int LENGTH = 100_000;

  /** A few passes over each character: reading lines, list items, titles, bodies. */
  private static final int STEPS_PER_CHARACTER = 8;

  record Shape(String name, IntFunction<String> text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Shape> shapes() {
    return List.of(
        new Shape("thousands of open checklist items", n -> lines("- [ ] x", n)),
        new Shape("checklist items nested ever deeper", HostileAnswersTest::deepNesting),
        new Shape("done items nested ever deeper", n -> deepNesting(n).replace("[ ]", "[x]")),
        new Shape("one line of opening brackets", n -> "- [ ] " + "[".repeat(n)),
        new Shape("one line of links never closed", n -> "- [ ] " + repeat("[a](", n)),
        new Shape("one line of angle brackets", n -> "- [ ] " + repeat("<a|", n)),
        new Shape("one line of backslashes and stars", n -> "- [ ] " + repeat("\\*", n)),
        new Shape("one line of list markers", n -> repeat("- ", n)),
        new Shape("one item continued lazily", n -> "- [ ] a\n" + lines("continued", n)),
        new Shape("thousands of headings", n -> lines("### Phase 1: x", n)),
        new Shape("one heading of a whole answer", n -> "### Milestone 1 " + "x".repeat(n)),
        new Shape("a fence never closed", n -> "```\n" + lines("- [ ] x", n)),
        new Shape("a comment never closed", n -> "<!--\n" + lines("- [ ] x", n)),
        new Shape("blank lines between items", n -> lines("- [ ] x\n\n\n", n)),
        new Shape("indentation of tabs and spaces", n -> lines(" \t".repeat(50) + "- [ ] x", n)),
        new Shape("spaces after the marker", n -> "-" + " ".repeat(n) + "[ ] x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void steps_grow_with_the_answer_and_no_faster(Shape shape) {
    long single = steps(shape.text().apply(LENGTH));
    long twice = steps(shape.text().apply(2 * LENGTH));

    assertTrue(single <= (long) STEPS_PER_CHARACTER * LENGTH, shape + ": " + single + " steps");
    assertTrue(twice <= 2 * single + 2 * LENGTH / 10, shape + ": " + single + " then " + twice);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void proposals_stay_within_the_cap_and_their_limits(Shape shape) {
    Proposals proposals = propose(shape.text().apply(LENGTH), new Steps());

    assertTrue(proposals.tickets().size() <= ActionItems.MAX_PROPOSED);
    for (Ticket ticket : proposals.tickets()) {
      assertTrue(ticket.title().length() <= Ticket.MAX_TITLE, shape + " title");
      assertTrue(ticket.section().length() <= Ticket.MAX_TITLE + 40, shape + " section");
      assertTrue(ticket.body().length() <= Ticket.MAX_BODY, shape + " body");
      assertTrue(ticket.title().indexOf('\n') < 0, shape + " title on one line");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void ticking_the_ticket_step_stays_linear(Shape shape) {
    String text = shape.text().apply(LENGTH) + "\n- [ ] Turn the spec into tickets\n";

    String ticked = TicketChecklist.tickTicketStep(text);

    assertEquals(text.length(), ticked.length());
  }

  private static long steps(String answer) {
    Steps steps = new Steps();
    propose(answer, steps);
    return steps.count();
  }

  private static Proposals propose(String answer, Steps steps) {
    Template template = SpecAnswers.template("project-spec");
    Map<String, String> answers = SpecAnswers.only(template, Map.of("Milestones", answer));
    return ActionItems.propose(template, answers, Set.of(), steps);
  }

  /** Lines of {@code line}, about {@code length} characters in all. */
  private static String lines(String line, int length) {
    return (line + "\n").repeat(Math.max(1, length / (line.length() + 1)));
  }

  private static String repeat(String text, int length) {
    return text.repeat(Math.max(1, length / text.length()));
  }

  /** Each item two spaces deeper than the last, until the answer is {@code length} long. */
  private static String deepNesting(int length) {
    StringBuilder text = new StringBuilder();
    for (int depth = 0; text.length() < length; depth++) {
      text.append(" ".repeat(2 * depth)).append("- [ ] item ").append(depth).append('\n');
    }
    return text.toString();
  }
}
