package dev.specbot.tickets;

import dev.specbot.template.Question;
import dev.specbot.template.QuestionKind;
import dev.specbot.template.Template;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Proposes tickets from a spec's action items: its answers, read section by section in the
 * interview's order by the rule in this package's description.
 *
 * <p>The answers are read rather than the rendered document, so that the template's own process
 * checklists (kept as written, not answered) are never taken for work to do, and every item is
 * known by the question it answers, which keeps its key when the rest of the spec changes.
 */
public final class ActionItems {
  /**
   * The most proposed at once: the form shows each with its own title field, and ten checkboxes a
   * group, within Slack's 100 blocks to a modal. The rest are counted in {@link
   * Proposals#beyondCap()} and offered once these are created.
   */
  public static final int MAX_PROPOSED = 80;

  private ActionItems() {}

  /** The tickets the answers propose. */
  public static Proposals propose(Template template, Map<String, String> answers) {
    return propose(template, answers, Set.of());
  }

  /**
   * The tickets the answers propose, without those whose keys are in {@code created}: a proposal
   * after some were created offers the rest.
   */
  public static Proposals propose(
      Template template, Map<String, String> answers, Set<String> created) {
    return propose(template, answers, created, new Steps());
  }

  static Proposals propose(
      Template template, Map<String, String> answers, Set<String> created, Steps steps) {
    Objects.requireNonNull(template, "null template");
    Objects.requireNonNull(answers, "null answers");
    Found found = new Found(Set.copyOf(created), steps);
    for (Question question : template.questions()) {
      String answer = answers.get(question.id());
      if (answer == null || answer.isBlank() || question.kind() == QuestionKind.FIELD) {
        continue;
      }
      Headings.Named named = Headings.named(question.title(), answer);
      List<String> path = question.path();
      String group = path.isEmpty() ? "" : path.get(path.size() - 1);
      SectionScan.scan(
          new SectionScan.Source(question.id(), named.heading(), group),
          named.answer(),
          found,
          steps);
    }
    return found.proposals();
  }
}
