package dev.specbot.interview;

import dev.specbot.template.Group;
import dev.specbot.template.Question;
import dev.specbot.template.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The interview's rules for co-authors: questions handed to a teammate and taken back, and a
 * co-author's reply taken as the answer to the first question waiting on them. Part of {@link
 * InterviewMachine}, which moves the interview on afterwards.
 */
final class HandOver {
  private final InterviewMachine machine;
  private final Template template;

  HandOver(InterviewMachine machine, Template template) {
    this.machine = machine;
    this.template = template;
  }

  /** The drafter hands questions (or whole sections) to a teammate. */
  Transition assign(Interview interview, Input.Assign assign, Instant now) {
    if (assign.assigneeId().equals(interview.drafterId())) {
      return say(
          interview,
          "Those questions are yours already: hand them to a teammate with `assign N @name`.");
    }
    Optional<Transition> refused = outOfRange(interview, assign.numbers());
    if (refused.isPresent()) {
      return refused.get();
    }
    List<Question> chosen = new ArrayList<>();
    for (int number : assign.numbers()) {
      Question question = byNumber(number);
      if (assign.wholeSection()) {
        sectionOf(question).stream()
            .filter(q -> !interview.answers().containsKey(q.id()) && !chosen.contains(q))
            .forEach(chosen::add);
      } else if (interview.answers().containsKey(question.id())) {
        return say(
            interview,
            label(question)
                + " is answered already, so there is nothing to hand over. Reply `goto "
                + number
                + "` to change its answer.");
      } else if (!chosen.contains(question)) {
        chosen.add(question);
      }
    }
    if (chosen.isEmpty()) {
      return say(interview, "Every question of that section is answered already.");
    }
    String name = assign.assigneeName().isBlank() ? assign.assigneeId() : assign.assigneeName();
    Assignee assignee = new Assignee(assign.assigneeId(), name, now);
    Set<String> ids = new LinkedHashSet<>();
    chosen.forEach(q -> ids.add(q.id()));
    Interview assigned = interview.withAssigned(ids, assignee, now);
    List<Effect> effects = new ArrayList<>(List.of(new Effect.Assigned(chosen, assignee)));
    if (assigned.status() == Status.ASKING && ids.contains(current(assigned).id())) {
      Transition advanced = machine.advance(assigned, now);
      effects.addAll(advanced.effects());
      return new Transition(advanced.interview(), effects);
    }
    effects.add(machine.progress(assigned));
    return new Transition(assigned, effects);
  }

  /** The drafter takes questions back; a waiting interview asks the first of them. */
  Transition unassign(Interview interview, Input.Unassign unassign, Instant now) {
    Optional<Transition> refused = outOfRange(interview, unassign.numbers());
    if (refused.isPresent()) {
      return refused.get();
    }
    Map<Assignee, List<Question>> taken = new LinkedHashMap<>();
    for (int number : unassign.numbers()) {
      Question question = byNumber(number);
      Optional<Assignee> assignee = Optional.ofNullable(interview.assignments().get(question.id()));
      if (assignee.isEmpty()) {
        return say(interview, label(question) + " is not handed to anyone; it is yours already.");
      }
      if (interview.waitingOn(question.id()).isEmpty()) {
        return say(
            interview,
            label(question)
                + " is answered already by "
                + assignee.get().name()
                + ". Reply `goto "
                + number
                + "` to change its answer.");
      }
      taken.computeIfAbsent(assignee.get(), a -> new ArrayList<>()).add(question);
    }
    Set<String> ids = new LinkedHashSet<>();
    taken.values().forEach(questions -> questions.forEach(q -> ids.add(q.id())));
    Interview back = interview.withoutAssigned(ids, now);
    List<Effect> effects = new ArrayList<>();
    taken.forEach((assignee, questions) -> effects.add(new Effect.Unassigned(questions, assignee)));
    if (back.status() == Status.WAITING) {
      Question first =
          template.questions().stream().filter(q -> ids.contains(q.id())).findFirst().orElseThrow();
      Interview asking = back.withStatus(Status.ASKING, now).withCurrent(first.number() - 1, now);
      effects.add(machine.progress(asking));
      effects.add(machine.ask(asking, asking.current()));
      return new Transition(asking, effects);
    }
    effects.add(machine.progress(back));
    return new Transition(back, effects);
  }

