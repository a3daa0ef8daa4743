package dev.specbot.interview;

import static dev.specbot.text.AdversarialText.MESSAGE;
import static dev.specbot.text.LinearTime.assertLinear;

import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.text.AdversarialText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replies in an interview, at the longest Slack lets them be and in every hostile shape: read as a
 * command or an answer, taken, and previewed in time that grows with them, never faster (see {@link
 * dev.specbot.text.LinearTime}).
 */
class WorstCaseReplyTimingTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-03T10:00:00Z");
  private static final Template FEATURE_PLAN =
      TemplateCatalog.load(Optional.empty()).find("feature-plan").orElseThrow();

  private final InterviewMachine machine = new InterviewMachine(FEATURE_PLAN, ZoneOffset.UTC);
  private final Interview fresh =
      Interview.start("i-1", "feature-plan", "Payment retries", "U1", "Alice", T0);
  private final Interview confirmingCancel =
      machine.apply(fresh, new Input.Cancel(), T0).interview();

  @TestFactory
  Stream<DynamicTest> a_reply_is_read_as_a_command_in_linear_time() {
    return everyShape("Commands.parse", Commands::parse);
  }

  @TestFactory
  Stream<DynamicTest> an_answer_is_taken_and_previewed_in_linear_time() {
    return everyShape(
        "an answer, then preview",
        text -> {
          Interview answered = machine.apply(fresh, Commands.parse(text), LATER).interview();
          machine.apply(answered, new Input.Preview(), LATER);
        });
  }

  @TestFactory
  Stream<DynamicTest> a_reply_to_are_you_sure_is_read_in_linear_time() {
    return everyShape(
        "a reply while a cancel waits",
        text -> machine.apply(confirmingCancel, new Input.Answer(text), LATER));
  }

  @TestFactory
  Stream<DynamicTest> a_title_is_previewed_in_linear_time() {
    return everyShape(
        "a title, then preview",
        title ->
            machine.apply(
                Interview.start("i-2", "feature-plan", title, "U1", "Alice", T0),
                new Input.Preview(),
                LATER));
  }

  /**
   * Slack sends nothing longer than 40,000 characters, and answers joined from several replies are
   * longer only by their count; still, four times that is taken in linear time too.
   */
  @TestFactory
  Stream<DynamicTest> an_answer_longer_than_slack_sends_is_taken_in_linear_time() {
    return AdversarialText.shapes().stream()
        .filter(shape -> shape.name().equals("every run at once"))
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    "an answer of " + 4 * MESSAGE + " characters, then preview: " + shape,
                    () ->
                        assertLinear(
                            shape.text(),
                            text -> {
                              Interview answered =
                                  machine.apply(fresh, Commands.parse(text), LATER).interview();
                              machine.apply(answered, new Input.Preview(), LATER);
                            },
                            4 * MESSAGE)));
  }

  private static Stream<DynamicTest> everyShape(String what, Consumer<String> work) {
    return AdversarialText.shapes().stream()
        .map(
            shape ->
                DynamicTest.dynamicTest(
                    what + ": " + shape, () -> assertLinear(shape.text(), work, MESSAGE)));
  }
}
