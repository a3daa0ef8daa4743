package dev.specbot.storage;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Who has said they read a spec before its meeting. */
public final class SpecReads {
  private final Handle handle;

  SpecReads(Handle handle) {
    this.handle = handle;
  }

  private static final String MARK =
      """
      INSERT INTO spec_reads (interview_id, user_id, read_at) VALUES (:interviewId, :userId, :now)
      ON CONFLICT (interview_id, user_id) DO NOTHING
      """;

  /** Records that {@code userId} read the spec; true the first time. */
  public boolean markRead(String interviewId, String userId, Instant now) {
    return handle
            .createUpdate(MARK)
            .bind("interviewId", interviewId)
            .bind("userId", userId)
            .bind("now", now.toEpochMilli())
            .execute()
        == 1;
  }

  private static final String READERS =
      "SELECT user_id FROM spec_reads WHERE interview_id = :interviewId ORDER BY read_at, user_id";

  /** Who has read the spec, in the order they did. */
  public List<String> readers(String interviewId) {
    return handle.createQuery(READERS).bind("interviewId", interviewId).mapTo(String.class).list();
  }
}
