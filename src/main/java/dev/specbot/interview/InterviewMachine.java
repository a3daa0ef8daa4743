package dev.specbot.interview;

import dev.specbot.template.Group;
import dev.specbot.template.Question;
import dev.specbot.template.RenderContext;
import dev.specbot.template.ReviewRecord;
import dev.specbot.template.SpecRenderer;
import dev.specbot.template.Template;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The interview's rules: from an interview, an input and the time, the next interview and its
 * effects. Pure: no I/O, no clock of its own, the same result for the same arguments.
 */
public final class InterviewMachine {
  private final Template template;
  private final ZoneId zone;

  /** Runs interviews of {@code template}; dates in the document are days in {@code zone}. */
  public InterviewMachine(Template template, ZoneId zone) {
    this.template = Objects.requireNonNull(template, "null template");
    this.zone = Objects.requireNonNull(zone, "null zone");
  }

  /** The template whose interviews this runs. */
  public Template template() {
    return template;
  }

  /** The first step of a new interview: its first question. */
  public Transition begin(Interview interview) {
    if (template.questions().isEmpty()) {
      return finish(interview, interview.updatedAt());
    }
    return new Transition(interview, List.of(progress(interview), ask(interview, 0)));
  }

  /** The step an input makes. */
  public Transition apply(Interview interview, Input input, Instant now) {
    if (interview.status() == Status.REVISING) {
      return reanswered(interview, input, now);
    }
    if (interview.status() == Status.FINISHED && input instanceof Input.Goto gotoInput) {
      return askAgain(interview, gotoInput.number(), now);
    }
    if (!interview.status().isOpen()) {
      return closed(interview, input, now);
    }
    Input meant = interpret(interview, input);
    Interview active = interview;
    if (interview.status() == Status.PAUSED && resumes(meant)) {
      active = interview.withStatus(Status.ASKING, now);
    }
    if (interview.status() == Status.CONFIRMING_CANCEL && !(meant instanceof Input.ConfirmCancel)) {
      active = interview.withStatus(Status.ASKING, now);
    }
    return dispatch(active, meant, now);
  }

  /**
   * An answer changed outside the conversation: edited (new text) or deleted (empty), as when the
   * drafter edits or deletes their reply. A deleted answer leaves its question unanswered, to be
   * asked again before the interview ends; a posted document is posted again.
   */
  public Transition revise(
      Interview interview, String questionId, Optional<String> text, Instant now) {
    Optional<Question> question =
        template.questions().stream().filter(q -> q.id().equals(questionId)).findFirst();
    if (question.isEmpty() || interview.status() == Status.CANCELLED) {
      return new Transition(interview, List.of());
    }
    Question asked = question.get();
    Optional<String> answer = text.map(String::strip).filter(t -> !t.isEmpty());
    Interview revised =
        answer
            .map(t -> interview.withAnswer(questionId, t, now))
            .orElseGet(() -> interview.withoutAnswer(questionId, now));
    String label = "question " + asked.number() + " (" + asked.title() + ")";
    String why =
        answer.isPresent()
            ? "Updated your answer to " + label + "."
            : "Your answer to "
                + label
                + " was deleted, so it is unanswered now. Reply `goto "
                + asked.number()
                + "` to answer it again"
                + (interview.status() == Status.FINISHED
                    ? "."
                    : "; otherwise I will ask it again before the end.");
    List<Effect> effects = new ArrayList<>();
    effects.add(new Effect.Say(why));
    effects.add(progress(revised));
    if (revised.status() == Status.FINISHED) {
      effects.add(new Effect.Republish(render(revised, now), why));
    }
    return new Transition(revised, effects);
  }

  /**
   * More text for an answer just given, sent before the next question appeared: it belongs to the
   * same answer, in order.
   */
  public Transition extend(Interview interview, String questionId, String more, Instant now) {
    String before = interview.answers().getOrDefault(questionId, "");
    String joined = before.isEmpty() ? more.strip() : before + "\n\n" + more.strip();
    return new Transition(interview.withAnswer(questionId, joined, now), List.of());
  }

  /** The document as the answers stand, on the given day. */
  public String render(Interview interview, Instant now) {
    return render(interview, now, Optional.empty());
  }

  /** The document as the answers stand, with its discussion meeting as it should read there. */
  public String render(Interview interview, Instant now, Optional<String> meeting) {
    return render(interview, now, meeting, Optional.empty());
  }

  /** The document with its meeting and where its review stands (such as "Approved"). */
  public String render(
      Interview interview, Instant now, Optional<String> meeting, Optional<String> status) {
    return render(interview, now, meeting, status, ReviewRecord.NONE);
  }

