package dev.specbot.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The review's rules: from a review, an input and the time, the next review and its effects. Pure:
 * no I/O, no clock of its own, the same result for the same arguments.
 */
public final class ReviewMachine {
  private final boolean keepApprovalsForUncommentedSections;

  /** Any changed answer makes approvals stale. */
  public ReviewMachine() {
    this(false);
  }

  /**
   * With {@code keepApprovalsForUncommentedSections}, a changed answer in a section that no remark
   * or concern mentions keeps the approvals given: nobody asked for that change.
   */
  public ReviewMachine(boolean keepApprovalsForUncommentedSections) {
    this.keepApprovalsForUncommentedSections = keepApprovalsForUncommentedSections;
  }

  /** The step an input makes. */
  public ReviewTransition apply(Review review, ReviewInput input, Instant now) {
    if (input instanceof ReviewInput.Request request) {
      return request(review, request, now);
    } else if (input instanceof ReviewInput.Approve approve) {
      return approve(review, approve.by(), now);
    } else if (input instanceof ReviewInput.RequestChanges changes) {
      return requestChanges(review, changes, now);
    } else if (input instanceof ReviewInput.Comment comment) {
      return comment(review, comment, now);
    } else if (input instanceof ReviewInput.RaiseConcern concern) {
      return raise(review, concern, now);
    } else if (input instanceof ReviewInput.Resolve resolve) {
      return resolve(review, resolve, now);
    } else if (input instanceof ReviewInput.AnswerChanged changed) {
      return answerChanged(review, changed, now);
    } else if (input instanceof ReviewInput.MoveOn moveOn) {
      return moveOn(review, moveOn, now);
    } else if (input instanceof ReviewInput.ShowBoard) {
      return new ReviewTransition(review, List.of(new ReviewEffect.Board()));
    }
    throw new IllegalArgumentException("unknown input " + input);
  }

  private static ReviewTransition request(Review review, ReviewInput.Request request, Instant now) {
    if (!request.by().equals(review.drafterId())) {
      return refused(review, request, Refusal.NOT_THE_DRAFTER);
    }
    if (request.reviewers().isEmpty()) {
      return askAgain(review, request.by(), now);
    }
    Set<String> named = new LinkedHashSet<>(request.reviewers());
    named.remove(review.drafterId());
    if (named.isEmpty()) {
      return refused(review, request, Refusal.NO_REVIEWERS);
    }
    review.reviewers().forEach(r -> named.remove(r.userId()));
    if (named.isEmpty()) {
      return refused(review, request, Refusal.ALREADY_REQUESTED);
    }
    List<Reviewer> all = new ArrayList<>(review.reviewers());
    named.forEach(id -> all.add(Reviewer.asked(id)));
    Review asked =
        review.withReviewers(all).withEvent(new ReviewEvent(now, request.by(), "asked for review"));
    return settled(review, asked, new ReviewEffect.Requested(List.copyOf(named), userIds(asked)));
  }

  /** Asks again everyone whose approval does not stand: after changes, or a change of answers. */
  private static ReviewTransition askAgain(Review review, String by, Instant now) {
    if (review.reviewers().isEmpty()) {
      return refused(review, by, Refusal.NO_REVIEWERS);
    }
    List<String> again =
        review.reviewers().stream()
            .filter(r -> r.verdict() != Verdict.APPROVED)
            .map(Reviewer::userId)
            .toList();
    if (again.isEmpty()) {
      return refused(review, by, Refusal.ALREADY_APPROVED);
    }
    Review asked =
        review
            .withReviewers(
                review.reviewers().stream()
                    .map(r -> r.verdict() == Verdict.APPROVED ? r : r.askedAgain())
                    .toList())
            .withEvent(new ReviewEvent(now, by, "asked again for review"));
    return settled(review, asked, new ReviewEffect.Requested(again, userIds(asked)));
  }

