package dev.specbot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/**
 * Messages to send once the transaction that wrote them commits: each lane is sent in order, and a
 * lane waiting on a retry holds up no other lane.
 */
public final class Outbox {
  private final Handle handle;
  private final Dialect dialect;

  Outbox(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  /*
   * The seq is computed in the insert itself: the lane's highest as this transaction sees it, plus
   * one. UNIQUE (lane, seq) turns a race between two writers of one lane (possible on PostgreSQL)
   * into an error rather than two messages in one place.
   */
  private static final String ENQUEUE =
      """
      INSERT INTO outbox
        (id, lane, seq, kind, payload, status, attempts, next_attempt_at, created_at, urgency)
      SELECT :id, :lane, COALESCE(MAX(seq), 0) + 1, :kind, :payload, 'PENDING', 0, :dueAt, :now,
        :urgency
      FROM outbox
      WHERE lane = :lane
      """;

  /**
   * Appends a message to the end of its lane (messages of one lane are sent in order; lane = e.g.
   * an interview id). Returns the new message's id.
   */
  public String enqueue(String lane, String kind, String payload, Instant now) {
    return enqueue(lane, kind, payload, now, DEFAULT_URGENCY);
  }

  /**
   * Messages queued without an urgency: due messages of lower urgency go first when not all can go
   * at once.
   */
  public static final int DEFAULT_URGENCY = 1;

  /** How long a reply waits before it goes with the most urgent (see {@link #due}). */
  public static final java.time.Duration REPLY_AGES_AFTER = java.time.Duration.ofSeconds(30);

  /** As {@link #enqueue(String, String, String, Instant)}, with its {@code urgency}. */
  public String enqueue(String lane, String kind, String payload, Instant now, int urgency) {
    return insert(lane, kind, payload, now, now, urgency);
  }

  /** A lane's messages that no sender has taken: they can still be changed or dropped. */
  private static final String WAITING =
      "FROM outbox WHERE lane = :lane AND status = 'PENDING' AND claims <= attempts";

  /**
   * Queues a message that replaces its lane's waiting ones, as a newer version of the same edit:
   * those not yet taken by a sender are dropped, and this one is due at the earliest of their due
   * times and {@code dueAt}. Returns its id.
   */
  public String replaceWaiting(
      String lane, String kind, String payload, Instant now, Instant dueAt, int urgency) {
    Objects.requireNonNull(dueAt, "null dueAt");
    // The lane's few rows, compared here: asked for MIN(next_attempt_at), SQLite walks
    // outbox_pending_due through the pending messages of every lane instead of this lane's.
    List<Waiting> waiting =
        handle
            .createQuery("SELECT id, next_attempt_at, urgency " + WAITING + " ORDER BY seq")
            .bind("lane", lane)
            .map((row, ctx) -> new Waiting(row.getString(1), row.getLong(2), row.getInt(3)))
            .list();
    long due = dueAt.toEpochMilli();
    int mostUrgent = urgency;
    for (Waiting replaced : waiting) {
      due = Math.min(due, replaced.dueAt());
      // An edit that changed a stage keeps its place when a later one only moves counts on.
      mostUrgent = Math.min(mostUrgent, replaced.urgency());
    }
    Message message = new Message(lane, kind, payload, now, Instant.ofEpochMilli(due), mostUrgent);
    if (waiting.isEmpty()) {
      return insert(message);
    }
    for (Waiting older : waiting.subList(0, waiting.size() - 1)) {
      // Still only if no sender took it meanwhile, as the rewrite below.
      handle
          .createUpdate("DELETE " + WAITING + " AND id = :id")
          .bind("lane", lane)
          .bind("id", older.id())
          .execute();
    }
    return rewrite(waiting.get(waiting.size() - 1).id(), message).orElseGet(() -> insert(message));
  }

  private record Waiting(String id, long dueAt, int urgency) {}

  /** A message to queue: where, what, when it was queued and when it is due, how urgent. */
  private record Message(
      String lane, String kind, String payload, Instant now, Instant dueAt, int urgency) {
    Message {
      Objects.requireNonNull(lane, "null lane");
      Objects.requireNonNull(kind, "null kind");
      Objects.requireNonNull(payload, "null payload");
      Objects.requireNonNull(now, "null now");
    }
  }

  private static final String REWRITE =
      """
      UPDATE outbox
      SET id = :newId, kind = :kind, payload = :payload, attempts = 0, claims = 0,
          claimed_by = NULL, next_attempt_at = :dueAt, created_at = :now, urgency = :urgency,
          last_error = NULL, upload_file_id = NULL, upload_share_asked_at = NULL
      WHERE id = :id AND status = 'PENDING' AND claims <= attempts
      """;

  /**
   * Makes waiting message {@code id} the new one, as a new message at its place in the lane: one
   * row changed where dropping it and queuing another would write the row and its indexes twice,
   * for every answer's edit of the card. Empty if a sender took it meanwhile (on PostgreSQL,
   * another instance may), and the new message is queued after it instead.
   */
  private Optional<String> rewrite(String id, Message message) {
    String newId = newId(message.now());
    int rewritten =
        bindContent(handle.createUpdate(REWRITE), message)
            .bind("id", id)
            .bind("newId", newId)
            .execute();
    return rewritten == 1 ? Optional.of(newId) : Optional.empty();
  }

  /**
   * A lane's newest message.
   *
   * @param payload what it sends
   * @param waiting whether it is yet to be taken by a sender
   */
  public record Latest(String payload, boolean waiting) {}

  /** The newest message queued in {@code lane}, sent or not, while the outbox keeps it. */
  public Optional<Latest> latestPayload(String lane) {
    return handle
        .createQuery(
            """
            SELECT payload, CASE WHEN status = 'PENDING' AND claims <= attempts THEN 1 ELSE 0 END
            FROM outbox WHERE lane = :lane ORDER BY seq DESC LIMIT 1
            """)
        .bind("lane", lane)
        .map((row, ctx) -> new Latest(row.getString(1), row.getInt(2) == 1))
        .findOne();
  }

  private String insert(
      String lane, String kind, String payload, Instant now, Instant dueAt, int urgency) {
    return insert(new Message(lane, kind, payload, now, dueAt, urgency));
  }

  private String insert(Message message) {
    String id = newId(message.now());
    bindContent(handle.createUpdate(ENQUEUE), message)
        .bind("id", id)
        .bind("lane", message.lane())
        .execute();
    return id;
  }

  /**
   * A new message's id: a version 7 UUID, its first 48 bits the time it was queued, so that the
   * primary key's index grows at its end, as the outbox does, instead of taking a page at a random
   * place of it on every insert.
   */
  static String newId(Instant now) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long timeAndVersion = (now.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long variantAndRandom = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(timeAndVersion, variantAndRandom).toString();
  }

  /** What a queued and a rewritten message both carry; the lane stays where the row is. */
  private static Update bindContent(Update update, Message message) {
    return update
        .bind("kind", message.kind())
        .bind("payload", message.payload())
        .bind("now", message.now().toEpochMilli())
        .bind("dueAt", message.dueAt().toEpochMilli())
        .bind("urgency", message.urgency());
  }

  /** A lane's first pending message may go; the others wait until it is sent or has failed. */
  private static final String DUE =
      """
      SELECT id, lane, seq, kind, payload, attempts, next_attempt_at,
        CASE WHEN urgency = 1 AND created_at <= :agedBefore THEN 0 ELSE urgency END AS urgency
      FROM outbox candidate
      WHERE status = 'PENDING'
        AND next_attempt_at <= :now
        AND NOT EXISTS (
          SELECT 1 FROM outbox earlier
          WHERE earlier.lane = candidate.lane
            AND earlier.status = 'PENDING'
            AND earlier.seq < candidate.seq)
      ORDER BY urgency, created_at, lane, seq
      LIMIT :limit
      """;

  /**
   * With several instances on PostgreSQL, each dispatcher locks the messages it is about to claim,
   * and passes over those another is claiming instead of waiting for it: the instances share out
   * the due messages rather than queue for the same ones.
   */
  private static final String SKIP_LOCKED = "FOR UPDATE OF candidate SKIP LOCKED";

  /**
   * Pending messages due at {@code now}, at most {@code limit}, each the first pending one of its
   * lane, the most urgent first and then the oldest. A reply (urgency 1) that has waited {@link
   * #REPLY_AGES_AFTER} counts as most urgent: when Slack's limits cannot keep up, questions go
   * first, but a person who started a spec is not kept waiting behind them for minutes. Each
   * message's urgency is given as it stands now, aged. On PostgreSQL they stay locked until the
   * transaction ends, and those another transaction locked are left out.
   */
  public List<OutboxMessage> due(Instant now, int limit) {
    Objects.requireNonNull(now, "null now");
    requirePositive(limit);
    return handle
        .createQuery(dialect == Dialect.POSTGRESQL ? DUE + SKIP_LOCKED : DUE)
        .bind("now", now.toEpochMilli())
        .bind("agedBefore", now.minus(REPLY_AGES_AFTER).toEpochMilli())
        .bind("limit", limit)
        .map(Outbox::message)
        .list();
  }

  /**
   * Where a message stands, as a reply's reader needs it: waiting to be sent, being sent (claimed,
   * its outcome not recorded yet), sent (with Slack's ts for it, a post's result), or given up.
   */
  public record Standing(State state, Optional<String> ts) {
    public enum State {
      WAITING,
      SENDING,
      SENT,
      GIVEN_UP
    }

    static final Standing GIVEN_UP = new Standing(State.GIVEN_UP, Optional.empty());
  }

  public Standing standing(String messageId) {
    return handle
        .createQuery(
            "SELECT status, result, claims > attempts AS sending FROM outbox WHERE id = :id")
        .bind("id", messageId)
        .map(Outbox::standing)
        .findOne()
        .orElse(Standing.GIVEN_UP); // Pruned long ago: settled, so not waiting.
  }

  private static Standing standing(ResultSet row, StatementContext context) throws SQLException {
    return switch (row.getString("status")) {
      case "PENDING" ->
          new Standing(
              row.getBoolean("sending") ? Standing.State.SENDING : Standing.State.WAITING,
              Optional.empty());
      case "SENT" ->
          new Standing(
              Standing.State.SENT,
              Optional.ofNullable(row.getString("result")).filter(r -> !r.isBlank()));
      default -> Standing.GIVEN_UP;
    };
  }

  /** The message taken, and what its earlier senders left, in one statement. */
  private static final String CLAIM =
      """
      UPDATE outbox
      SET next_attempt_at = :leaseUntil, claims = claims + 1, claimed_by = :owner
      WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
      RETURNING claims, attempts, upload_file_id, upload_share_asked_at
      """;

  /**
   * Takes a due message for sending until {@code leaseUntil}: what its earlier senders left behind,
   * for the one sender that gets it, empty for any other. With two bots on one database, the other
   * no longer sees it as due; if the sender dies, the lease runs out and the message is due again.
   */
  public Optional<SendHistory> claim(
      String messageId, Instant now, Instant leaseUntil, String owner) {
    Objects.requireNonNull(messageId, "null messageId");
    return handle
        .createQuery(CLAIM)
        .bind("id", messageId)
        .bind("owner", owner)
        .bind("now", now.toEpochMilli())
        .bind("leaseUntil", leaseUntil.toEpochMilli())
        .map(Outbox::history)
        .findOne();
  }

  private static final String RELEASE_SILENT =
      """
      UPDATE outbox SET next_attempt_at = :now
      WHERE status = 'PENDING' AND next_attempt_at > :now AND claims > attempts
        AND claimed_by <> :owner
        AND claimed_by IN (SELECT name FROM instances WHERE seen_at < :silentSince)
      """;

  /**
   * Makes due now the messages being sent by other bots that have been silent since {@code
   * silentSince}: they crashed mid-send, and waiting out their leases would keep those threads
   * waiting minutes. A message one of them did send is found in Slack by its metadata, not posted
   * again. Returns how many.
   */
  public int releaseClaimsOfSilent(String owner, Instant now, Instant silentSince) {
    return handle
        .createUpdate(RELEASE_SILENT)
        .bind("owner", owner)
        .bind("now", now.toEpochMilli())
        .bind("silentSince", silentSince.toEpochMilli())
        .execute();
  }

  /**
   * Makes the messages {@code owner} had claimed due now: that bot died and was started again, so
   * nobody is sending them. Returns how many.
   */
  public int releaseClaims(String owner, Instant now) {
    return handle
        .createUpdate(
            """
            UPDATE outbox SET next_attempt_at = :now
            WHERE claimed_by = :owner AND status = 'PENDING' AND next_attempt_at > :now
            """)
        .bind("owner", owner)
        .bind("now", now.toEpochMilli())
        .execute();
  }

  private static final String HISTORY =
      """
      SELECT claims, attempts, upload_file_id, upload_share_asked_at
      FROM outbox
      WHERE id = :id
      """;

  /**
   * What the message's earlier senders left behind: whether one may have sent it already, and the
   * file one uploaded for it. Empty if there is no such message. (Its sender has it from {@link
   * #claim}.)
   */
  public Optional<SendHistory> history(String messageId) {
    Objects.requireNonNull(messageId, "null messageId");
    return handle.createQuery(HISTORY).bind("id", messageId).map(Outbox::history).findOne();
  }

  private static final String RECORD_UPLOAD =
      """
      UPDATE outbox SET upload_file_id = :fileId, upload_share_asked_at = :shareAskedAt
      WHERE id = :id AND status = 'PENDING'
      """;

  /**
   * Records the file uploaded for a message, and whether (and when) Slack is being asked to share
   * it: written in a transaction of its own before asking, so that whoever sends the message again
   * asks Slack about this file instead of sharing another.
   */
  public void recordUpload(String messageId, StartedUpload upload) {
    Objects.requireNonNull(messageId, "null messageId");
    requirePending(
        messageId,
        handle
            .createUpdate(RECORD_UPLOAD)
            .bind("id", messageId)
            .bind("fileId", upload.fileId())
            .bind("shareAskedAt", upload.shareAskedAt().map(Instant::toEpochMilli).orElse(null))
            .execute());
  }

  private static final String MARK_SENT =
      """
      UPDATE outbox
      SET status = 'SENT', sent_at = :now, result = :result, next_attempt_at = :now
      WHERE id = :id AND status = 'PENDING'
      """;

  /**
   * The message was sent; {@code result} is what the sender keeps of Slack's answer (e.g. a ts).
   */
  public void markSent(String messageId, Instant now, String result) {
    Objects.requireNonNull(messageId, "null messageId");
    Objects.requireNonNull(now, "null now");
    requirePending(
        messageId,
        handle
            .createUpdate(MARK_SENT)
            .bind("id", messageId)
            .bind("now", now.toEpochMilli())
            .bind("result", result)
            .execute());
  }

  private static final String RETRY_LATER =
      """
      UPDATE outbox
      SET attempts = attempts + 1, next_attempt_at = :nextAttemptAt, last_error = :error
      WHERE id = :id AND status = 'PENDING'
      """;

  /** Sending failed for now: try again at {@code nextAttemptAt}; the lane waits for it. */
  public void retryLater(String messageId, Instant nextAttemptAt, String error) {
    Objects.requireNonNull(messageId, "null messageId");
    Objects.requireNonNull(nextAttemptAt, "null nextAttemptAt");
    requirePending(
        messageId,
        handle
            .createUpdate(RETRY_LATER)
            .bind("id", messageId)
            .bind("nextAttemptAt", nextAttemptAt.toEpochMilli())
            .bind("error", error)
            .execute());
  }

  private static final String NOT_TAKEN =
      """
      UPDATE outbox
      SET claims = claims - 1, attempts = attempts + 1, next_attempt_at = :nextAttemptAt,
          last_error = :error
      WHERE id = :id AND status = 'PENDING' AND claims > 0
      """;

  /**
   * Slack certainly did not take the message (it refused the call, a 429 among others): it is tried
   * again at {@code nextAttemptAt} as a message no sender took, so that its next sender does not
   * first look for it in Slack.
   */
  public void retryNotTaken(String messageId, Instant nextAttemptAt, String error) {
    Objects.requireNonNull(messageId, "null messageId");
    Objects.requireNonNull(nextAttemptAt, "null nextAttemptAt");
    requirePending(
        messageId,
        handle
            .createUpdate(NOT_TAKEN)
            .bind("id", messageId)
            .bind("nextAttemptAt", nextAttemptAt.toEpochMilli())
            .bind("error", error)
            .execute());
  }

  private static final String MARK_FAILED =
      """
      UPDATE outbox
      SET status = 'FAILED', attempts = attempts + 1, failed_at = :now, last_error = :error,
          next_attempt_at = :now
      WHERE id = :id AND status = 'PENDING'
      """;

  /** Sending cannot succeed: the message is never retried, and later messages of its lane go on. */
  public void markFailed(String messageId, Instant now, String error) {
    Objects.requireNonNull(messageId, "null messageId");
    Objects.requireNonNull(now, "null now");
    requirePending(
        messageId,
        handle
            .createUpdate(MARK_FAILED)
            .bind("id", messageId)
            .bind("now", now.toEpochMilli())
            .bind("error", error)
            .execute());
  }

  // A settled message's next_attempt_at is when it was settled (see MARK_SENT and MARK_FAILED), so
  // that outbox_settled finds the old ones.
  private static final String PRUNE =
      """
      DELETE FROM outbox WHERE id IN (
        SELECT id FROM outbox
        WHERE status IN ('SENT', 'FAILED') AND next_attempt_at < :before
        LIMIT :limit)
      """;

  /**
   * Deletes up to {@code limit} messages settled (sent, or given up) before {@code before}; returns
   * how many. Nothing reads a settled message again: a lane's order is its pending messages' order.
   */
  public int pruneSettled(Instant before, int limit) {
    Objects.requireNonNull(before, "null before");
    requirePositive(limit);
    return handle
        .createUpdate(PRUNE)
        .bind("before", before.toEpochMilli())
        .bind("limit", limit)
        .execute();
  }

  /** Also for the other stores' batched deletes. */
  static void requirePositive(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
  }

  private static final String PENDING =
      """
      SELECT id, lane, seq, kind, payload, attempts, next_attempt_at, urgency
      FROM outbox
      WHERE lane = :lane AND status = 'PENDING'
      ORDER BY seq
      """;

  /** The lane's pending messages in order, due or not: for tests and diagnostics. */
  public List<OutboxMessage> pending(String lane) {
    Objects.requireNonNull(lane, "null lane");
    return handle.createQuery(PENDING).bind("lane", lane).map(Outbox::message).list();
  }

  /**
   * Only lanes' first pending messages count, as in {@link #DUE}; read from the pending messages'
   * index in time order, so the first found is the answer.
   */
  private static final String NEXT_DUE_AFTER =
      """
      SELECT next_attempt_at
      FROM outbox candidate
      WHERE status = 'PENDING'
        AND next_attempt_at > :now
        AND NOT EXISTS (
          SELECT 1 FROM outbox earlier
          WHERE earlier.lane = candidate.lane
            AND earlier.status = 'PENDING'
            AND earlier.seq < candidate.seq)
      ORDER BY next_attempt_at
      LIMIT 1
      """;

  /**
   * When the next message can be sent after {@code now}, so a worker can sleep until then: the
   * earliest next_attempt_at after {@code now} of the messages first in their lanes (a later one
   * cannot go before them, however early its time). Empty when none is pending. Those due already
   * are left out: a worker that found one due and did not take it (it waits for one of Slack's
   * limits) knows better when to look again, and would otherwise look again at once, over and over.
   */
  public Optional<Instant> nextDueAfter(Instant now) {
    return handle
        .createQuery(NEXT_DUE_AFTER)
        .bind("now", now.toEpochMilli())
        .mapTo(Long.class)
        .findOne()
        .map(Instant::ofEpochMilli);
  }

  private static OutboxMessage message(ResultSet row, StatementContext context)
      throws SQLException {
    return new OutboxMessage(
        row.getString("id"),
        row.getString("lane"),
        row.getLong("seq"),
        row.getString("kind"),
        row.getString("payload"),
        row.getInt("attempts"),
        Instant.ofEpochMilli(row.getLong("next_attempt_at")),
        row.getInt("urgency"));
  }

  private static SendHistory history(ResultSet row, StatementContext context) throws SQLException {
    String fileId = row.getString("upload_file_id");
    long askedAt = row.getLong("upload_share_asked_at");
    Optional<Instant> shareAskedAt =
        row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(askedAt));
    return new SendHistory(
        row.getInt("claims"),
        row.getInt("attempts"),
        Optional.ofNullable(fileId).map(id -> new StartedUpload(id, shareAskedAt)));
  }

  /** Settling a message twice, or one that never existed, is a bug in the sender: say so. */
  private static void requirePending(String messageId, int updated) {
    if (updated == 0) {
      throw new IllegalStateException("no pending outbox message " + messageId);
    }
  }
}
