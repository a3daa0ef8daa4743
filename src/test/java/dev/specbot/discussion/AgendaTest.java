package dev.specbot.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specbot.review.Concern;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import dev.specbot.tickets.SpecAnswers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgendaTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void echo_lists_its_open_questions_the_open_concerns_and_who_has_read_it() {
    Template echo = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.only(echo, Map.of("Open Questions", "Do we retry refunds?"));
    List<Concern> concerns =
        List.of(
            new Concern("cost", "U0CAROL03", "Retries double the load", T0, Optional.empty()),
            new Concern("old", "U0CAROL03", "resolved", T0, Optional.of(T0)));

    Agenda agenda =
        Agenda.of(echo, answers, concerns, List.of("U0BOB0002", "U0CAROL03"), List.of("U0BOB0002"));

    assertEquals(
        List.of(
            new Agenda.OpenQuestions("Open Questions", Optional.of("Do we retry refunds?"), false)),
        agenda.questions());
    assertEquals(List.of("cost"), agenda.concerns().stream().map(Concern::name).toList());
    assertEquals(List.of("U0BOB0002"), agenda.read());
    assertEquals(List.of("U0CAROL03"), agenda.notYetRead());
  }

  @Test
  void technical_specification_lists_each_open_technical_question_under_its_section() {
    Template spec = SpecAnswers.template("technical-specification");

    Agenda agenda = Agenda.of(spec, Map.of(), List.of(), List.of(), List.of());

    assertTrue(agenda.questions().size() >= 2, agenda.toString());
    assertEquals("Open Technical Questions > Q1", agenda.questions().get(0).section());
    assertTrue(
        agenda.questions().stream()
            .allMatch(
                q -> q.section().startsWith("Open Technical Questions > ") && q.answer().isEmpty()),
        agenda.toString());
  }

  @Test
  void implementation_plan_finds_its_numbered_open_questions() {
    Template plan = SpecAnswers.template("implementation-plan");
    Question open =
        plan.questions().stream()
            .filter(q -> q.title().contains("Open Questions"))
            .findFirst()
            .orElseThrow();

    Agenda agenda =
        Agenda.of(plan, Map.of(open.id(), "- which queue?"), List.of(), List.of(), List.of());

    assertEquals(1, agenda.questions().size());
    assertEquals(Optional.of("- which queue?"), agenda.questions().get(0).answer());
  }

  @Test
  void a_long_answer_is_shortened_and_says_so() {
    Template echo = SpecAnswers.template("echo-tech-spec");
    Map<String, String> answers =
        SpecAnswers.only(echo, Map.of("Open Questions", "q".repeat(5000)));

    Agenda.OpenQuestions open =
        Agenda.of(echo, answers, List.of(), List.of(), List.of()).questions().get(0);

    assertTrue(open.shortened());
    assertEquals(Agenda.MAX_ANSWER, open.answer().orElseThrow().length());
  }

  @Test
  void a_template_without_open_questions_has_none_on_its_agenda() {
    Agenda agenda =
        Agenda.of(SpecAnswers.template("project-spec"), Map.of(), List.of(), List.of(), List.of());

    assertEquals(List.of(), agenda.questions());
  }
}
