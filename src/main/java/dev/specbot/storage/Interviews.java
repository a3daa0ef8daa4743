package dev.specbot.storage;

import dev.specbot.interview.Assignee;
import dev.specbot.interview.Interview;
import dev.specbot.interview.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * The interviews, with their answers, the questions handed to co-authors and where each lives in
 * Slack; instants are kept to the millisecond.
 */
public final class Interviews {
  private static final List<Status> OPEN =
      Arrays.stream(Status.values()).filter(Status::isOpen).toList();

  private final Handle handle;
  private final Answers answers;
  private final Assignments assignments;

  /** The version the transaction's writes expect, until checked (see {@link #expectVersion}). */
  private Optional<Expected> expected = Optional.empty();

  private record Expected(String interviewId, long version) {}

  Interviews(Handle handle) {
    this.handle = handle;
    this.answers = new Answers(handle);
    this.assignments = new Assignments(handle);
  }

  /** An interviews row: the interview but for its answers, and its place in Slack. */
  private record Row(Interview unanswered, SlackPlace place) {

    StoredInterview with(Answers.Settled settled, Map<String, Assignee> handedOver) {
      Interview interview =
          new Interview(
              unanswered.id(),
              unanswered.templateId(),
              unanswered.title(),
              unanswered.drafterId(),
              unanswered.drafterName(),
              unanswered.status(),
              unanswered.current(),
              settled.answers(),
              settled.skipped(),
              handedOver,
              unanswered.createdAt(),
              unanswered.updatedAt());
      return new StoredInterview(interview, place);
    }
  }

  private static final String INSERT =
      """
      INSERT INTO interviews (id, template_id, title, drafter_id, drafter_name, status, current_index,
                              team_id, channel_id, thread_ts, permalink, created_at, updated_at)
      VALUES (:id, :templateId, :title, :drafterId, :drafterName, :status, :currentIndex,
              :teamId, :channelId, :threadTs, :permalink, :createdAt, :updatedAt)
      """;

  /** Stores a new interview, its answers and skipped questions, in its place in Slack. */
  public void insert(Interview interview, SlackPlace place) {
    Objects.requireNonNull(interview, "null interview");
    Objects.requireNonNull(place, "null place");
    handle
        .createUpdate(INSERT)
        .bind("id", interview.id())
        .bind("templateId", interview.templateId())
        .bind("title", interview.title())
        .bind("drafterId", interview.drafterId())
        .bind("drafterName", interview.drafterName())
        .bind("status", interview.status().name())
        .bind("currentIndex", interview.current())
        .bind("teamId", place.teamId())
        .bind("channelId", place.channelId())
        .bind("threadTs", place.threadTs().orElse(null))
        .bind("permalink", place.permalink().orElse(null))
        .bind("createdAt", interview.createdAt().toEpochMilli())
        .bind("updatedAt", interview.updatedAt().toEpochMilli())
        .execute();
    answers.insert(interview);
    assignments.sync(interview);
  }

  private static final String FIND =
      """
      SELECT id, template_id, title, drafter_id, drafter_name, status, current_index,
             team_id, channel_id, thread_ts, permalink, created_at, updated_at
      FROM interviews
      WHERE id = :id
      """;

  public Optional<StoredInterview> find(String interviewId) {
    Objects.requireNonNull(interviewId, "null interviewId");
    return handle
        .createQuery(FIND)
        .bind("id", interviewId)
        .map(Interviews::row)
        .findOne()
        .map(row -> row.with(answers.of(interviewId), assignments.of(interviewId)));
  }

  private static final String FIND_BY_THREAD =
      """
      SELECT id, template_id, title, drafter_id, drafter_name, status, current_index,
             team_id, channel_id, thread_ts, permalink, created_at, updated_at
      FROM interviews
      WHERE channel_id = :channelId AND thread_ts = :threadTs
      """;