  /** The document with its meeting, its status, and its review's approvals and events. */
  public String render(
      Interview interview,
      Instant now,
      Optional<String> meeting,
      Optional<String> status,
      ReviewRecord review) {
    RenderContext context =
        new RenderContext(
            interview.title(),
            interview.drafterName(),
            LocalDate.ofInstant(interview.createdAt(), zone),
            LocalDate.ofInstant(now, zone),
            meeting,
            status,
            review);
    return SpecRenderer.render(template, interview.answers(), context);
  }

  public Progress progressOf(Interview interview) {
    int answered = 0;
    int skipped = 0;
    for (Question question : template.questions()) {
      if (interview.answers().containsKey(question.id())) {
        answered++;
      } else if (interview.skipped().contains(question.id())) {
        skipped++;
      }
    }
    return new Progress(answered, skipped, template.questions().size());
  }

  /** While a cancel waits for confirmation, "yes" confirms it and "no" withdraws it. */
  private static Input interpret(Interview interview, Input input) {
    if (interview.status() == Status.CONFIRMING_CANCEL && input instanceof Input.Answer answer) {
      String reply = Commands.commandText(answer.text(), ".!");
      if (Set.of("yes", "y", "yes, cancel", "cancel it").contains(reply)) {
        return new Input.ConfirmCancel();
      }
      if (Set.of("no", "n", "keep going").contains(reply)) {
        return new Input.KeepGoing();
      }
    }
    return input;
  }

  /** Inputs that take a paused interview up again: answering, moving, finishing. */
  private static boolean resumes(Input input) {
    return !(input instanceof Input.Pause
        || input instanceof Input.Preview
        || input instanceof Input.Help
        || input instanceof Input.Cancel);
  }

  private Transition dispatch(Interview interview, Input input, Instant now) {
    if (input instanceof Input.Answer answer) {
      return answer(interview, answer.text(), now);
    } else if (input instanceof Input.Skip) {
      return skip(interview, Set.of(currentQuestion(interview).id()), now);
    } else if (input instanceof Input.SkipSection) {
      return skip(interview, sectionOf(currentQuestion(interview)), now);
    } else if (input instanceof Input.Back) {
      return back(interview, now);
    } else if (input instanceof Input.Goto gotoInput) {
      return goTo(interview, gotoInput.number(), now);
    } else if (input instanceof Input.Preview) {
      return only(interview, new Effect.ShowPreview(render(interview, now)));
    } else if (input instanceof Input.Pause) {
      return pause(interview, now);
    } else if (input instanceof Input.Resume) {
      return new Transition(interview, List.of(ask(interview, interview.current())));
    } else if (input instanceof Input.Finish) {
      return finish(interview, now);
    } else if (input instanceof Input.Cancel) {
      return new Transition(
          interview.withStatus(Status.CONFIRMING_CANCEL, now),
          List.of(new Effect.AskToConfirmCancel()));
    } else if (input instanceof Input.ConfirmCancel) {
      return cancelled(interview, now);
    } else if (input instanceof Input.KeepGoing) {
      return new Transition(interview, List.of(ask(interview, interview.current())));
    } else if (input instanceof Input.Help) {
      return only(interview, new Effect.ShowHelp());
    }
    throw new IllegalArgumentException("unknown input " + input);
  }

  private Transition answer(Interview interview, String text, Instant now) {
    if (isBlank(text)) {
      return only(
          interview,
          new Effect.Say(
              "That reply was empty, so I did not take it as an answer. Answer the"
                  + " question, or reply `skip` to leave it for now."));
    }
    Question question = currentQuestion(interview);
    return advance(interview.withAnswer(question.id(), text.strip(), now), now);
  }

  /** Blank to a reader: whitespace and invisible format characters (zero-width space, joiners). */
  private static boolean isBlank(String text) {
    return text.codePoints()
        .allMatch(c -> Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT);
  }

  private Transition skip(Interview interview, Set<String> questionIds, Instant now) {
    return advance(interview.withSkipped(questionIds, now), now);
  }

  private Transition back(Interview interview, Instant now) {
    if (interview.current() == 0) {
      return new Transition(
          interview,
          List.of(
              new Effect.Say("This is the first question; there is nothing before it."),
              ask(interview, 0)));
    }
    Interview moved = interview.withCurrent(interview.current() - 1, now);
    return new Transition(moved, List.of(ask(moved, moved.current())));
  }

