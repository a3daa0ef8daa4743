package dev.specbot.storage;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The assignments table: the questions a drafter handed to co-authors, read and written with their
 * interview, in the same transaction.
 */
final class Assignments {
  private final Handle handle;

  Assignments(Handle handle) {
    this.handle = handle;
  }

  /** One row: a question and the co-author it was handed to. */
  private record Row(String interviewId, String questionId, Assignee assignee) {}

  private static final String COLUMNS =
      "a.interview_id, a.question_id, a.assignee_id, a.assignee_name, a.assigned_at";

  /** The interview's hand-overs, by question id. */
  Map<String, Assignee> of(String interviewId) {
    return byInterview(
            handle
                .createQuery("SELECT " + COLUMNS + " FROM assignments a WHERE a.interview_id = :id")
                .bind("id", interviewId)
                .map(Assignments::row)
                .list())
        .getOrDefault(interviewId, Map.of());
  }

  /** The hand-overs of all the drafter's interviews, by interview id. */
  Map<String, Map<String, Assignee>> ofDrafter(String drafterId) {
    return byInterview(
        handle
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM assignments a JOIN interviews i ON i.id = a.interview_id"
                    + " WHERE i.drafter_id = :drafterId")
            .bind("drafterId", drafterId)
            .map(Assignments::row)
            .list());
  }

  /** The hand-overs of all interviews in one of the statuses, by interview id. */
  Map<String, Map<String, Assignee>> ofStatuses(Collection<Status> statuses) {
    return byInterview(
        handle
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM assignments a JOIN interviews i ON i.id = a.interview_id"
                    + " WHERE i.status IN (<statuses>)")
            .bindList("statuses", statuses.stream().map(Status::name).toList())
            .map(Assignments::row)
            .list());
  }

  private static final String UPSERT =
      """
      INSERT INTO assignments (interview_id, question_id, assignee_id, assignee_name, assigned_at)
      VALUES (:interviewId, :questionId, :assigneeId, :assigneeName, :assignedAt)
      ON CONFLICT (interview_id, question_id)
      DO UPDATE SET assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,
                    assigned_at = excluded.assigned_at
      """;

  private static final String DELETE =
      "DELETE FROM assignments WHERE interview_id = :interviewId AND question_id = :questionId";

  /** Makes the stored rows equal to the interview's: writes changed ones, deletes removed ones. */
  void sync(Interview interview) {
    sync(of(interview.id()), interview);
  }

  /** Makes the stored hand-overs, known to be {@code storedNow}, the interview's. */
  void sync(Map<String, Assignee> storedNow, Interview interview) {
    Map<String, Assignee> stored = new HashMap<>(storedNow);
    PreparedBatch upsert = handle.prepareBatch(UPSERT);
    interview
        .assignments()
        .forEach(
            (questionId, assignee) -> {
              if (!assignee.equals(stored.remove(questionId))) {
                upsert
                    .bind("interviewId", interview.id())
                    .bind("questionId", questionId)
                    .bind("assigneeId", assignee.id())
                    .bind("assigneeName", assignee.name())
                    .bind("assignedAt", assignee.assignedAt().toEpochMilli())
                    .add();
              }
            });
    if (upsert.size() > 0) {
      upsert.execute();
    }
    if (!stored.isEmpty()) {
      PreparedBatch delete = handle.prepareBatch(DELETE);
      stored
          .keySet()
          .forEach(q -> delete.bind("interviewId", interview.id()).bind("questionId", q).add());
      delete.execute();
    }
  }

  private static Map<String, Map<String, Assignee>> byInterview(List<Row> rows) {
    Map<String, Map<String, Assignee>> byInterview = new HashMap<>();
    for (Row row : rows) {
      byInterview
          .computeIfAbsent(row.interviewId(), id -> new HashMap<>())
          .put(row.questionId(), row.assignee());
    }
    return byInterview;
  }

  private static Row row(ResultSet row, StatementContext context) throws SQLException {
    return new Row(
        row.getString("interview_id"),
        row.getString("question_id"),
        new Assignee(
            row.getString("assignee_id"),
            row.getString("assignee_name"),
            Instant.ofEpochMilli(row.getLong("assigned_at"))));
  }
}
