package dev.specbot.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Questions handed to co-authors, answered by them, taken back, waited on. */
class InterviewMachineCoAuthorsTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-03T10:00:00Z");
  private static final Template PROJECT_SPEC =
      TemplateCatalog.load(Optional.empty()).find("project-spec").orElseThrow();

  private final InterviewMachine machine = new InterviewMachine(PROJECT_SPEC, ZoneOffset.UTC);
  private final Interview fresh =
      Interview.start("i-1", "project-spec", "Payment retries", "U1", "Alice", T0);

  @Test
  void assigning_the_current_question_tells_the_co_author_and_asks_the_drafter_the_next() {
    Transition assigned = apply(fresh, new Input.Assign(List.of(1), false, "U2", "Bob"));

    Effect.Assigned told = first(assigned, Effect.Assigned.class);
    assertEquals("Bob", told.assignee().name());
    assertEquals("TL;DR", told.questions().get(0).title());
    assertEquals(2, first(assigned, Effect.Ask.class).question().number());
    assertEquals(Optional.of("U2"), assigned.interview().waitingOn("tl-dr").map(Assignee::id));
  }

  @Test
  void a_co_authors_reply_answers_their_question_while_the_drafter_answers_others() {
    Interview i = apply(fresh, new Input.Assign(List.of(2), false, "U2", "Bob")).interview();
    i = apply(i, new Input.Answer("Retries, done right.")).interview();
    assertEquals(3, i.current() + 1, "question 2 is passed over for the drafter");

    Transition bob = apply(i, new Input.CoAuthorAnswer("U2", "Payers lose money."));

    assertEquals("Payers lose money.", bob.interview().answers().get(questionId(2)));
    assertEquals(2, first(bob, Effect.CoAuthorAnswered.class).question().number());
    assertEquals(3, bob.interview().current() + 1, "the drafter's question stays where it was");
    assertTrue(bob.effects().stream().noneMatch(Effect.Ask.class::isInstance));
  }

  @Test
  void a_co_author_with_more_questions_is_asked_the_next_one() {
    Interview i = apply(fresh, new Input.Assign(List.of(3, 4), false, "U2", "Bob")).interview();

    Transition bob = apply(i, new Input.CoAuthorAnswer("U2", "Merchants."));

    Effect.AskCoAuthor next = first(bob, Effect.AskCoAuthor.class);
    assertEquals(4, next.question().number());
    assertEquals("U2", next.assignee().id());
  }

  @Test
  void a_whole_section_is_handed_over_but_its_answered_questions_stay() {
    Interview i = answerUpTo(3);

    Transition assigned = apply(i, new Input.Assign(List.of(4), true, "U2", "Bob"));

    List<Integer> numbers =
        first(assigned, Effect.Assigned.class).questions().stream().map(q -> q.number()).toList();
    assertEquals(List.of(4, 5), numbers);
  }

  @Test
  void when_only_co_authors_questions_are_left_it_waits_then_finishes_on_their_last_answer() {
    Interview i = apply(fresh, new Input.Assign(List.of(12), false, "U2", "Bob")).interview();
    for (int n = 1; n <= 11; n++) {
      i = apply(i, new Input.Answer("Answer " + n)).interview();
    }
    assertEquals(Status.WAITING, i.status());

    Transition drafterAgain = apply(i, new Input.Answer("more"));
    String said = first(drafterAgain, Effect.Say.class).text();
    assertTrue(said.startsWith("Waiting on Bob for question 12 (Links & References)"), said);
    assertEquals(i, drafterAgain.interview());

    Transition done = apply(i, new Input.CoAuthorAnswer("U2", "See the RFC."));
    assertEquals(Status.FINISHED, done.interview().status());
    String document = first(done, Effect.Publish.class).markdown();
    assertTrue(document.contains("See the RFC."), document);
  }

  @Test
  void finishing_early_marks_the_unanswered_handed_over_question_and_frees_its_co_author() {
    Interview i = apply(fresh, new Input.Assign(List.of(12), false, "U2", "Bob")).interview();

    Transition finished = apply(i, new Input.Finish());

    assertEquals(Status.FINISHED, finished.interview().status());
    assertEquals(Optional.empty(), finished.interview().waitingOn(questionId(12)));
    assertTrue(finished.interview().assignments().isEmpty());
    assertTrue(first(finished, Effect.Publish.class).markdown().contains("_Not answered._"));
  }

  @Test
  void unassign_while_waiting_asks_the_drafter_the_question_taken_back() {
    Interview i = apply(fresh, new Input.Assign(List.of(12), false, "U2", "Bob")).interview();
    for (int n = 1; n <= 11; n++) {
      i = apply(i, new Input.Answer("Answer " + n)).interview();
    }

    Transition back = apply(i, new Input.Unassign(List.of(12)));

    assertEquals(Status.ASKING, back.interview().status());
    assertEquals(12, first(back, Effect.Ask.class).question().number());
    assertEquals("U2", first(back, Effect.Unassigned.class).assignee().id());
    assertTrue(back.interview().assignments().isEmpty());
  }

  @Test
  void goto_a_question_with_a_co_author_says_it_is_theirs() {
    Interview i = apply(fresh, new Input.Assign(List.of(5), false, "U2", "Bob")).interview();

    Transition moved = apply(i, new Input.Goto(5));

    assertEquals(i, moved.interview());
    assertTrue(first(moved, Effect.Say.class).text().contains("`unassign 5`"));
  }

  @Test
  void hand_overs_that_cannot_be_done_are_refused_with_a_reason() {
    Interview answered = answerUpTo(1);

    assertSays(apply(fresh, new Input.Assign(List.of(2), false, "U1", "Alice")), "yours already");
    assertSays(apply(answered, new Input.Assign(List.of(1), false, "U2", "Bob")), "answered");
    assertSays(apply(fresh, new Input.Assign(List.of(13), false, "U2", "Bob")), "no question 13");
    assertSays(apply(fresh, new Input.Unassign(List.of(3))), "not handed to anyone");
  }

  @Test
  void an_answered_hand_over_is_kept_as_the_co_authors_credit() {
    Interview i =
        apply(fresh, new Input.Assign(List.of(2), false, "U2", "Bob Example")).interview();
    i = apply(i, new Input.CoAuthorAnswer("U2", "Payers lose money.")).interview();

    assertEquals(Set.of(questionId(2)), i.assignments().keySet(), "the credit stays once answered");
    assertTrue(machine.render(i, LATER).contains("Payers lose money."));
  }

  @Test
  void a_co_authors_command_is_not_obeyed_and_they_are_told_so() {
    Interview i = apply(fresh, new Input.Assign(List.of(2), false, "U2", "Bob")).interview();

    Transition skipped = apply(i, new Input.CoAuthorAnswer("U2", "skip"));

    assertEquals(i, skipped.interview());
    assertSays(skipped, "Only Alice");
  }

  @Test
  void a_pause_or_a_cancel_withdrawn_while_waiting_goes_back_to_waiting() {
    Interview waiting = waitingOnBobFor12();

    Interview paused = apply(waiting, new Input.Pause()).interview();
    Transition resumed = apply(paused, new Input.Resume());
    Interview confirming = apply(waiting, new Input.Cancel()).interview();
    Transition keptGoing = apply(confirming, new Input.Answer("no"));

    assertEquals(Status.WAITING, resumed.interview().status());
    assertSays(resumed, "Waiting on Bob");
    assertEquals(Status.WAITING, keptGoing.interview().status());
    assertSays(keptGoing, "Waiting on Bob");
  }

  @Test
  void skip_section_leaves_the_questions_handed_to_a_co_author() {
    Interview i = answerUpTo(1);
    i = apply(i, new Input.Assign(List.of(4), false, "U2", "Bob")).interview();

    Interview skipped = apply(i, new Input.SkipSection()).interview();

    assertTrue(skipped.skipped().contains(questionId(2)));
    assertEquals(Optional.of("U2"), skipped.waitingOn(questionId(4)).map(Assignee::id));
  }

  private Interview waitingOnBobFor12() {
    Interview i = apply(fresh, new Input.Assign(List.of(12), false, "U2", "Bob")).interview();
    for (int n = 1; n <= 11; n++) {
      i = apply(i, new Input.Answer("Answer " + n)).interview();
    }
    assertEquals(Status.WAITING, i.status());
    return i;
  }

  private Interview answerUpTo(int number) {
    Interview i = fresh;
    for (int n = 1; n <= number; n++) {
      i = apply(i, new Input.Answer("Answer " + n)).interview();
    }
    return i;
  }

  private Transition apply(Interview interview, Input input) {
    return machine.apply(interview, input, LATER);
  }

  private static String questionId(int number) {
    return PROJECT_SPEC.questions().get(number - 1).id();
  }

  private static void assertSays(Transition transition, String words) {
    String said = first(transition, Effect.Say.class).text();
    assertTrue(said.contains(words), said);
  }

  private static <T extends Effect> T first(Transition transition, Class<T> type) {
    return transition.effects().stream()
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " in " + transition));
  }
}
