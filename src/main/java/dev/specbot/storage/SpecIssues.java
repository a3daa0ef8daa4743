package dev.specbot.storage;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Specs published as GitHub issues: one row per interview (see V13). */
public final class SpecIssues {
  private final Handle handle;

  SpecIssues(Handle handle) {
    this.handle = handle;
  }

  /*
   * One statement, so that two presses racing (or Slack sending one again) queue one issue: the
   * row is written if there is none, or asked for again only after GitHub refused the last try.
   */
  private static final String REQUEST =
      """
      INSERT INTO spec_issues
        (interview_id, repository, title, labels, assignees, state, requested_at)
      VALUES (:id, :repository, :title, :labels, :assignees, 'PUBLISHING', :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        repository = excluded.repository, title = excluded.title, labels = excluded.labels,
        assignees = excluded.assignees, state = 'PUBLISHING', requested_at = excluded.requested_at
      WHERE spec_issues.state = 'REFUSED'
      """;

  /**
   * Asks for the spec's issue: true when this call did (the caller then queues it), false when it
   * is published or being published already.
   */
  public boolean request(
      String interviewId,
      String repository,
      String title,
      List<String> labels,
      List<String> assignees,
      Instant now) {
    Objects.requireNonNull(interviewId, "null interviewId");
    return handle
            .createUpdate(REQUEST)
            .bind("id", interviewId)
            .bind("repository", Objects.requireNonNull(repository, "null repository"))
            .bind("title", Objects.requireNonNull(title, "null title"))
            .bind("labels", json(labels))
            .bind("assignees", json(assignees))
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  /** The spec's issue, if one was ever asked for. */
  public Optional<SpecIssue> find(String interviewId) {
    return handle
        .createQuery(
            """
            SELECT interview_id, repository, title, labels, assignees, state, issue_number, url,
              requested_at, published_at
            FROM spec_issues WHERE interview_id = :id
            """)
        .bind("id", interviewId)
        .map(SpecIssues::issue)
        .findOne();
  }

  /** GitHub made the issue. */
  public void published(String interviewId, int number, String url, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE spec_issues
            SET state = 'PUBLISHED', issue_number = :number, url = :url, published_at = :now
            WHERE interview_id = :id
            """)
        .bind("id", interviewId)
        .bind("number", number)
        .bind("url", url)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** GitHub refused to make the issue, for good: the drafter may ask again. */
  public void refused(String interviewId) {
    handle
        .createUpdate(
            "UPDATE spec_issues SET state = 'REFUSED' WHERE interview_id = :id"
                + " AND state = 'PUBLISHING'")
        .bind("id", interviewId)
        .execute();
  }

  private static String json(List<String> values) {
    JsonArray array = new JsonArray();
    values.forEach(array::add);
    return array.toString();
  }

  private static List<String> strings(String json) {
    List<String> values = new ArrayList<>();
    for (JsonElement value : JsonParser.parseString(json).getAsJsonArray()) {
      values.add(value.getAsString());
    }
    return values;
  }

  private static SpecIssue issue(ResultSet row, StatementContext context) throws SQLException {
    int number = row.getInt("issue_number");
    Optional<Integer> issueNumber = row.wasNull() ? Optional.empty() : Optional.of(number);
    long publishedAt = row.getLong("published_at");
    Optional<Instant> published =
        row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(publishedAt));
    return new SpecIssue(
        row.getString("interview_id"),
        row.getString("repository"),
        row.getString("title"),
        strings(row.getString("labels")),
        strings(row.getString("assignees")),
        SpecIssue.State.valueOf(row.getString("state")),
        issueNumber,
        Optional.ofNullable(row.getString("url")),
        Instant.ofEpochMilli(row.getLong("requested_at")),
        published);
  }
}
