package dev.specbot.interview;

import dev.specbot.template.CoAuthor;
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
  private final HandOver handOver;

  /** Runs interviews of {@code template}; dates in the document are days in {@code zone}. */
  public InterviewMachine(Template template, ZoneId zone) {
    this.template = Objects.requireNonNull(template, "null template");
    this.zone = Objects.requireNonNull(zone, "null zone");
    this.handOver = new HandOver(this, template);
  }

  /** The zone whose days the document's dates are: the drafter's. */
  public ZoneId zone() {
    return zone;
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
    if (input instanceof Input.CoAuthorAnswer reply) {
      // A co-author neither resumes a paused interview nor withdraws a cancel waiting for a yes.
      return handOver.answer(interview, reply, now);
    }
    Input meant = interpret(interview, input);
    Interview active = interview;
    if (interview.status() == Status.PAUSED && resumes(meant)) {
      active = reopened(interview, now);
    }
    if (interview.status() == Status.CONFIRMING_CANCEL && !(meant instanceof Input.ConfirmCancel)) {
      active = reopened(interview, now);
    }
    if (active.status() == Status.WAITING && waitsOn(meant)) {
      return only(active, new Effect.Say(HandOver.waitingText(handOver.waiting(active))));
    }
    return dispatch(active, meant, now);
  }

  /** Back from a pause or a cancel not confirmed: asking, or waiting when only co-authors are. */
  private Interview reopened(Interview interview, Instant now) {
    boolean drafterHasOne =
        template.questions().stream()
            .anyMatch(q -> !interview.isSettled(q.id()) && interview.waitingOn(q.id()).isEmpty());
    boolean onlyCoAuthors = !drafterHasOne && !handOver.waiting(interview).isEmpty();
    return interview.withStatus(onlyCoAuthors ? Status.WAITING : Status.ASKING, now);
  }

  /** Inputs that would answer or move past the drafter's question: none is asked while waiting. */
  private static boolean waitsOn(Input input) {
    return input instanceof Input.Answer
        || input instanceof Input.Skip
        || input instanceof Input.SkipSection
        || input instanceof Input.Back
        || input instanceof Input.Resume
        || input instanceof Input.KeepGoing;
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
            review,
            coAuthors(interview));
    return SpecRenderer.render(template, interview.answers(), context);
  }

  /** Who wrote which answered section, in template order: the document credits them. */
  private List<CoAuthor> coAuthors(Interview interview) {
    List<CoAuthor> credits = new ArrayList<>();
    for (Question question : template.questions()) {
      Assignee assignee = interview.assignments().get(question.id());
      if (assignee != null && interview.answers().containsKey(question.id())) {
        credits.add(
            new CoAuthor(
                assignee.name(),
                question.number() + ". " + question.title(),
                LocalDate.ofInstant(assignee.assignedAt(), zone)));
      }
    }
    return credits;
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
        || input instanceof Input.Cancel
        || input instanceof Input.Assign
        || input instanceof Input.Unassign
        || input instanceof Input.Unclear);
  }

  private Transition dispatch(Interview interview, Input input, Instant now) {
    if (input instanceof Input.Answer answer) {
      return answer(interview, answer.text(), now);
    } else if (input instanceof Input.Skip) {
      return skip(interview, Set.of(currentQuestion(interview).id()), now);
    } else if (input instanceof Input.SkipSection) {
      return skip(interview, drafters(interview, sectionOf(currentQuestion(interview))), now);
    } else if (input instanceof Input.Back) {
      return back(interview, now);
    } else if (input instanceof Input.Goto gotoInput) {
      return goTo(interview, gotoInput.number(), now);
    } else if (input instanceof Input.Preview) {
      return only(interview, new Effect.ShowPreview(render(interview, now)));
    } else if (input instanceof Input.Pause) {
      return pause(interview, now);
    } else if (input instanceof Input.Resume) {
      return goOn(interview, now);
    } else if (input instanceof Input.Finish) {
      return finish(interview, now);
    } else if (input instanceof Input.Cancel) {
      return new Transition(
          interview.withStatus(Status.CONFIRMING_CANCEL, now),
          List.of(new Effect.AskToConfirmCancel()));
    } else if (input instanceof Input.ConfirmCancel) {
      return cancelled(interview, now);
    } else if (input instanceof Input.KeepGoing) {
      return goOn(interview, now);
    } else if (input instanceof Input.Help) {
      return only(interview, new Effect.ShowHelp());
    } else if (input instanceof Input.Assign assign) {
      return handOver.assign(interview, assign, now);
    } else if (input instanceof Input.Unassign unassign) {
      return handOver.unassign(interview, unassign, now);
    } else if (input instanceof Input.Unclear unclear) {
      return only(interview, new Effect.Say(unclear.why()));
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
    Optional<Assignee> coAuthor = interview.waitingOn(question.id());
    if (coAuthor.isPresent()) {
      // Handed over while the interview was paused: it is the co-author's to answer now.
      Transition advanced = advance(interview, now);
      List<Effect> effects = new ArrayList<>();
      effects.add(
          new Effect.Say(
              "Question "
                  + question.number()
                  + " is with "
                  + coAuthor.get().name()
                  + " now, so I did not take that as its answer. Reply `unassign "
                  + question.number()
                  + "` to take it back."));
      effects.addAll(advanced.effects());
      return new Transition(advanced.interview(), effects);
    }
    return advance(interview.withAnswer(question.id(), text.strip(), now), now);
  }

  /** Asks the current question again, or moves on when it was handed to a co-author meanwhile. */
  private Transition goOn(Interview interview, Instant now) {
    if (interview.waitingOn(currentQuestion(interview).id()).isPresent()) {
      return advance(interview, now);
    }
    return new Transition(interview, List.of(ask(interview, interview.current())));
  }

  /** The questions among {@code ids} that wait on no co-author: the drafter's to skip. */
  private static Set<String> drafters(Interview interview, Set<String> ids) {
    Set<String> own = new HashSet<>(ids);
    own.removeIf(id -> interview.waitingOn(id).isPresent());
    return own;
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
    int previous = interview.current() - 1;
    while (previous >= 0
        && interview.waitingOn(template.questions().get(previous).id()).isPresent()) {
      previous--;
    }
    if (previous < 0) {
      return new Transition(
          interview,
          List.of(
              new Effect.Say("This is the first question; there is nothing before it."),
              ask(interview, interview.current())));
    }
    Interview moved = interview.withCurrent(previous, now);
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
    Question question = template.questions().get(number - 1);
    Optional<Assignee> coAuthor = interview.waitingOn(question.id());
    if (coAuthor.isPresent()) {
      return only(
          interview,
          new Effect.Say(
              HandOver.label(question)
                  + " is with "
                  + coAuthor.get().name()
                  + ". Reply `unassign "
                  + number
                  + "` to take it back and answer it yourself."));
    }
    Interview moved = interview.withCurrent(number - 1, now).withStatus(Status.ASKING, now);
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

  /**
   * Moves to the first open question after the current one (then from the start), passing over
   * those waiting on co-authors; waits when only those are left; else finishes.
   */
  Transition advance(Interview interview, Instant now) {
    List<Question> questions = template.questions();
    int total = questions.size();
    for (int step = 1; step <= total; step++) {
      int index = (interview.current() + step) % total;
      String id = questions.get(index).id();
      if (!interview.isSettled(id) && interview.waitingOn(id).isEmpty()) {
        Interview moved = interview.withCurrent(index, now).withStatus(Status.ASKING, now);
        return new Transition(moved, List.of(progress(moved), ask(moved, index)));
      }
    }
    List<Effect.Waited> waiting = handOver.waiting(interview);
    if (!waiting.isEmpty()) {
      Interview waits = interview.withStatus(Status.WAITING, now);
      return new Transition(waits, List.of(progress(waits), new Effect.Waiting(waiting)));
    }
    return finish(interview, now);
  }

  /** Posts the document; a question still waiting on a co-author is no longer theirs. */
  Transition finish(Interview interview, Instant now) {
    Interview finished = withoutWaiting(interview, now).withStatus(Status.FINISHED, now);
    List<Effect> effects = new ArrayList<>();
    effects.add(progress(finished));
    effects.add(new Effect.Publish(render(finished, now), progressOf(finished)));
    released(interview, true).ifPresent(effects::add);
    return new Transition(finished, effects);
  }

  private Transition cancelled(Interview interview, Instant now) {
    Interview cancelled = withoutWaiting(interview, now).withStatus(Status.CANCELLED, now);
    List<Effect> effects = new ArrayList<>();
    effects.add(
        new Effect.Say("Cancelled. Nothing will be posted; the answers given so far are kept."));
    effects.add(progress(cancelled));
    released(interview, false).ifPresent(effects::add);
    return new Transition(cancelled, effects);
  }

  /** The co-authors still waited on when the interview ends: they are told it is not theirs. */
  private Optional<Effect> released(Interview interview, boolean posted) {
    List<Effect.Waited> waiting = handOver.waiting(interview);
    return waiting.isEmpty() ? Optional.empty() : Optional.of(new Effect.Released(posted, waiting));
  }

  /** The interview with the hand-overs nobody answered taken back: nothing waits on anyone. */
  private Interview withoutWaiting(Interview interview, Instant now) {
    Set<String> waiting = new HashSet<>();
    handOver.waiting(interview).forEach(w -> waiting.add(w.question().id()));
    return waiting.isEmpty() ? interview : interview.withoutAssigned(waiting, now);
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

  Effect.Ask ask(Interview interview, int index) {
    Question question = template.questions().get(index);
    return new Effect.Ask(
        question,
        template.questions().size(),
        Optional.ofNullable(interview.answers().get(question.id())));
  }

  Effect.ProgressChanged progress(Interview interview) {
    return new Effect.ProgressChanged(progressOf(interview));
  }

  private static Transition only(Interview interview, Effect effect) {
    return new Transition(interview, new ArrayList<>(List.of(effect)));
  }
}
