package dev.specbot.storage;

import static java.util.stream.Collectors.groupingBy;

import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/** The answers table: each question of an interview answered (with its text) or skipped. */
final class Answers {
  private final Handle handle;

  Answers(Handle handle) {
    this.handle = handle;
  }

  /** One row: a question answered or skipped, and when that last changed. */
  record Row(
      String interviewId, String questionId, State state, Optional<String> text, long updatedAt) {

    /** What a question can be in the answers table. */
    enum State {
      ANSWERED,
      SKIPPED
    }

    /** Whether the other row says the same of the question, whenever it was written. */
    boolean sameAnswer(Row other) {
      return state == other.state && text.equals(other.text);
    }
  }

  /** An interview's answers and skipped questions, read back. */
  record Settled(Map<String, String> answers, Set<String> skipped) {
    static final Settled NONE = new Settled(Map.of(), Set.of());

    static Settled of(List<Row> rows) {
      Map<String, String> answers = new HashMap<>();
      Set<String> skipped = new HashSet<>();
      for (Row row : rows) {
        switch (row.state()) {
          case ANSWERED -> answers.put(row.questionId(), row.text().orElseThrow());
          case SKIPPED -> skipped.add(row.questionId());
        }
      }
      return new Settled(answers, skipped);
    }
  }

  private static final String OF_INTERVIEW =
      """
      SELECT interview_id, question_id, state, text, updated_at
      FROM answers
      WHERE interview_id = :interviewId
      """;

  Settled of(String interviewId) {
    return Settled.of(rowsOf(interviewId));
  }

  private static final String OF_DRAFTER =
      """
      SELECT answer.interview_id, answer.question_id, answer.state, answer.text, answer.updated_at
      FROM answers answer
      JOIN interviews interview ON interview.id = answer.interview_id
      WHERE interview.drafter_id = :drafterId
      """;

  /** The answers of all the drafter's interviews, by interview id. */
  Map<String, Settled> ofDrafter(String drafterId) {
    return byInterview(
        handle.createQuery(OF_DRAFTER).bind("drafterId", drafterId).map(Answers::row).list());
  }

  /*
   * A join rather than a list of ids: the number of interviews listed has no bound that a
   * database's limit on bound parameters would respect.
   */
  private static final String OF_STATUSES =
      """
      SELECT answer.interview_id, answer.question_id, answer.state, answer.text, answer.updated_at
      FROM answers answer
      JOIN interviews interview ON interview.id = answer.interview_id
      WHERE interview.status IN (<statuses>)
      """;

  /** The answers of all interviews in one of the statuses, by interview id. */
  Map<String, Settled> ofStatuses(Collection<Status> statuses) {
    return byInterview(
        handle
            .createQuery(OF_STATUSES)
            .bindList("statuses", statuses.stream().map(Status::name).toList())
            .map(Answers::row)
            .list());
  }

  /** Makes the stored rows equal to the interview's: writes changed ones, deletes removed ones. */
  void sync(Interview interview) {
    sync(rowsOf(interview.id()), interview);
  }

  /** As {@link #sync(Interview)}, when what is stored is {@code read}'s answers. */
  void sync(Interview read, Interview interview) {
    sync(rowsFor(read), interview);
  }

  private void sync(List<Row> storedRows, Interview interview) {
    Map<String, Row> stored = new HashMap<>();
    storedRows.forEach(row -> stored.put(row.questionId(), row));
    List<Row> changed = new ArrayList<>();
    for (Row row : rowsFor(interview)) {
      Row before = stored.remove(row.questionId());
      if (before == null || !before.sameAnswer(row)) {
        changed.add(row);
      }
    }
    upsert(changed);
    delete(interview.id(), stored.keySet());
  }

  /** Writes all the answers of an interview stored for the first time. */
  void insert(Interview interview) {
    upsert(rowsFor(interview));
  }

  private static final String UPSERT =
      """
      INSERT INTO answers (interview_id, question_id, state, text, updated_at)
      VALUES (:interviewId, :questionId, :state, :text, :updatedAt)
      ON CONFLICT (interview_id, question_id)
      DO UPDATE SET state = excluded.state, text = excluded.text, updated_at = excluded.updated_at
      """;

  private void upsert(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(UPSERT);
    for (Row row : rows) {
      batch
          .bind("interviewId", row.interviewId())
          .bind("questionId", row.questionId())
          .bind("state", row.state().name())
          .bind("text", row.text().orElse(null))
          .bind("updatedAt", row.updatedAt())
          .add();
    }
    batch.execute();
  }

  private static final String DELETE =
      """
      DELETE FROM answers
      WHERE interview_id = :interviewId AND question_id = :questionId
      """;

  private void delete(String interviewId, Collection<String> questionIds) {
    if (questionIds.isEmpty()) {
      return;
    }
    PreparedBatch batch = handle.prepareBatch(DELETE);
    for (String questionId : questionIds) {
      batch.bind("interviewId", interviewId).bind("questionId", questionId).add();
    }
    batch.execute();
  }

  private List<Row> rowsOf(String interviewId) {
    return handle
        .createQuery(OF_INTERVIEW)
        .bind("interviewId", interviewId)
        .map(Answers::row)
        .list();
  }

  private static List<Row> rowsFor(Interview interview) {
    long updatedAt = interview.updatedAt().toEpochMilli();
    List<Row> rows = new ArrayList<>();
    interview
        .answers()
        .forEach(
            (questionId, text) ->
                rows.add(
                    new Row(
                        interview.id(),
                        questionId,
                        Row.State.ANSWERED,
                        Optional.of(text),
                        updatedAt)));
    for (String questionId : interview.skipped()) {
      // An answer wins over a skip: the domain never keeps both, and the table could not.
      if (!interview.answers().containsKey(questionId)) {
        rows.add(
            new Row(interview.id(), questionId, Row.State.SKIPPED, Optional.empty(), updatedAt));
      }
    }
    return rows;
  }

  private static Map<String, Settled> byInterview(List<Row> rows) {
    Map<String, Settled> settled = new HashMap<>();
    rows.stream()
        .collect(groupingBy(Row::interviewId))
        .forEach((interviewId, ofOne) -> settled.put(interviewId, Settled.of(ofOne)));
    return settled;
  }

  private static Row row(ResultSet row, StatementContext context) throws SQLException {
    return new Row(
        row.getString("interview_id"),
        row.getString("question_id"),
        Row.State.valueOf(row.getString("state")),
        Optional.ofNullable(row.getString("text")),
        row.getLong("updated_at"));
  }
}