  private static ReviewTransition approve(Review review, String by, Instant now) {
    if (by.equals(review.drafterId())) {
      return refused(review, by, Refusal.DRAFTER_CANNOT_APPROVE);
    }
    Optional<Reviewer> reviewer = review.reviewer(by);
    if (reviewer.isEmpty()) {
      return refused(review, by, Refusal.NOT_ASKED);
    }
    if (reviewer.get().verdict() == Verdict.APPROVED) {
      return new ReviewTransition(review, List.of());
    }
    Review approved =
        review
            .withReviewer(reviewer.get().with(Verdict.APPROVED, now))
            .withEvent(new ReviewEvent(now, by, "approved"));
    return settled(review, approved, new ReviewEffect.Approved(by));
  }

  private static ReviewTransition requestChanges(
      Review review, ReviewInput.RequestChanges changes, Instant now) {
    Optional<Reviewer> reviewer = review.reviewer(changes.by());
    if (reviewer.isEmpty()) {
      return refused(review, changes, Refusal.NOT_ASKED);
    }
    String what =
        changes.section().map(s -> "requested changes to " + s).orElse("requested changes");
    Review changed =
        review
            .withReviewer(reviewer.get().with(Verdict.CHANGES_REQUESTED, now))
            .withRemark(new Remark(changes.by(), changes.section(), changes.text(), now))
            .withEvent(new ReviewEvent(now, changes.by(), what));
    return settled(
        review,
        changed,
        new ReviewEffect.ChangesRequested(changes.by(), changes.section(), changes.text()));
  }

  private static ReviewTransition comment(Review review, ReviewInput.Comment comment, Instant now) {
    Remark remark = new Remark(comment.by(), comment.section(), comment.text(), now);
    Review commented =
        review.withRemark(remark).withEvent(new ReviewEvent(now, comment.by(), "commented"));
    return new ReviewTransition(commented, List.of(new ReviewEffect.Commented(remark)));
  }

  private static ReviewTransition raise(
      Review review, ReviewInput.RaiseConcern raise, Instant now) {
    if (review.openConcern(raise.name()).isPresent()) {
      return refused(review, raise, Refusal.CONCERN_EXISTS);
    }
    Concern concern = new Concern(raise.name(), raise.by(), raise.text(), now, Optional.empty());
    List<Concern> concerns = new ArrayList<>(review.concerns());
    concerns.add(concern);
    Review raised =
        review
            .withConcerns(concerns)
            .withEvent(new ReviewEvent(now, raise.by(), "raised concern " + raise.name()));
    return settled(review, raised, new ReviewEffect.ConcernRaised(concern));
  }

  private static ReviewTransition resolve(Review review, ReviewInput.Resolve resolve, Instant now) {
    Optional<Concern> open = review.openConcern(resolve.name());
    if (open.isEmpty()) {
      return refused(review, resolve, Refusal.NO_SUCH_CONCERN);
    }
    if (!open.get().authorId().equals(resolve.by())) {
      return refused(review, resolve, Refusal.NOT_CONCERN_AUTHOR);
    }
    Concern resolved = open.get().resolved(now);
    Review changed =
        review
            .withConcerns(
                review.concerns().stream()
                    .map(c -> c.isOpen() && c.isNamed(resolve.name()) ? resolved : c)
                    .toList())
            .withEvent(new ReviewEvent(now, resolve.by(), "resolved concern " + open.get().name()));
    return settled(review, changed, new ReviewEffect.ConcernResolved(resolved));
  }

  private ReviewTransition answerChanged(
      Review review, ReviewInput.AnswerChanged changed, Instant now) {
    if (review.stage() == Stage.DRAFT || changed.before().equals(changed.after())) {
      return new ReviewTransition(review, List.of());
    }
    Review edited =
        review.withEvent(new ReviewEvent(now, changed.by(), "edited " + changed.section()));
    List<String> approvers = review.approved().stream().map(Reviewer::userId).toList();
    if (review.stage().isMovedOn()
        || approvers.isEmpty()
        || (keepApprovalsForUncommentedSections && !mentioned(review, changed.section()))) {
      return new ReviewTransition(edited, List.of());
    }
    Review stale =
        edited.withReviewers(
            review.reviewers().stream()
                .map(r -> r.verdict() == Verdict.APPROVED ? r.stale() : r)
                .toList());
    return settled(
        review,
        stale,
        new ReviewEffect.ApprovalsStale(
            approvers,
            changed.section(),
            Shortened.of(changed.before()),
            Shortened.of(changed.after())));
  }

