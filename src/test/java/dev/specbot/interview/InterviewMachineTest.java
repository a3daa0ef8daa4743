package dev.specbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InterviewMachineTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-03T10:00:00Z");
  private static final Template PROJECT_SPEC =
      TemplateCatalog.load(Optional.empty()).find("project-spec").orElseThrow();

  private final InterviewMachine machine = new InterviewMachine(PROJECT_SPEC, ZoneOffset.UTC);
  private final Interview fresh =
      Interview.start("i-1", "project-spec", "Payment retries", "U1", "Alice", T0);

  @Test
  void beginning_asks_the_first_question_of_all() {
    Transition begun = machine.begin(fresh);

    Effect.Ask ask = onlyAsk(begun);
    assertEquals("TL;DR", ask.question().title());
    assertEquals(12, ask.total());
    assertEquals(Optional.empty(), ask.previousAnswer());
  }

  @Test
  void an_answer_is_stored_and_the_next_question_follows() {
    Transition next = machine.apply(fresh, new Input.Answer("  Retries, done right.\n"), LATER);

    assertEquals("Retries, done right.", next.interview().answers().get("tl-dr"));
    assertEquals(1, next.interview().current());
    assertEquals("Problem to be solved/ User story", onlyAsk(next).question().title());
    assertEquals(LATER, next.interview().updatedAt());
    assertEquals(new Progress(1, 0, 12), progress(next));
  }

  @Test
  void a_blank_answer_is_refused_and_nothing_changes() {
    Transition next = machine.apply(fresh, new Input.Answer(" \n "), LATER);

    assertEquals(fresh, next.interview());
    assertInstanceOf(Effect.Say.class, next.effects().get(0));
  }

  @Test
  void goto_on_a_posted_spec_asks_that_question_again_with_its_answer() {
    Interview posted = postedWithFirstAnswer();

    Transition asked = machine.apply(posted, new Input.Goto(1), LATER);

    assertEquals(Status.REVISING, asked.interview().status());
    assertEquals(Optional.of("Retries, done right."), onlyAsk(asked).previousAnswer());
  }

  @Test
  void the_answer_to_a_question_asked_again_replaces_it_and_the_spec_is_posted_again() {
    Interview revising =
        machine.apply(postedWithFirstAnswer(), new Input.Goto(1), LATER).interview();

    Transition answered = machine.apply(revising, new Input.Answer("Retries, all of them."), LATER);

    assertEquals(Status.FINISHED, answered.interview().status());
    assertEquals("Retries, all of them.", answered.interview().answers().get("tl-dr"));
    assertTrue(answered.effects().stream().anyMatch(Effect.Republish.class::isInstance));
  }

  @Test
  void anything_but_an_answer_keeps_the_answer_and_a_wrong_number_is_refused() {
    Interview posted = postedWithFirstAnswer();
    Interview revising = machine.apply(posted, new Input.Goto(1), LATER).interview();

    Transition kept = machine.apply(revising, new Input.Skip(), LATER);
    Transition wrong = machine.apply(posted, new Input.Goto(99), LATER);

    assertEquals(Status.FINISHED, kept.interview().status());
    assertEquals("Retries, done right.", kept.interview().answers().get("tl-dr"));
    assertEquals(posted, wrong.interview());
    assertInstanceOf(Effect.Say.class, wrong.effects().get(0));
  }

  private Interview postedWithFirstAnswer() {
    Interview answered =
        machine.apply(fresh, new Input.Answer("Retries, done right."), T0).interview();
    return machine.apply(answered, new Input.Finish(), T0).interview();
  }

  @Test
  void skip_leaves_the_question_unanswered_and_moves_on() {
    Transition next = machine.apply(fresh, new Input.Skip(), LATER);

    assertEquals(List.of("tl-dr"), List.copyOf(next.interview().skipped()));
    assertEquals(1, next.interview().current());
  }

  @Test
  void skipping_the_last_question_finishes_and_publishes() {
    Interview atLast = answerAllBut(11);

    Transition next = machine.apply(atLast, new Input.Skip(), LATER);

    assertEquals(Status.FINISHED, next.interview().status());
    Effect.Publish publish = lastOf(next, Effect.Publish.class);
    assertEquals(new Progress(11, 1, 12), publish.progress());
    assertTrue(publish.markdown().startsWith("# Payment retries\n"));
  }

  @Test
  void back_from_the_first_question_says_so_and_asks_it_again() {
    Transition next = machine.apply(fresh, new Input.Back(), LATER);

    assertEquals(0, next.interview().current());
    assertInstanceOf(Effect.Say.class, next.effects().get(0));
    assertEquals("TL;DR", lastOf(next, Effect.Ask.class).question().title());
  }

  @Test
  void back_asks_the_previous_question_with_its_answer() {
    Interview second = machine.apply(fresh, new Input.Answer("Short."), LATER).interview();

    Transition back = machine.apply(second, new Input.Back(), LATER);

    assertEquals(0, back.interview().current());
    assertEquals(Optional.of("Short."), onlyAsk(back).previousAnswer());
  }

  @Test
  void goto_asks_that_question_then_returns_to_the_first_unanswered() {
    Interview atFive = answerAllBut(5);
    Interview rewound = machine.apply(atFive, new Input.Goto(2), LATER).interview();
    assertEquals(1, rewound.current());

    Transition answered = machine.apply(rewound, new Input.Answer("New problem."), LATER);

    assertEquals("New problem.", answered.interview().answers().get(questionId(1)));
    assertEquals(5, answered.interview().current());
  }

  @Test
  void goto_past_the_end_or_before_the_start_changes_nothing() {
    for (int number : new int[] {0, 13, 999}) {
      Transition next = machine.apply(fresh, new Input.Goto(number), LATER);

      assertEquals(fresh, next.interview());
      assertEquals(
          new Effect.Say(
              "There is no question " + number + ": this interview has questions 1 to 12."),
          next.effects().get(0));
    }
  }

  @Test
  void skip_section_skips_the_rest_of_the_group() {
    Interview inIntro = machine.apply(fresh, new Input.Answer("Summary."), LATER).interview();
    Interview answeredFirstOfGroup =
        machine.apply(inIntro, new Input.Answer("Problem."), LATER).interview();

    Transition next = machine.apply(answeredFirstOfGroup, new Input.SkipSection(), LATER);

    assertEquals(3, next.interview().skipped().size());
    assertEquals("Proposed Implementation (1 or multiple)", onlyAsk(next).question().title());
    assertEquals("Problem.", next.interview().answers().get(questionId(1)));
  }

  @Test
  void skip_section_outside_a_group_skips_the_question_alone() {
    Transition next = machine.apply(fresh, new Input.SkipSection(), LATER);

    assertEquals(1, next.interview().skipped().size());
    assertEquals(1, next.interview().current());
  }

  @Test
  void finish_with_nothing_answered_publishes_every_section_as_not_answered() {
    Transition next = machine.apply(fresh, new Input.Finish(), LATER);

    assertEquals(Status.FINISHED, next.interview().status());
    Effect.Publish publish = lastOf(next, Effect.Publish.class);
    assertEquals(new Progress(0, 0, 12), publish.progress());
    assertTrue(publish.markdown().contains("## TL;DR\n\n_Not answered._"));
  }

  @Test
  void preview_shows_the_document_so_far_and_changes_nothing() {
    Interview answered = machine.apply(fresh, new Input.Answer("Summary."), LATER).interview();

    Transition next = machine.apply(answered, new Input.Preview(), LATER);

    assertEquals(answered, next.interview());
    assertTrue(
        assertInstanceOf(Effect.ShowPreview.class, next.effects().get(0))
            .markdown()
            .contains("## TL;DR\n\nSummary."));
  }

  @Test
  void pause_stops_and_resume_asks_the_current_question_again() {
    Transition paused = machine.apply(fresh, new Input.Pause(), LATER);
    assertEquals(Status.PAUSED, paused.interview().status());

    Transition resumed = machine.apply(paused.interview(), new Input.Resume(), LATER);

    assertEquals(Status.ASKING, resumed.interview().status());
    assertEquals("TL;DR", onlyAsk(resumed).question().title());
  }

  @Test
  void an_answer_while_paused_resumes_and_is_kept() {
    Interview paused = machine.apply(fresh, new Input.Pause(), LATER).interview();

    Transition next = machine.apply(paused, new Input.Answer("Summary."), LATER);

    assertEquals(Status.ASKING, next.interview().status());
    assertEquals("Summary.", next.interview().answers().get("tl-dr"));
  }

  @Test
  void cancel_asks_for_confirmation_and_yes_cancels() {
    Transition asked = machine.apply(fresh, new Input.Cancel(), LATER);
    assertEquals(Status.CONFIRMING_CANCEL, asked.interview().status());
    assertEquals(List.of(new Effect.AskToConfirmCancel()), asked.effects());

    Transition cancelled = machine.apply(asked.interview(), new Input.Answer("yes"), LATER);

    assertEquals(Status.CANCELLED, cancelled.interview().status());
  }

  @Test
  void anything_but_yes_withdraws_a_cancel_and_an_answer_is_kept() {
    Interview confirming = machine.apply(fresh, new Input.Cancel(), LATER).interview();

    Transition no = machine.apply(confirming, new Input.Answer("no"), LATER);
    Transition answer = machine.apply(confirming, new Input.Answer("Actually, a summary."), LATER);

    assertEquals(Status.ASKING, no.interview().status());
    assertEquals("TL;DR", onlyAsk(no).question().title());
    assertEquals(Status.ASKING, answer.interview().status());
    assertEquals("Actually, a summary.", answer.interview().answers().get("tl-dr"));
  }

  @Test
  void a_finished_or_cancelled_interview_takes_no_more_answers() {
    Interview finished = machine.apply(fresh, new Input.Finish(), LATER).interview();

    Transition next = machine.apply(finished, new Input.Answer("late"), LATER);

    assertEquals(finished, next.interview());
    assertEquals(
        List.of(new Effect.Say("This spec is finished and posted. Start a new one with `/spec`.")),
        next.effects());
  }

  @Test
  void help_explains_and_changes_nothing() {
    Transition next = machine.apply(fresh, new Input.Help(), LATER);

    assertEquals(fresh, next.interview());
    assertEquals(List.of(new Effect.ShowHelp()), next.effects());
  }

  @Test
  void replies_that_are_commands_are_read_as_commands_and_the_rest_as_answers() {
    assertEquals(new Input.Skip(), Commands.parse(" Skip "));
    assertEquals(new Input.Goto(4), Commands.parse("goto 4"));
    assertEquals(new Input.Goto(4), Commands.parse("go to #4"));
    assertEquals(new Input.SkipSection(), Commands.parse("skip section"));
    assertEquals(new Input.Finish(), Commands.parse("finish."));
    assertEquals(new Input.Answer("skip the retries"), Commands.parse("skip the retries"));
    assertEquals(new Input.Answer("back\nend"), Commands.parse("back\nend"));
  }

  @Test
  void the_same_input_on_the_same_interview_gives_the_same_transition() {
    Input answer = new Input.Answer("Summary.");

    assertEquals(machine.apply(fresh, answer, LATER), machine.apply(fresh, answer, LATER));
  }

  private Interview answerAllBut(int index) {
    Interview interview = fresh;
    for (int i = 0; i < index; i++) {
      interview =
          machine.apply(interview, new Input.Answer("Answer " + (i + 1)), LATER).interview();
    }
    assertEquals(index, interview.current());
    return interview;
  }

  private static String questionId(int index) {
    return PROJECT_SPEC.questions().get(index).id();
  }

  private static Effect.Ask onlyAsk(Transition transition) {
    List<Effect.Ask> asks =
        transition.effects().stream()
            .filter(Effect.Ask.class::isInstance)
            .map(Effect.Ask.class::cast)
            .toList();
    assertEquals(1, asks.size(), transition.effects().toString());
    return asks.get(0);
  }

  private static Progress progress(Transition transition) {
    return lastOf(transition, Effect.ProgressChanged.class).progress();
  }

  private static <T extends Effect> T lastOf(Transition transition, Class<T> type) {
    List<T> found = transition.effects().stream().filter(type::isInstance).map(type::cast).toList();
    assertTrue(!found.isEmpty(), "no " + type.getSimpleName() + " in " + transition.effects());
    return found.get(found.size() - 1);
  }
}
