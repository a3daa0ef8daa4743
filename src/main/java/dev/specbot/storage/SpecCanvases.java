package dev.specbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The specs' canvases, one row per interview, written only by its canvas lane in the outbox (one
 * sender at a time); instants are kept to the millisecond.
 */
public final class SpecCanvases {
  private final Handle handle;

  SpecCanvases(Handle handle) {
    this.handle = handle;
  }

  private static final String FIND =
      """
      SELECT interview_id, canvas_id, create_asked_at, sent_markdown, refusal
      FROM spec_canvases WHERE interview_id = :interviewId
      """;

  public Optional<SpecCanvas> find(String interviewId) {
    return handle
        .createQuery(FIND)
        .bind("interviewId", interviewId)
        .map(SpecCanvases::canvas)
        .findOne();
  }

  private static SpecCanvas canvas(ResultSet row, StatementContext ctx) throws SQLException {
    long asked = row.getLong("create_asked_at");
    Optional<Instant> askedAt =
        row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(asked));
    return new SpecCanvas(
        row.getString("interview_id"),
        Optional.ofNullable(row.getString("canvas_id")),
        askedAt,
        Optional.ofNullable(row.getString("sent_markdown")),
        Optional.ofNullable(row.getString("refusal")));
  }

  private static final String ASKED =
      """
      INSERT INTO spec_canvases (interview_id, create_asked_at, updated_at)
      VALUES (:interviewId, :at, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        create_asked_at = excluded.create_asked_at, updated_at = excluded.updated_at
      """;

  /** canvases.create is about to be asked ({@code at}), or certainly made nothing (empty). */
  public void createAsked(String interviewId, Optional<Instant> at, Instant now) {
    Objects.requireNonNull(at, "null at");
    handle
        .createUpdate(ASKED)
        .bind("interviewId", interviewId)
        .bind("at", at.map(Instant::toEpochMilli).orElse(null))
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String CREATED =
      """
      INSERT INTO spec_canvases (interview_id, canvas_id, sent_markdown, updated_at)
      VALUES (:interviewId, :canvasId, :markdown, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        canvas_id = excluded.canvas_id, create_asked_at = NULL,
        sent_markdown = excluded.sent_markdown, updated_at = excluded.updated_at
      """;

  /** Slack made {@code canvasId} for the spec, holding {@code markdown}. */
  public void created(String interviewId, String canvasId, String markdown, Instant now) {
    Objects.requireNonNull(canvasId, "null canvasId");
    handle
        .createUpdate(CREATED)
        .bind("interviewId", interviewId)
        .bind("canvasId", canvasId)
        .bind("markdown", markdown)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** The canvas holds {@code markdown} now. */
  public void sent(String interviewId, String markdown, Instant now) {
    handle
        .createUpdate(
            """
            UPDATE spec_canvases SET sent_markdown = :markdown, updated_at = :now
            WHERE interview_id = :interviewId
            """)
        .bind("interviewId", interviewId)
        .bind("markdown", markdown)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String REFUSED =
      """
      INSERT INTO spec_canvases (interview_id, refusal, updated_at)
      VALUES (:interviewId, :error, :now)
      ON CONFLICT (interview_id) DO UPDATE SET
        refusal = excluded.refusal, create_asked_at = NULL, updated_at = excluded.updated_at
      WHERE spec_canvases.refusal IS NULL
      """;

  /**
   * Slack refused canvases for the spec for good; returns whether this is the first time it was
   * recorded (so that the thread is told once).
   */
  public boolean refused(String interviewId, String error, Instant now) {
    Objects.requireNonNull(error, "null error");
    return handle
            .createUpdate(REFUSED)
            .bind("interviewId", interviewId)
            .bind("error", error)
            .bind("now", now.toEpochMilli())
            .execute()
        > 0;
  }

  /** Whether any spec recorded this canvas as its own. */
  public boolean isRecorded(String canvasId) {
    return handle
            .createQuery("SELECT COUNT(*) FROM spec_canvases WHERE canvas_id = :canvasId")
            .bind("canvasId", canvasId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }
}