  /**
   * A co-author's reply: the answer to the first question waiting on them, in template order; then
   * their next one, if they have more. The last answer a waiting interview needed finishes it.
   */
  Transition answer(Interview interview, Input.CoAuthorAnswer reply, Instant now) {
    Optional<Question> question = firstWaitingOn(interview, reply.userId());
    String text = reply.text().strip();
    if (question.isEmpty() || text.isEmpty()) {
      return new Transition(interview, List.of());
    }
    Assignee assignee = interview.assignments().get(question.get().id());
    if (Commands.command(text).isPresent()) {
      return say(
          interview,
          "Only "
              + interview.drafterName()
              + ", who drafts this spec, can give the interview commands. "
              + assignee.name()
              + ", your next reply here answers "
              + label(question.get())
              + ".");
    }
    Interview answered = interview.withAnswer(question.get().id(), text, now);
    List<Effect> effects = new ArrayList<>();
    effects.add(new Effect.CoAuthorAnswered(question.get(), assignee));
    Optional<Question> next = firstWaitingOn(answered, reply.userId());
    next.ifPresent(
        q -> effects.add(new Effect.AskCoAuthor(q, template.questions().size(), assignee)));
    if (answered.status() == Status.WAITING && waiting(answered).isEmpty()) {
      // Usually this finishes; a question of the drafter's left open meanwhile is asked first.
      Transition advanced = machine.advance(answered, now);
      effects.addAll(advanced.effects());
      return new Transition(advanced.interview(), effects);
    }
    effects.add(machine.progress(answered));
    return new Transition(answered, effects);
  }

  /** The questions still waiting on a co-author, in template order, with whom. */
  List<Effect.Waited> waiting(Interview interview) {
    List<Effect.Waited> waiting = new ArrayList<>();
    for (Question question : template.questions()) {
      interview
          .waitingOn(question.id())
          .ifPresent(assignee -> waiting.add(new Effect.Waited(question, assignee)));
    }
    return waiting;
  }

  /** What the drafter is told while the interview waits on co-authors. */
  static String waitingText(List<Effect.Waited> waiting) {
    StringBuilder text = new StringBuilder("Waiting on ");
    for (int i = 0; i < waiting.size(); i++) {
      Effect.Waited waited = waiting.get(i);
      text.append(i == 0 ? "" : i == waiting.size() - 1 ? " and " : ", ")
          .append(waited.assignee().name())
          .append(" for ")
          .append(label(waited.question()));
    }
    return text.append(
            "; I'll post the spec when the last of them is answered, or reply `finish` to post it"
                + " now.")
        .toString();
  }

  /** "question 4 (Data model)": how a question is named in what the bot says. */
  static String label(Question question) {
    return "question " + question.number() + " (" + question.title() + ")";
  }

  private Optional<Question> firstWaitingOn(Interview interview, String userId) {
    return template.questions().stream()
        .filter(q -> interview.waitingOn(q.id()).map(a -> a.id().equals(userId)).orElse(false))
        .findFirst();
  }

  private Optional<Transition> outOfRange(Interview interview, List<Integer> numbers) {
    int total = template.questions().size();
    return numbers.stream()
        .filter(n -> n < 1 || n > total)
        .findFirst()
        .map(
            n ->
                say(
                    interview,
                    "There is no question "
                        + n
                        + ": this interview has questions 1 to "
                        + total
                        + "."));
  }

  private List<Question> sectionOf(Question question) {
    List<String> ids =
        question.groupId().flatMap(template::group).map(Group::questionIds).orElse(List.of());
    List<Question> section = new ArrayList<>();
    for (Question q : template.questions()) {
      if (q.equals(question) || ids.contains(q.id())) {
        section.add(q);
      }
    }
    return section;
  }

  private Question byNumber(int number) {
    return template.questions().get(number - 1);
  }

  private Question current(Interview interview) {
    return template.questions().get(interview.current());
  }

  private static Transition say(Interview interview, String text) {
    return new Transition(interview, List.of(new Effect.Say(text)));
  }
}