  private Transition goTo(Interview interview, int number, Instant now) {
    int total = template.questions().size();
    if (number < 1 || number > total) {
      return only(
          interview,
          new Effect.Say(
              "There is no question "
                  + number
                  + ": this interview has questions 1 to "
                  + total
                  + "."));
    }
    Interview moved = interview.withCurrent(number - 1, now);
    return new Transition(moved, List.of(ask(moved, moved.current())));
  }

  private Transition pause(Interview interview, Instant now) {
    return new Transition(
        interview.withStatus(Status.PAUSED, now),
        List.of(
            new Effect.Say(
                "Paused. Reply `resume` (or press Resume) when you want to go on;"
                    + " I won't ask anything until then."),
            progress(interview.withStatus(Status.PAUSED, now))));
  }

  /** Moves to the first open question after the current one (then from the start), or finishes. */
  private Transition advance(Interview interview, Instant now) {
    List<Question> questions = template.questions();
    int total = questions.size();
    for (int step = 1; step <= total; step++) {
      int index = (interview.current() + step) % total;
      if (!interview.isSettled(questions.get(index).id())) {
        Interview moved = interview.withCurrent(index, now);
        return new Transition(moved, List.of(progress(moved), ask(moved, index)));
      }
    }
    return finish(interview, now);
  }

  private Transition finish(Interview interview, Instant now) {
    Interview finished = interview.withStatus(Status.FINISHED, now);
    return new Transition(
        finished,
        List.of(
            progress(finished), new Effect.Publish(render(finished, now), progressOf(finished))));
  }

  private Transition cancelled(Interview interview, Instant now) {
    Interview cancelled = interview.withStatus(Status.CANCELLED, now);
    return new Transition(
        cancelled,
        List.of(
            new Effect.Say("Cancelled. Nothing will be posted; the answers given so far are kept."),
            progress(cancelled)));
  }

  /** A posted spec's question asked again: the next answer replaces the one it has. */
  private Transition askAgain(Interview interview, int number, Instant now) {
    int total = template.questions().size();
    if (number < 1 || number > total) {
      return only(
          interview,
          new Effect.Say(
              "There is no question " + number + ": this spec has questions 1 to " + total + "."));
    }
    Interview revising = interview.withCurrent(number - 1, now).withStatus(Status.REVISING, now);
    return new Transition(revising, List.of(ask(revising, revising.current())));
  }

  /**
   * The reply to a question asked again after posting: an answer replaces the old one and the
   * document is posted again; anything else leaves it as it was.
   */
  private Transition reanswered(Interview interview, Input input, Instant now) {
    Question question = currentQuestion(interview);
    String label = "question " + question.number() + " (" + question.title() + ")";
    Optional<String> answer =
        input instanceof Input.Answer given
            ? Optional.of(given.text().strip()).filter(text -> !text.isEmpty())
            : Optional.empty();
    if (answer.isEmpty()) {
      Interview kept = interview.withStatus(Status.FINISHED, now);
      return only(kept, new Effect.Say("Kept your answer to " + label + " as it was."));
    }
    Interview revised =
        interview.withAnswer(question.id(), answer.get(), now).withStatus(Status.FINISHED, now);
    String why = "Updated your answer to " + label + ".";
    return new Transition(
        revised,
        List.of(
            new Effect.Say(why),
            progress(revised),
            new Effect.Republish(render(revised, now), why)));
  }

  private Transition closed(Interview interview, Input input, Instant now) {
    if (input instanceof Input.Preview) {
      return only(interview, new Effect.ShowPreview(render(interview, now)));
    }
    String why =
        interview.status() == Status.FINISHED
            ? "This spec is finished and posted."
            : "This interview was cancelled.";
    return only(interview, new Effect.Say(why + " Start a new one with `/spec`."));
  }

  /** The unsettled questions of the current question's innermost group, or the question alone. */
  private Set<String> sectionOf(Question question) {
    Set<String> ids = new HashSet<>();
    ids.add(question.id());
    question.groupId().flatMap(template::group).map(Group::questionIds).ifPresent(ids::addAll);
    return ids;
  }

  private Question currentQuestion(Interview interview) {
    return template.questions().get(interview.current());
  }

  private Effect.Ask ask(Interview interview, int index) {
    Question question = template.questions().get(index);
    return new Effect.Ask(
        question,
        template.questions().size(),
        Optional.ofNullable(interview.answers().get(question.id())));
  }

  private Effect.ProgressChanged progress(Interview interview) {
    return new Effect.ProgressChanged(progressOf(interview));
  }

  private static Transition only(Interview interview, Effect effect) {
    return new Transition(interview, new ArrayList<>(List.of(effect)));
  }
}
