package dev.specbot.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The review of one spec: who was asked and what each said, the concerns and remarks, and where the
 * spec stands.
 *
 * @param interviewId the spec's interview
 * @param drafterId who wrote the spec; never one of its reviewers
 * @param stage where it stands
 * @param reviewers in the order they were asked, each once
 * @param concerns in the order they were raised, resolved ones kept
 * @param remarks comments and requests for changes, oldest first
 * @param rule when the verdicts approve the spec
 * @param history every change, oldest first
 */
public record Review(
    String interviewId,
    String drafterId,
    Stage stage,
    List<Reviewer> reviewers,
    List<Concern> concerns,
    List<Remark> remarks,
    Rule rule,
    List<ReviewEvent> history) {

  public Review {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(drafterId, "null drafterId");
    Objects.requireNonNull(stage, "null stage");
    reviewers = List.copyOf(reviewers);
    concerns = List.copyOf(concerns);
    remarks = List.copyOf(remarks);
    Objects.requireNonNull(rule, "null rule");
    history = List.copyOf(history);
  }

  /** A spec nobody has been asked to review yet. */
  public static Review none(String interviewId, String drafterId, Rule rule) {
    return new Review(
        interviewId, drafterId, Stage.DRAFT, List.of(), List.of(), List.of(), rule, List.of());
  }

  /** The reviewers who owe a verdict: never answered, asked again, or approved before a change. */
  public List<String> notYetResponded() {
    return reviewers.stream()
        .filter(r -> r.verdict() == Verdict.PENDING || r.verdict() == Verdict.STALE)
        .map(Reviewer::userId)
        .toList();
  }

  public List<Concern> openConcerns() {
    return concerns.stream().filter(Concern::isOpen).toList();
  }

  /** The reviewers whose approval stands. */
  public List<Reviewer> approved() {
    return reviewers.stream().filter(r -> r.verdict() == Verdict.APPROVED).toList();
  }

  /** The reviewer with this user id, if they were asked. */
  public Optional<Reviewer> reviewer(String userId) {
    return reviewers.stream().filter(r -> r.userId().equals(userId)).findFirst();
  }

  /** The open concern called {@code name}, ignoring case. */
  Optional<Concern> openConcern(String name) {
    return concerns.stream().filter(c -> c.isOpen() && c.isNamed(name)).findFirst();
  }

  Review withStage(Stage newStage) {
    return new Review(
        interviewId, drafterId, newStage, reviewers, concerns, remarks, rule, history);
  }

  Review withReviewers(List<Reviewer> newReviewers) {
    return new Review(
        interviewId, drafterId, stage, newReviewers, concerns, remarks, rule, history);
  }

  /** The same review with {@code changed} in place of the reviewer with its user id. */
  Review withReviewer(Reviewer changed) {
    return withReviewers(
        reviewers.stream().map(r -> r.userId().equals(changed.userId()) ? changed : r).toList());
  }

  Review withConcerns(List<Concern> newConcerns) {
    return new Review(
        interviewId, drafterId, stage, reviewers, newConcerns, remarks, rule, history);
  }

  Review withRemark(Remark remark) {
    List<Remark> more = new ArrayList<>(remarks);
    more.add(remark);
    return new Review(interviewId, drafterId, stage, reviewers, concerns, more, rule, history);
  }

  Review withEvent(ReviewEvent event) {
    List<ReviewEvent> more = new ArrayList<>(history);
    more.add(event);
    return new Review(interviewId, drafterId, stage, reviewers, concerns, remarks, rule, more);
  }
}
