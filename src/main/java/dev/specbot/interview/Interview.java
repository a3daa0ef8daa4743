package dev.specbot.interview;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One drafter's interview of one template: where it stands and every answer so far.
 *
 * @param id app-generated, stable across restarts
 * @param templateId the template it asks
 * @param title the title given when it started
 * @param drafterId who answers: a Slack user id, or the terminal's user
 * @param drafterName the drafter as the document names them
 * @param status where it stands
 * @param current the 0-based index of the question being asked
 * @param answers answers by question id; never blank
 * @param skipped the questions skipped, by id
 * @param assignments the questions handed to co-authors, by id; kept once answered, as their credit
 * @param createdAt when it started
 * @param updatedAt when it last changed
 */
public record Interview(
    String id,
    String templateId,
    String title,
    String drafterId,
    String drafterName,
    Status status,
    int current,
    Map<String, String> answers,
    Set<String> skipped,
    Map<String, Assignee> assignments,
    Instant createdAt,
    Instant updatedAt) {

  public Interview {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(templateId, "null templateId");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(drafterId, "null drafterId");
    Objects.requireNonNull(drafterName, "null drafterName");
    Objects.requireNonNull(status, "null status");
    answers = Map.copyOf(answers);
    skipped = Set.copyOf(skipped);
    assignments = Map.copyOf(assignments);
    Objects.requireNonNull(createdAt, "null createdAt");
    Objects.requireNonNull(updatedAt, "null updatedAt");
  }

  /** An interview with no question handed to a co-author. */
  public Interview(
      String id,
      String templateId,
      String title,
      String drafterId,
      String drafterName,
      Status status,
      int current,
      Map<String, String> answers,
      Set<String> skipped,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        answers,
        skipped,
        Map.of(),
        createdAt,
        updatedAt);
  }

  /** A new interview, about to ask its first question. */
  public static Interview start(
      String id,
      String templateId,
      String title,
      String drafterId,
      String drafterName,
      Instant now) {
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        Status.ASKING,
        0,
        Map.of(),
        Set.of(),
        Map.of(),
        now,
        now);
  }

  Interview withStatus(Status newStatus, Instant now) {
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        newStatus,
        current,
        answers,
        skipped,
        assignments,
        createdAt,
        now);
  }

  Interview withCurrent(int index, Instant now) {
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        index,
        answers,
        skipped,
        assignments,
        createdAt,
        now);
  }

  Interview withAnswer(String questionId, String text, Instant now) {
    Map<String, String> newAnswers = new HashMap<>(answers);
    newAnswers.put(questionId, text);
    Set<String> newSkipped = new HashSet<>(skipped);
    newSkipped.remove(questionId);
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        newAnswers,
        newSkipped,
        assignments,
        createdAt,
        now);
  }

  Interview withoutAnswer(String questionId, Instant now) {
    Map<String, String> newAnswers = new HashMap<>(answers);
    newAnswers.remove(questionId);
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        newAnswers,
        skipped,
        assignments,
        createdAt,
        now);
  }

  Interview withSkipped(Set<String> questionIds, Instant now) {
    Set<String> newSkipped = new HashSet<>(skipped);
    questionIds.stream().filter(q -> !answers.containsKey(q)).forEach(newSkipped::add);
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        answers,
        newSkipped,
        assignments,
        createdAt,
        now);
  }

  /** Whether the question was answered or skipped: either way, the interview has moved past it. */
  boolean isSettled(String questionId) {
    return answers.containsKey(questionId) || skipped.contains(questionId);
  }

  /**
   * The questions handed to {@code assignee}, replacing any earlier hand-over; no longer skipped.
   */
  Interview withAssigned(Set<String> questionIds, Assignee assignee, Instant now) {
    Map<String, Assignee> newAssignments = new HashMap<>(assignments);
    questionIds.forEach(q -> newAssignments.put(q, assignee));
    Set<String> newSkipped = new HashSet<>(skipped);
    newSkipped.removeAll(questionIds);
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        answers,
        newSkipped,
        newAssignments,
        createdAt,
        now);
  }

  /** The questions taken back: the drafter answers them again. */
  Interview withoutAssigned(Set<String> questionIds, Instant now) {
    Map<String, Assignee> newAssignments = new HashMap<>(assignments);
    newAssignments.keySet().removeAll(questionIds);
    return new Interview(
        id,
        templateId,
        title,
        drafterId,
        drafterName,
        status,
        current,
        answers,
        skipped,
        newAssignments,
        createdAt,
        now);
  }

  /** The co-author a question waits on: handed over and neither answered nor skipped yet. */
  public Optional<Assignee> waitingOn(String questionId) {
    return isSettled(questionId)
        ? Optional.empty()
        : Optional.ofNullable(assignments.get(questionId));
  }
}
