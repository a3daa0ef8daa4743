package dev.specbot.tickets;

import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finished specs of the five built-in templates, answered as a drafter would (in Slack: mentions,
 * links, entities), with action items and things that only look like them.
 */
public final class SpecAnswers {
  private static final TemplateCatalog BUILT_INS = TemplateCatalog.load(Optional.empty());

  private SpecAnswers() {}

  public static Template template(String id) {
    return BUILT_INS.find(id).orElseThrow();
  }

  /** Every question of the template answered: by {@code byTitle} where its title has the key. */
  public static Map<String, String> answers(Template template, Map<String, String> byTitle) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question question : template.questions()) {
      String answer =
          byTitle.entrySet().stream()
              .filter(e -> question.title().startsWith(e.getKey()))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(filler(question));
      answers.put(question.id(), answer);
    }
    return answers;
  }

  /** Only the questions whose titles start with a key of {@code byTitle} answered. */
  public static Map<String, String> only(Template template, Map<String, String> byTitle) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (Question question : template.questions()) {
      byTitle.entrySet().stream()
          .filter(e -> question.title().startsWith(e.getKey()))
          .findFirst()
          .ifPresent(e -> answers.put(question.id(), e.getValue()));
    }
    return answers;
  }

  /** Prose, a plain list and a table row: none of them an action item outside action sections. */
  private static String filler(Question question) {
    return switch (question.kind()) {
      case FIELD -> "#42";
      case TABLE -> "Owner | <@U0ALICE01> | Delivery";
      case TEXT ->
          "Written by <@U0ALICE01> &amp; <@U0BOB0002>, see <https://example.com/doc|the doc>.\n\n"
              + "- a point about "
              + question.title()
              + "\n- another point";
    };
  }

  public static Map<String, String> echo() {
    return answers(
        template("echo-tech-spec"),
        Map.of(
            "Implementation Options",
            """
            **Option A (recommended): retry in the payment worker**

            - Add a `retry_count` column to `payments`
              - a migration with a default of 0
              - backfill not needed
            - Schedule retries with exponential backoff in `PaymentWorker`
            - Alert <!subteam^S0PAY|@payments> when a payment exhausts its retries

            **Option B: a separate retry service**

            Rejected: another deployable for one loop.
            """,
            "Test Plan",
            """
            - Unit tests for the backoff schedule
            - [ ] Load test the worker at 10x today's failures
            - [x] Agree on the test accounts with finance
            """,
            "Rollout Plan",
            """
            Phased: internal merchants first.

            1. Ship behind the `payment_retries` flag
            2. Enable for internal merchants for a week
            3. Enable for everyone &amp; remove the flag
            """,
            "Open Questions",
            "- Do card networks limit retries? <@U0BOB0002> will ask\n- Who owns the alert?"));
  }

  public static Map<String, String> implementationPlan() {
    return answers(
        template("implementation-plan"),
        Map.of(
            "15. Incremental Implementation Checklist",
            """
            Tracked here until the tickets exist.

            * [x] 1. Define contracts
            * [ ] 2. Add the `payment_retries` feature flag
            * [ ] 3. Implement the **retry scheduler**
              * [ ] backoff schedule
              * [ ] dead-letter after 5 attempts
            * [ ] 4. Add tests (unit/integration)
            """,
            "8. Migration / Rollout Strategy",
            "1. Backfill nothing\n2. Turn the flag on per merchant",
            "16. Acceptance Criteria",
            "* Retries recover 30% of soft declines\n* No hard decline is retried",
            "5. Stakeholders",
            "Owner | <@U0ALICE01> | Delivery\nQA | Carol | Test plan"));
  }

  public static Map<String, String> projectSpec() {
    return answers(
        template("project-spec"),
        Map.of(
            "Milestones",
            """
            The MVP first, then the stretch goals.

            1. **Design** the retry policy with finance
            2. Build the retry worker ([design doc](https://example.com/doc))
            3. Dashboards for retry outcomes

            Stretch:

            - Let merchants configure their own schedule
            """,
            "Release Plan",
            "- A post in #payments-news\n- Docs for the dashboard"));
  }

  public static Map<String, String> technicalSpecification() {
    return answers(
        template("technical-specification"),
        Map.of(
            "Phase 1",
            """
            Foundation
            **Goal**: retries run for card payments behind a flag.

            **Components**:

            1. **RetryScheduler**
               - Location: `payments/retry/RetryScheduler.java`
            2. **PaymentWorker**
               - Changes: hands soft declines to the scheduler

            **Estimated Effort**: 5 points
            """,
            "Phase 2",
            "Integration\nWire the scheduler into the ledger and the notifications.",
            "Files to Modify",
            """
            ```text
            - [ ] not a task: a line of a code block
            ```
            - `payments/PaymentWorker.java`: hands off soft declines
            """,
            "Spike 1",
            "Card network retry limits\n- **Goal**: learn each network's limits\n- **Time box**: 2 days",
            "Rollback Plan",
            "1. Turn the flag off\n2. Drain the retry queue",
            "Success Criteria",
            """
            **Functional**:

            - [ ] Soft declines are retried on schedule
            - [x] Hard declines are never retried

            **Deployment**:

            - [ ] Deploys successfully to staging
            """));
  }

  public static Map<String, String> featurePlan() {
    return answers(
        template("feature-plan"),
        Map.of(
            "Phase 0",
            """
            - [x] Review the feature brief with product
            - [ ] Validate assumptions with support &amp; finance
            - [ ] Confirm success metrics
            """,
            "Phase 1",
            "- [ ] Add the `payment_retries` flag\n<!-- - [ ] a commented-out task -->",
            "Phase 2",
            "- [ ] Retry scheduler\n  - [ ] backoff\n- [ ] Ledger entries for retries",
            "Phase 4",
            "Covered by the team's usual regression suite.",
            "Rollout Plan",
            "- Beta with 10 merchants\n- General availability after two weeks",
            "Repository Branch & Milestones",
            "- Target implementation branch: feature/payment-retries\n- Milestone(s): M1, M2"));
  }
}