  /** The interview whose parent message is {@code threadTs} in the channel. */
  public Optional<StoredInterview> findByThread(String channelId, String threadTs) {
    Objects.requireNonNull(channelId, "null channelId");
    Objects.requireNonNull(threadTs, "null threadTs");
    return handle
        .createQuery(FIND_BY_THREAD)
        .bind("channelId", channelId)
        .bind("threadTs", threadTs)
        .map(Interviews::row)
        .findOne()
        .map(
            row ->
                row.with(answers.of(row.unanswered().id()), assignments.of(row.unanswered().id())));
  }

  /**
   * Whether {@code threadTs} in the channel is an interview's thread: one look in the unique index,
   * for a reply that is most often people talking in some other thread.
   */
  public boolean hasThread(String channelId, String threadTs) {
    Objects.requireNonNull(channelId, "null channelId");
    Objects.requireNonNull(threadTs, "null threadTs");
    return handle
            .createQuery(
                "SELECT COUNT(*) FROM interviews WHERE channel_id = :channelId AND thread_ts = :threadTs")
            .bind("channelId", channelId)
            .bind("threadTs", threadTs)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  private static final String LIST_BY_DRAFTER =
      """
      SELECT id, template_id, title, drafter_id, drafter_name, status, current_index,
             team_id, channel_id, thread_ts, permalink, created_at, updated_at
      FROM interviews
      WHERE drafter_id = :drafterId
      ORDER BY created_at DESC, id DESC
      """;

  /** The drafter's interviews, newest first. */
  public List<StoredInterview> listByDrafter(String drafterId) {
    Objects.requireNonNull(drafterId, "null drafterId");
    List<Row> rows =
        handle
            .createQuery(LIST_BY_DRAFTER)
            .bind("drafterId", drafterId)
            .map(Interviews::row)
            .list();
    return withAnswers(
        rows, () -> answers.ofDrafter(drafterId), () -> assignments.ofDrafter(drafterId));
  }

  private static final String LIST_BY_STATUS =
      """
      SELECT id, template_id, title, drafter_id, drafter_name, status, current_index,
             team_id, channel_id, thread_ts, permalink, created_at, updated_at
      FROM interviews
      WHERE status IN (<statuses>)
      ORDER BY created_at, id
      """;

  /**
   * The interviews still taking answers (asking, paused or asking to confirm a cancel), oldest
   * first.
   */
  public List<StoredInterview> listOpen() {
    List<Row> rows =
        handle
            .createQuery(LIST_BY_STATUS)
            .bindList("statuses", OPEN.stream().map(Status::name).toList())
            .map(Interviews::row)
            .list();
    return withAnswers(rows, () -> answers.ofStatuses(OPEN), () -> assignments.ofStatuses(OPEN));
  }

  private static final String UPDATE =
      """
      UPDATE interviews
      SET status = :status, current_index = :currentIndex, updated_at = :updatedAt,
          version = version + 1
      WHERE id = :id
      """;

  /**
   * Stores the interview's status, current question and time of change, and makes its stored
   * answers and skipped questions equal to the interview's: changed ones are written, removed ones
   * deleted, unchanged ones left as they were (with the time they last changed).
   *
   * @throws IllegalStateException if the interview was never stored
   */
  public void update(Interview interview) {
    updateRow(interview);
    answers.sync(interview);
    assignments.sync(interview);
  }

  /**
   * As {@link #update(Interview)}, for an interview {@code read} at the version this transaction
   * claimed (see {@link Optimistic}): what is stored is what was read, so its answers and
   * hand-overs are compared with those read rather than read again, under the writer.
   */
  public void update(Interview read, Interview changed) {
    Objects.requireNonNull(read, "null read");
    if (!read.id().equals(changed.id())) {
      throw new IllegalArgumentException("not the interview read: " + changed.id());
    }
    updateRow(changed);
    answers.sync(read, changed);
    assignments.sync(read.assignments(), changed);
  }

  private void updateRow(Interview interview) {
    Objects.requireNonNull(interview, "null interview");
    Optional<Long> atVersion = takeExpected(interview.id());
    Update update =
        handle
            .createUpdate(atVersion.isPresent() ? UPDATE + " AND version = :expected" : UPDATE)
            .bind("id", interview.id())
            .bind("status", interview.status().name())
            .bind("currentIndex", interview.current())
            .bind("updatedAt", interview.updatedAt().toEpochMilli());
    atVersion.ifPresent(version -> update.bind("expected", version));
    int updated = update.execute();
    if (atVersion.isPresent() && updated == 0) {
      throw new Optimistic.Stale();
    }
    requireFound(interview.id(), updated);
  }

  private static final String PLACE_THREAD =
      """
      UPDATE interviews
      SET thread_ts = :threadTs, permalink = :permalink
      WHERE id = :id
      """;

  /** Records the interview's thread once its parent message is posted. */
  public void placeThread(String interviewId, String threadTs, Optional<String> permalink) {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(threadTs, "null threadTs");
    Objects.requireNonNull(permalink, "null permalink");
    int updated =
        handle
            .createUpdate(PLACE_THREAD)
            .bind("id", interviewId)
            .bind("threadTs", threadTs)
            .bind("permalink", permalink.orElse(null))
            .execute();
    requireFound(interviewId, updated);
  }

  /** Only before the thread exists: a thread cannot follow its interview to another channel. */
  private static final String MOVE_TO =
      """
      UPDATE interviews
      SET channel_id = :channelId
      WHERE id = :id AND thread_ts IS NULL
      """;

  /**
   * Re-homes the interview (e.g. to a DM) before its thread exists.
   *
   * @throws IllegalStateException if the interview is unknown or its thread was posted already
   */
  public void moveTo(String interviewId, String channelId) {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(channelId, "null channelId");
    int updated =
        handle.createUpdate(MOVE_TO).bind("id", interviewId).bind("channelId", channelId).execute();
    if (updated == 0) {
      SlackPlace place = find(interviewId).map(StoredInterview::place).orElse(null);
      throw new IllegalStateException(
          place == null
              ? "no interview " + interviewId
              : "interview "
                  + interviewId
                  + " already has its thread in channel "
                  + place.channelId()
                  + ", so it cannot move to "
                  + channelId);
    }
  }

  /** Records that the drafter said the spec needs no discussion meeting. */
  public void declineMeeting(String interviewId, Instant now) {
    requireFound(
        interviewId,
        handle
            .createUpdate("UPDATE interviews SET no_meeting_at = :now WHERE id = :id")
            .bind("id", interviewId)
            .bind("now", now.toEpochMilli())
            .execute());
  }

  /** Whether the drafter said the spec needs no discussion meeting. */
  public boolean meetingDeclined(String interviewId) {
    return handle
        .createQuery("SELECT no_meeting_at FROM interviews WHERE id = :id")
        .bind("id", interviewId)
        .map((row, context) -> row.getObject(1) != null)
        .findOne()
        .orElse(false);
  }

  /**
   * Remembers that the latest reply answered {@code questionId} and that outbox message {@code
   * nextAskId} asks the next question; empty clears it (the latest input was something else).
   */
  public void setBurst(String interviewId, Optional<Burst> burst) {
    handle
        .createUpdate(
            """
            UPDATE interviews SET burst_question = :q, burst_next_ask = :ask, version = version + 1
            WHERE id = :id
            """)
        .bind("id", interviewId)
        .bind("q", burst.map(Burst::questionId).orElse(null))
        .bind("ask", burst.map(Burst::nextAskId).orElse(null))
        .execute();
  }

  /** The question the latest reply answered, and the message asking the next one. */
  public record Burst(String questionId, String nextAskId) {}

  public Optional<Burst> burst(String interviewId) {
    return handle
        .createQuery("SELECT burst_question, burst_next_ask FROM interviews WHERE id = :id")
        .bind("id", interviewId)
        .map(
            (row, context) ->
                row.getString(1) == null || row.getString(2) == null
                    ? Optional.<Burst>empty()
                    : Optional.of(new Burst(row.getString(1), row.getString(2))))
        .findOne()
        .flatMap(found -> found);
  }

  /**
   * The interview's version, which every change to it counts up: read with the interview, it tells
   * a later transaction whether the interview changed in between.
   */
  public long version(String interviewId) {
    return handle
        .createQuery("SELECT version FROM interviews WHERE id = :id")
        .bind("id", interviewId)
        .mapTo(Long.class)
        .findOne()
        .orElseThrow(() -> new IllegalStateException("no interview " + interviewId));
  }

  /**
   * The version this transaction's writes were computed from (see {@link Optimistic}): the first
   * update of the interview's row checks it in the same statement, and throws {@link
   * Optimistic.Stale} if the interview changed since; {@link #holdsExpectedVersion} checks it for
   * writes that do not update the row.
   */
  void expectVersion(String interviewId, long version) {
    expected = Optional.of(new Expected(interviewId, version));
  }

  /** Whether the interview is still at the version expected, counting it up if so. */
  boolean holdsExpectedVersion() {
    Optional<Expected> unchecked = expected;
    expected = Optional.empty();
    return unchecked.map(e -> claimVersion(e.interviewId(), e.version())).orElse(true);
  }

  private Optional<Long> takeExpected(String interviewId) {
    Optional<Long> version =
        expected.filter(e -> e.interviewId().equals(interviewId)).map(Expected::version);
    version.ifPresent(checked -> expected = Optional.empty());
    return version;
  }

  /**
   * Counts the version up if it is still {@code expected}: true when nothing changed the interview
   * since it was read; false when something did, and what was computed from it is stale.
   */
  public boolean claimVersion(String interviewId, long expected) {
    return handle
            .createUpdate(
                "UPDATE interviews SET version = version + 1 WHERE id = :id AND version = :expected")
            .bind("id", interviewId)
            .bind("expected", expected)
            .execute()
        == 1;
  }

  /** Where the interview lives in Slack, without loading its answers: for the outbox sender. */
  public Optional<SlackPlace> placeOf(String interviewId) {
    return handle
        .createQuery(
            "SELECT team_id, channel_id, thread_ts, permalink FROM interviews WHERE id = :id")
        .bind("id", interviewId)
        .map(
            (row, context) ->
                new SlackPlace(
                    row.getString("team_id"),
                    row.getString("channel_id"),
                    Optional.ofNullable(row.getString("thread_ts")),
                    Optional.ofNullable(row.getString("permalink"))))
        .findOne();
  }

  private static List<StoredInterview> withAnswers(
      List<Row> rows,
      Supplier<Map<String, Answers.Settled>> answersOfRows,
      Supplier<Map<String, Map<String, Assignee>>> assignmentsOfRows) {
    if (rows.isEmpty()) {
      return List.of(); // No second query for nothing.
    }
    Map<String, Answers.Settled> settled = answersOfRows.get();
    Map<String, Map<String, Assignee>> handedOver = assignmentsOfRows.get();
    return rows.stream()
        .map(
            row ->
                row.with(
                    settled.getOrDefault(row.unanswered().id(), Answers.Settled.NONE),
                    handedOver.getOrDefault(row.unanswered().id(), Map.of())))
        .toList();
  }

  private static void requireFound(String interviewId, int updated) {
    if (updated == 0) {
      throw new IllegalStateException("no interview " + interviewId);
    }
  }

  private static Row row(ResultSet row, StatementContext context) throws SQLException {
    Interview unanswered =
        new Interview(
            row.getString("id"),
            row.getString("template_id"),
            row.getString("title"),
            row.getString("drafter_id"),
            row.getString("drafter_name"),
            Status.valueOf(row.getString("status")),
            row.getInt("current_index"),
            Map.of(),
            Set.of(),
            Instant.ofEpochMilli(row.getLong("created_at")),
            Instant.ofEpochMilli(row.getLong("updated_at")));
    SlackPlace place =
        new SlackPlace(
            row.getString("team_id"),
            row.getString("channel_id"),
            Optional.ofNullable(row.getString("thread_ts")),
            Optional.ofNullable(row.getString("permalink")));
    return new Row(unanswered, place);
  }
}