  /** Whether a remark names the section, or a remark's or concern's words mention it. */
  private static boolean mentioned(Review review, String section) {
    String wanted = section.strip().toLowerCase(Locale.ROOT);
    if (wanted.isEmpty()) {
      return false;
    }
    return review.remarks().stream()
            .anyMatch(
                r ->
                    r.section().filter(s -> s.strip().equalsIgnoreCase(wanted)).isPresent()
                        || contains(r.text(), wanted))
        || review.concerns().stream()
            .anyMatch(c -> contains(c.name(), wanted) || contains(c.text(), wanted));
  }

  private static boolean contains(String text, String lowerCased) {
    return text.toLowerCase(Locale.ROOT).contains(lowerCased);
  }

  private static ReviewTransition moveOn(Review review, ReviewInput.MoveOn moveOn, Instant now) {
    if (!moveOn.by().equals(review.drafterId())) {
      return refused(review, moveOn, Refusal.NOT_THE_DRAFTER);
    }
    Stage from = review.stage();
    Optional<Refusal> refusal = moveOnRefusal(from, moveOn.to());
    if (refusal.isPresent()) {
      return refused(review, moveOn, refusal.get());
    }
    Review moved =
        review
            .withStage(moveOn.to())
            .withEvent(
                new ReviewEvent(
                    now, moveOn.by(), "moved to " + moveOn.to().label().toLowerCase(Locale.ROOT)));
    return new ReviewTransition(moved, List.of(new ReviewEffect.StageChanged(from, moveOn.to())));
  }

  private static Optional<Refusal> moveOnRefusal(Stage from, Stage to) {
    if (from == Stage.COMPLETED || from == to) {
      return Optional.of(Refusal.ALREADY_THERE);
    }
    if (to == Stage.IN_PROGRESS) {
      return from == Stage.APPROVED ? Optional.empty() : Optional.of(Refusal.NOT_APPROVED_YET);
    }
    if (from == Stage.IN_PROGRESS) {
      return Optional.empty();
    }
    return Optional.of(from == Stage.APPROVED ? Refusal.NOT_IN_PROGRESS : Refusal.NOT_APPROVED_YET);
  }

  /**
   * The changed review at the stage its verdicts and concerns put it, with {@code effect} and, if
   * the stage moved, {@link ReviewEffect.StageChanged}.
   */
  private static ReviewTransition settled(Review before, Review changed, ReviewEffect effect) {
    Stage stage = stageOf(changed);
    List<ReviewEffect> effects = new ArrayList<>(List.of(effect));
    if (stage != before.stage()) {
      effects.add(new ReviewEffect.StageChanged(before.stage(), stage));
    }
    return new ReviewTransition(changed.withStage(stage), effects);
  }

  /** Once moved on, the stage is the drafter's to change; before, the verdicts decide it. */
  private static Stage stageOf(Review review) {
    if (review.stage().isMovedOn()) {
      return review.stage();
    }
    if (review.reviewers().isEmpty()) {
      return Stage.DRAFT;
    }
    if (review.reviewers().stream().anyMatch(r -> r.verdict() == Verdict.CHANGES_REQUESTED)) {
      return Stage.CHANGES_REQUESTED;
    }
    if (review.rule().met(review.reviewers()) && review.openConcerns().isEmpty()) {
      return Stage.APPROVED;
    }
    return Stage.IN_REVIEW;
  }

  private static List<String> userIds(Review review) {
    return review.reviewers().stream().map(Reviewer::userId).toList();
  }

  private static ReviewTransition refused(Review review, ReviewInput input, Refusal reason) {
    return refused(review, input.by(), reason);
  }

  private static ReviewTransition refused(Review review, String userId, Refusal reason) {
    return new ReviewTransition(review, List.of(new ReviewEffect.Refused(userId, reason)));
  }
}
