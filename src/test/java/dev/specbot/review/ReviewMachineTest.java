package dev.specbot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewMachineTest {
  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-02T10:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-02T11:00:00Z");
  private static final String ALICE = "U-ALICE";
  private static final String BOB = "U-BOB";
  private static final String CAROL = "U-CAROL";
  private static final String DAN = "U-DAN";
  private static final String STRANGER = "U-STRANGER";

  private final ReviewMachine machine = new ReviewMachine();
  private final Review draft = Review.none("i-1", ALICE, Rule.all());

  @Test
  void the_drafter_asks_for_review_and_the_spec_is_in_review() {
    ReviewTransition asked = machine.apply(draft, request(BOB, CAROL), T0);

    assertEquals(Stage.IN_REVIEW, asked.review().stage());
    assertEquals(
        List.of(
            new Reviewer(BOB, Verdict.PENDING, Optional.empty()),
            new Reviewer(CAROL, Verdict.PENDING, Optional.empty())),
        asked.review().reviewers());
    assertEquals(
        List.of(
            new ReviewEffect.Requested(List.of(BOB, CAROL), List.of(BOB, CAROL)),
            new ReviewEffect.StageChanged(Stage.DRAFT, Stage.IN_REVIEW)),
        asked.effects());
    assertEquals(List.of(new ReviewEvent(T0, ALICE, "asked for review")), asked.review().history());
    assertEquals(List.of(BOB, CAROL), asked.review().notYetResponded());
  }

  @Test
  void the_drafter_named_among_reviewers_is_dropped_and_duplicates_count_once() {
    ReviewTransition asked = machine.apply(draft, request(BOB, ALICE, BOB), T0);

    assertEquals(List.of(BOB), userIds(asked.review()));
  }

  @Test
  void asking_only_the_drafter_is_refused() {
    ReviewTransition asked = machine.apply(draft, request(ALICE), T0);

    assertRefused(asked, draft, ALICE, Refusal.NO_REVIEWERS);
  }

  @Test
  void only_the_drafter_asks_for_review() {
    ReviewTransition asked = machine.apply(draft, new ReviewInput.Request(BOB, List.of(CAROL)), T0);

    assertRefused(asked, draft, BOB, Refusal.NOT_THE_DRAFTER);
  }

  @Test
  void asking_more_people_adds_them_as_pending_and_keeps_the_others_verdicts() {
    Review approvedByBob = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    assertEquals(Stage.APPROVED, approvedByBob.stage());

    ReviewTransition more = machine.apply(approvedByBob, request(BOB, CAROL), T2);

    assertEquals(List.of(Verdict.APPROVED, Verdict.PENDING), verdicts(more.review()));
    assertEquals(Stage.IN_REVIEW, more.review().stage());
    assertEquals(
        List.of(
            new ReviewEffect.Requested(List.of(CAROL), List.of(BOB, CAROL)),
            new ReviewEffect.StageChanged(Stage.APPROVED, Stage.IN_REVIEW)),
        more.effects());
  }

  @Test
  void asking_people_who_are_all_reviewers_already_is_refused() {
    Review review = inReview(BOB, CAROL);

    assertRefused(
        machine.apply(review, request(CAROL), T1), review, ALICE, Refusal.ALREADY_REQUESTED);
  }

  @Test
  void asking_again_with_nobody_ever_asked_is_refused() {
    ReviewTransition again = machine.apply(draft, request(), T0);

    assertRefused(again, draft, ALICE, Refusal.NO_REVIEWERS);
  }

  @Test
  void asking_again_after_changes_asks_everyone_whose_approval_does_not_stand() {
    Review review = inReview(BOB, CAROL, DAN);
    review = apply(review, new ReviewInput.Approve(BOB), T1);
    review = apply(review, changes(CAROL, "Name the retry limit."), T1);
    assertEquals(Stage.CHANGES_REQUESTED, review.stage());

    ReviewTransition again = machine.apply(review, request(), T2);

    assertEquals(
        List.of(Verdict.APPROVED, Verdict.PENDING, Verdict.PENDING), verdicts(again.review()));
    assertEquals(Stage.IN_REVIEW, again.review().stage());
    assertEquals(
        List.of(
            new ReviewEffect.Requested(List.of(CAROL, DAN), List.of(BOB, CAROL, DAN)),
            new ReviewEffect.StageChanged(Stage.CHANGES_REQUESTED, Stage.IN_REVIEW)),
        again.effects());
    assertEquals("asked again for review", last(again.review()).what());
  }

  @Test
  void asking_again_when_every_approval_stands_is_refused() {
    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);

    assertRefused(
        machine.apply(approved, request(), T2), approved, ALICE, Refusal.ALREADY_APPROVED);
  }

  @Test
  void every_reviewer_approving_approves_the_spec_under_the_all_rule() {
    Review review = inReview(BOB, CAROL);

    ReviewTransition bob = machine.apply(review, new ReviewInput.Approve(BOB), T1);
    assertEquals(Stage.IN_REVIEW, bob.review().stage());
    assertEquals(List.of(new ReviewEffect.Approved(BOB)), bob.effects());
    assertEquals(Optional.of(T1), bob.review().reviewer(BOB).orElseThrow().at());

    ReviewTransition carol = machine.apply(bob.review(), new ReviewInput.Approve(CAROL), T2);
    assertEquals(Stage.APPROVED, carol.review().stage());
    assertEquals(
        List.of(
            new ReviewEffect.Approved(CAROL),
            new ReviewEffect.StageChanged(Stage.IN_REVIEW, Stage.APPROVED)),
        carol.effects());
    assertEquals(2, carol.review().approved().size());
    assertEquals(List.of(), carol.review().notYetResponded());
  }

  @Test
  void a_majority_with_few_enough_outstanding_approves_under_the_majority_rule() {
    Review review =
        apply(Review.none("i-1", ALICE, Rule.majority(1)), request(BOB, CAROL, DAN), T0);

    Review one = apply(review, new ReviewInput.Approve(BOB), T1);
    assertEquals(Stage.IN_REVIEW, one.stage());

    Review two = apply(one, new ReviewInput.Approve(CAROL), T1);
    assertEquals(Stage.APPROVED, two.stage());
    assertEquals(List.of(DAN), two.notYetResponded());
  }

  @Test
  void a_majority_with_too_many_outstanding_does_not_approve() {
    Rule rule = Rule.majority(1);
    List<Reviewer> threeOfFive =
        List.of(
            approvedReviewer(BOB),
            approvedReviewer(CAROL),
            approvedReviewer(DAN),
            Reviewer.asked("U-E"),
            Reviewer.asked("U-F"));

    assertFalse(rule.met(threeOfFive));
    assertTrue(Rule.majority(2).met(threeOfFive));
    assertFalse(Rule.all().met(threeOfFive));
  }

  @Test
  void half_is_not_a_majority_and_nobody_asked_approves_nothing() {
    List<Reviewer> half = List.of(approvedReviewer(BOB), Reviewer.asked(CAROL));

    assertFalse(Rule.majority(5).met(half));
    assertFalse(Rule.majority(5).met(List.of()));
    assertFalse(Rule.all().met(List.of()));
  }

  @Test
  void rules_describe_themselves_for_help_text() {
    assertEquals("every reviewer approves", Rule.all().describe());
    assertEquals("a majority approves, at most 1 not yet", Rule.majority(1).describe());
    assertThrows(IllegalArgumentException.class, () -> Rule.majority(-1));
  }

  @Test
  void approving_twice_is_a_no_op_without_a_second_effect() {
    Review approved = apply(inReview(BOB, CAROL), new ReviewInput.Approve(BOB), T1);

    ReviewTransition again = machine.apply(approved, new ReviewInput.Approve(BOB), T2);

    assertEquals(approved, again.review());
    assertEquals(List.of(), again.effects());
  }

  @Test
  void the_drafter_can_never_approve() {
    Review review = inReview(BOB);

    assertRefused(
        machine.apply(review, new ReviewInput.Approve(ALICE), T1),
        review,
        ALICE,
        Refusal.DRAFTER_CANNOT_APPROVE);
  }

  @Test
  void a_stranger_can_neither_approve_nor_request_changes() {
    Review review = inReview(BOB);

    assertRefused(
        machine.apply(review, new ReviewInput.Approve(STRANGER), T1),
        review,
        STRANGER,
        Refusal.NOT_ASKED);
    assertRefused(
        machine.apply(review, changes(STRANGER, "No."), T1), review, STRANGER, Refusal.NOT_ASKED);
  }

  @Test
  void a_request_for_changes_sets_the_stage_and_keeps_the_note_as_a_remark() {
    Review review = inReview(BOB, CAROL);

    ReviewTransition changed =
        machine.apply(
            review,
            new ReviewInput.RequestChanges(BOB, Optional.of("Goals"), "Say what done means."),
            T1);

    assertEquals(Stage.CHANGES_REQUESTED, changed.review().stage());
    assertEquals(Verdict.CHANGES_REQUESTED, changed.review().reviewer(BOB).orElseThrow().verdict());
    assertEquals(
        List.of(new Remark(BOB, Optional.of("Goals"), "Say what done means.", T1)),
        changed.review().remarks());
    assertEquals(
        List.of(
            new ReviewEffect.ChangesRequested(BOB, Optional.of("Goals"), "Say what done means."),
            new ReviewEffect.StageChanged(Stage.IN_REVIEW, Stage.CHANGES_REQUESTED)),
        changed.effects());
    assertEquals("requested changes to Goals", last(changed.review()).what());
  }

  @Test
  void changes_requested_holds_even_when_everyone_else_approves() {
    Review review = inReview(BOB, CAROL);
    review = apply(review, changes(BOB, "More detail."), T1);

    Review carol = apply(review, new ReviewInput.Approve(CAROL), T2);

    assertEquals(Stage.CHANGES_REQUESTED, carol.stage());
  }

  @Test
  void the_reviewer_who_asked_for_changes_approving_lifts_them() {
    Review review = apply(inReview(BOB), changes(BOB, "More detail."), T1);

    ReviewTransition approved = machine.apply(review, new ReviewInput.Approve(BOB), T2);

    assertEquals(Stage.APPROVED, approved.review().stage());
    assertEquals(
        new ReviewEffect.StageChanged(Stage.CHANGES_REQUESTED, Stage.APPROVED),
        approved.effects().get(1));
  }

  @Test
  void anyone_may_comment_and_nothing_else_changes() {
    Review review = inReview(BOB);

    ReviewTransition commented =
        machine.apply(
            review, new ReviewInput.Comment(STRANGER, Optional.empty(), "Nice work."), T1);

    Remark remark = new Remark(STRANGER, Optional.empty(), "Nice work.", T1);
    assertEquals(List.of(remark), commented.review().remarks());
    assertEquals(List.of(new ReviewEffect.Commented(remark)), commented.effects());
    assertEquals(Stage.IN_REVIEW, commented.review().stage());
    assertEquals(new ReviewEvent(T1, STRANGER, "commented"), last(commented.review()));
  }

  @Test
  void an_open_concern_blocks_approval_until_its_author_resolves_it() {
    Review review = inReview(BOB);
    ReviewTransition raised =
        machine.apply(review, new ReviewInput.RaiseConcern(STRANGER, "perf", "Too slow?"), T1);
    Concern concern = new Concern("perf", STRANGER, "Too slow?", T1, Optional.empty());
    assertEquals(List.of(new ReviewEffect.ConcernRaised(concern)), raised.effects());
    assertEquals(List.of(concern), raised.review().openConcerns());
    assertEquals("raised concern perf", last(raised.review()).what());

    Review approved = apply(raised.review(), new ReviewInput.Approve(BOB), T1);
    assertEquals(Stage.IN_REVIEW, approved.stage());

    ReviewTransition resolved =
        machine.apply(approved, new ReviewInput.Resolve(STRANGER, "PERF"), T2);
    Concern done = new Concern("perf", STRANGER, "Too slow?", T1, Optional.of(T2));
    assertEquals(
        List.of(
            new ReviewEffect.ConcernResolved(done),
            new ReviewEffect.StageChanged(Stage.IN_REVIEW, Stage.APPROVED)),
        resolved.effects());
    assertEquals(List.of(done), resolved.review().concerns());
    assertFalse(done.isOpen());
    assertEquals("resolved concern perf", last(resolved.review()).what());
  }

  @Test
  void a_concern_raised_after_approval_takes_the_approval_back() {
    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);

    ReviewTransition raised =
        machine.apply(approved, new ReviewInput.RaiseConcern(CAROL, "naming", "Unclear."), T2);

    assertEquals(Stage.IN_REVIEW, raised.review().stage());
    assertEquals(
        new ReviewEffect.StageChanged(Stage.APPROVED, Stage.IN_REVIEW), raised.effects().get(1));
  }

  @Test
  void a_concern_named_like_an_open_one_is_refused() {
    Review review = apply(inReview(BOB), new ReviewInput.RaiseConcern(BOB, "perf", "Slow."), T1);

    assertRefused(
        machine.apply(review, new ReviewInput.RaiseConcern(CAROL, "Perf", "Also slow."), T2),
        review,
        CAROL,
        Refusal.CONCERN_EXISTS);
  }

  @Test
  void a_resolved_concern_name_may_be_raised_again() {
    Review review = apply(inReview(BOB), new ReviewInput.RaiseConcern(BOB, "perf", "Slow."), T1);
    review = apply(review, new ReviewInput.Resolve(BOB, "perf"), T1);

    Review again = apply(review, new ReviewInput.RaiseConcern(CAROL, "perf", "Still slow."), T2);

    assertEquals(2, again.concerns().size());
    assertEquals(CAROL, again.openConcerns().get(0).authorId());
  }

  @Test
  void only_its_author_resolves_a_concern() {
    Review review = apply(inReview(BOB), new ReviewInput.RaiseConcern(BOB, "perf", "Slow."), T1);

    assertRefused(
        machine.apply(review, new ReviewInput.Resolve(ALICE, "perf"), T2),
        review,
        ALICE,
        Refusal.NOT_CONCERN_AUTHOR);
  }

  @Test
  void resolving_an_unknown_or_resolved_concern_is_refused() {
    Review review = apply(inReview(BOB), new ReviewInput.RaiseConcern(BOB, "perf", "Slow."), T1);
    Review resolved = apply(review, new ReviewInput.Resolve(BOB, "perf"), T1);

    assertRefused(
        machine.apply(resolved, new ReviewInput.Resolve(BOB, "perf"), T2),
        resolved,
        BOB,
        Refusal.NO_SUCH_CONCERN);
    assertRefused(
        machine.apply(review, new ReviewInput.Resolve(BOB, "naming"), T2),
        review,
        BOB,
        Refusal.NO_SUCH_CONCERN);
  }

  @Test
  void an_edited_answer_after_approval_makes_the_approvals_stale() {
    Review review = inReview(BOB, CAROL);
    review = apply(review, new ReviewInput.Approve(BOB), T1);
    review = apply(review, new ReviewInput.Approve(CAROL), T1);
    assertEquals(Stage.APPROVED, review.stage());

    ReviewTransition edited = machine.apply(review, edit("Goals", "Old.", "New."), T2);

    assertEquals(List.of(Verdict.STALE, Verdict.STALE), verdicts(edited.review()));
    assertEquals(Optional.of(T1), edited.review().reviewer(BOB).orElseThrow().at());
    assertEquals(Stage.IN_REVIEW, edited.review().stage());
    assertEquals(
        List.of(
            new ReviewEffect.ApprovalsStale(List.of(BOB, CAROL), "Goals", "Old.", "New."),
            new ReviewEffect.StageChanged(Stage.APPROVED, Stage.IN_REVIEW)),
        edited.effects());
    assertEquals(new ReviewEvent(T2, ALICE, "edited Goals"), last(edited.review()));
    assertEquals(List.of(BOB, CAROL), edited.review().notYetResponded());
  }

  @Test
  void a_stale_approval_is_given_again_by_approving() {
    Review review = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    review = apply(review, edit("Goals", "Old.", "New."), T1);

    ReviewTransition again = machine.apply(review, new ReviewInput.Approve(BOB), T2);

    assertEquals(Stage.APPROVED, again.review().stage());
    assertEquals(Optional.of(T2), again.review().reviewer(BOB).orElseThrow().at());
  }

  @Test
  void asking_again_after_an_edit_asks_the_stale_reviewers() {
    Review review = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    review = apply(review, edit("Goals", "Old.", "New."), T1);

    ReviewTransition again = machine.apply(review, request(), T2);

    assertEquals(List.of(Verdict.PENDING), verdicts(again.review()));
    assertEquals(new ReviewEffect.Requested(List.of(BOB), List.of(BOB)), again.effects().get(0));
  }

  @Test
  void the_stale_notice_shows_long_answers_cut_short_on_one_line() {
    Review review = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    String before = "a\n\nb " + "x".repeat(200);

    ReviewTransition edited = machine.apply(review, edit("Goals", before, "short"), T2);

    ReviewEffect.ApprovalsStale stale =
        assertInstanceOf(ReviewEffect.ApprovalsStale.class, edited.effects().get(0));
    assertEquals("a b " + "x".repeat(76) + "…", stale.before());
    assertEquals("short", stale.after());
  }

  @Test
  void an_edit_with_nothing_approved_is_logged_and_changes_no_verdict() {
    Review review = inReview(BOB);

    ReviewTransition edited = machine.apply(review, edit("Goals", "Old.", "New."), T1);

    assertEquals(List.of(), edited.effects());
    assertEquals(List.of(Verdict.PENDING), verdicts(edited.review()));
    assertEquals("edited Goals", last(edited.review()).what());
  }

  @Test
  void an_edit_before_anyone_is_asked_or_that_changes_nothing_is_ignored() {
    assertEquals(draft, machine.apply(draft, edit("Goals", "Old.", "New."), T1).review());

    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    ReviewTransition same = machine.apply(approved, edit("Goals", "Same.", "Same."), T2);
    assertEquals(approved, same.review());
    assertEquals(List.of(), same.effects());
  }

  @Test
  void an_edit_while_changes_are_requested_makes_the_other_approvals_stale() {
    Review review = inReview(BOB, CAROL);
    review = apply(review, new ReviewInput.Approve(BOB), T1);
    review = apply(review, changes(CAROL, "Fix the goals."), T1);

    ReviewTransition edited = machine.apply(review, edit("Goals", "Old.", "New."), T2);

    assertEquals(List.of(Verdict.STALE, Verdict.CHANGES_REQUESTED), verdicts(edited.review()));
    assertEquals(Stage.CHANGES_REQUESTED, edited.review().stage());
  }

  @Test
  void with_the_keep_flag_an_edit_to_a_section_nobody_mentioned_keeps_approvals() {
    ReviewMachine keeping = new ReviewMachine(true);
    Review review = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);

    ReviewTransition edited = keeping.apply(review, edit("Risks", "Old.", "New."), T2);

    assertEquals(Stage.APPROVED, edited.review().stage());
    assertEquals(List.of(Verdict.APPROVED), verdicts(edited.review()));
    assertEquals(List.of(), edited.effects());
    assertEquals("edited Risks", last(edited.review()).what());
  }

  @Test
  void with_the_keep_flag_an_edit_to_a_section_a_remark_or_concern_mentions_makes_them_stale() {
    ReviewMachine keeping = new ReviewMachine(true);
    Review review = inReview(BOB);
    review = apply(review, new ReviewInput.Comment(CAROL, Optional.of("goals"), "Vague."), T1);
    review =
        apply(review, new ReviewInput.RaiseConcern(CAROL, "cost", "What do the risks cost?"), T1);
    review = apply(review, new ReviewInput.Resolve(CAROL, "cost"), T1);
    review = apply(review, new ReviewInput.Approve(BOB), T1);

    Review goals = keeping.apply(review, edit("Goals", "Old.", "New."), T2).review();
    Review risks = keeping.apply(review, edit("Risks", "Old.", "New."), T2).review();
    Review scope = keeping.apply(review, edit("Scope", "Old.", "New."), T2).review();

    assertEquals(List.of(Verdict.STALE), verdicts(goals));
    assertEquals(List.of(Verdict.STALE), verdicts(risks));
    assertEquals(List.of(Verdict.APPROVED), verdicts(scope));
  }

  @Test
  void the_drafter_moves_an_approved_spec_to_in_progress_then_completed() {
    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);

    ReviewTransition started =
        machine.apply(approved, new ReviewInput.MoveOn(ALICE, Stage.IN_PROGRESS), T2);
    assertEquals(Stage.IN_PROGRESS, started.review().stage());
    assertEquals(
        List.of(new ReviewEffect.StageChanged(Stage.APPROVED, Stage.IN_PROGRESS)),
        started.effects());
    assertEquals(new ReviewEvent(T2, ALICE, "moved to in progress"), last(started.review()));

    ReviewTransition done =
        machine.apply(started.review(), new ReviewInput.MoveOn(ALICE, Stage.COMPLETED), T2);
    assertEquals(Stage.COMPLETED, done.review().stage());
    assertEquals("moved to completed", last(done.review()).what());
  }

  @Test
  void moving_on_is_refused_to_anyone_but_the_drafter() {
    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);

    assertRefused(
        machine.apply(approved, new ReviewInput.MoveOn(BOB, Stage.IN_PROGRESS), T2),
        approved,
        BOB,
        Refusal.NOT_THE_DRAFTER);
  }

  @Test
  void moving_on_before_approval_or_out_of_order_is_refused() {
    Review review = inReview(BOB);
    Review approved = apply(review, new ReviewInput.Approve(BOB), T1);
    Review started = apply(approved, new ReviewInput.MoveOn(ALICE, Stage.IN_PROGRESS), T1);
    Review done = apply(started, new ReviewInput.MoveOn(ALICE, Stage.COMPLETED), T1);

    assertMoveRefused(draft, Stage.IN_PROGRESS, Refusal.NOT_APPROVED_YET);
    assertMoveRefused(review, Stage.IN_PROGRESS, Refusal.NOT_APPROVED_YET);
    assertMoveRefused(review, Stage.COMPLETED, Refusal.NOT_APPROVED_YET);
    assertMoveRefused(approved, Stage.COMPLETED, Refusal.NOT_IN_PROGRESS);
    assertMoveRefused(started, Stage.IN_PROGRESS, Refusal.ALREADY_THERE);
    assertMoveRefused(done, Stage.COMPLETED, Refusal.ALREADY_THERE);
    assertMoveRefused(done, Stage.IN_PROGRESS, Refusal.ALREADY_THERE);
  }

  @Test
  void moving_on_to_a_review_stage_is_no_input_at_all() {
    assertThrows(
        IllegalArgumentException.class, () -> new ReviewInput.MoveOn(ALICE, Stage.APPROVED));
  }

  @Test
  void once_in_progress_verdicts_and_edits_no_longer_move_the_stage() {
    Review approved = apply(inReview(BOB), new ReviewInput.Approve(BOB), T1);
    Review started = apply(approved, new ReviewInput.MoveOn(ALICE, Stage.IN_PROGRESS), T1);

    Review changes = apply(started, changes(BOB, "One more thing."), T2);
    Review edited = apply(started, edit("Goals", "Old.", "New."), T2);

    assertEquals(Stage.IN_PROGRESS, changes.stage());
    assertEquals(Stage.IN_PROGRESS, edited.stage());
    assertEquals(List.of(Verdict.APPROVED), verdicts(edited));
  }

  @Test
  void the_board_is_shown_to_anyone_and_changes_nothing() {
    Review review = inReview(BOB);

    ReviewTransition board = machine.apply(review, new ReviewInput.ShowBoard(STRANGER), T1);

    assertEquals(review, board.review());
    assertEquals(List.of(new ReviewEffect.Board()), board.effects());
  }

  @Test
  void every_accepted_change_appends_one_event_and_a_refusal_appends_none() {
    Review review = inReview(BOB);
    int before = review.history().size();

    Review refused = apply(review, new ReviewInput.Approve(STRANGER), T1);
    Review approved = apply(review, new ReviewInput.Approve(BOB), T1);

    assertEquals(before, refused.history().size());
    assertEquals(before + 1, approved.history().size());
  }

  @Test
  void stages_read_as_labels_and_as_the_document_writes_them() {
    assertEquals("Changes requested", Stage.CHANGES_REQUESTED.label());
    assertEquals("In progress", Stage.IN_PROGRESS.label());
    assertEquals("IN_PROGRESS", Stage.IN_PROGRESS.documentValue());
    assertEquals("DRAFT", Stage.DRAFT.documentValue());
  }

  private Review inReview(String... reviewers) {
    return apply(draft, request(reviewers), T0);
  }

  private Review apply(Review review, ReviewInput input, Instant now) {
    return machine.apply(review, input, now).review();
  }

  private void assertMoveRefused(Review review, Stage to, Refusal reason) {
    assertRefused(
        machine.apply(review, new ReviewInput.MoveOn(ALICE, to), T2), review, ALICE, reason);
  }

  private static void assertRefused(
      ReviewTransition transition, Review unchanged, String userId, Refusal reason) {
    assertEquals(unchanged, transition.review());
    assertEquals(List.of(new ReviewEffect.Refused(userId, reason)), transition.effects());
  }

  private static ReviewInput.Request request(String... reviewers) {
    return new ReviewInput.Request(ALICE, List.of(reviewers));
  }

  private static ReviewInput.RequestChanges changes(String by, String text) {
    return new ReviewInput.RequestChanges(by, Optional.empty(), text);
  }

  private static ReviewInput.AnswerChanged edit(String section, String before, String after) {
    return new ReviewInput.AnswerChanged(ALICE, section, before, after);
  }

  private static Reviewer approvedReviewer(String userId) {
    return new Reviewer(userId, Verdict.APPROVED, Optional.of(T0));
  }

  private static List<String> userIds(Review review) {
    return review.reviewers().stream().map(Reviewer::userId).toList();
  }

  private static List<Verdict> verdicts(Review review) {
    return review.reviewers().stream().map(Reviewer::verdict).toList();
  }

  private static ReviewEvent last(Review review) {
    return review.history().get(review.history().size() - 1);
  }
}
