package dev.specbot.slack.outbox;

import com.google.gson.Gson;
import dev.specbot.slack.messages.Message;
import dev.specbot.slack.webapi.Urgency;
import dev.specbot.storage.Tx;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One thing to send to Slack, as stored in the outbox: the worker turns it into Web API calls.
 * Where an interview's thread is needed, the worker reads it at send time, since it exists only
 * once the parent message is posted.
 *
 * @param kind what to send
 * @param interviewId the interview it belongs to, for its channel and thread
 * @param channel the channel, for deliveries not tied to an interview's thread
 * @param user the user an ephemeral message is for
 * @param text the message's text: the notification and fallback for blocks, or the file's comment
 * @param blocks the message's Block Kit blocks as JSON, or null
 * @param fileName the name of an uploaded file
 * @param fileContent the content of an uploaded file
 * @param turnFrom for a question asked after the drafter's input: when the input was taken in
 *     (epoch milliseconds), so that sending it times the interview's turn; null otherwise
 * @param pace how urgent it is, when not as its kind says (see {@link #urgency()}); or null
 */
public record Delivery(
    Kind kind,
    String interviewId,
    String channel,
    String user,
    String text,
    String blocks,
    String fileName,
    String fileContent,
    Long turnFrom,
    Urgency pace) {

  /**
   * Where a summary links to the interview's thread; the sender puts the thread's permalink there.
   */
  public static final String THREAD_LINK = "{thread_link}";

  private static final Gson GSON = new Gson();

  /** What a delivery sends. */
  public enum Kind {
    /** The interview's parent message, whose thread the interview runs in. */
    POST_PARENT,
    /** The parent message again, with its progress line brought up to date. */
    UPDATE_PARENT,
    /** A message in the interview's thread. */
    POST_IN_THREAD,
    /** A message in the interview's channel, outside the thread. */
    POST_IN_CHANNEL,
    /**
     * A message only {@code user} sees, in {@code channel}. Slack keeps no record of it to look up,
     * so it is sent at most once (see SendAttempts#isAtMostOnce).
     */
    POST_EPHEMERAL,
    /**
     * The finished document as a file in the interview's channel, with {@code text} as its comment.
     */
    UPLOAD_DOCUMENT,
    /** A private message from the bot to {@code user}, in its app DM. */
    POST_DM,
    /**
     * A file (an invite, an updated document) in the interview's thread, {@code text} its comment.
     */
    UPLOAD_IN_THREAD,
    /**
     * The spec's canvas brought up to date: {@code fileContent} the whole document as it now
     * stands, {@code text} its title. Made the first time, edited after (see CanvasSender).
     */
    SYNC_CANVAS,
    /**
     * The spec as a GitHub issue, {@code text} its body and {@code blocks} the {@link IssueRequest}
     * as JSON: queued only if the spec has no issue yet (see {@link GitHubLanes}).
     */
    GITHUB_PUBLISH,
    /** The spec's issue's body replaced by {@code text}; only the latest waiting one is sent. */
    GITHUB_EDIT,
    /** A comment on the spec's issue, {@code text} its markdown. */
    GITHUB_COMMENT,
    /**
     * A ticket as a GitHub issue in the spec's repository, linking back to the spec's issue: {@code
     * text} the ticket's key, its title and body read from {@code spec_tickets} when it is sent.
     */
    GITHUB_TICKET,
    /**
     * A person's Home tab published again as it now stands: {@code user} whose, {@code text} their
     * team. Only who: the sender reads their specs when it sends (see {@link HomeLanes}).
     */
    PUBLISH_HOME
  }

  public static Delivery forInterview(Kind kind, String interviewId, String text, String blocks) {
    return new Delivery(kind, interviewId, null, null, text, blocks, null, null, null, null);
  }

  public static Delivery ephemeral(String channel, String user, String text) {
    return new Delivery(
        Kind.POST_EPHEMERAL, null, channel, user, text, null, null, null, null, null);
  }

  public static Delivery upload(
      String interviewId, String comment, String fileName, String content) {
    return new Delivery(
        Kind.UPLOAD_DOCUMENT,
        interviewId,
        null,
        null,
        comment,
        null,
        fileName,
        content,
        null,
        null);
  }

  /** A message in the interview's thread, in the interview's order. */
  public static Delivery inThread(String interviewId, Message message) {
    return forInterview(Kind.POST_IN_THREAD, interviewId, message.text(), message.blocks());
  }

  /** This message followed by {@code next} in one (see {@link Message#followedBy}). */
  public Delivery followedBy(Message next) {
    Message joined = asMessage().followedBy(next);
    return new Delivery(
        kind,
        interviewId,
        channel,
        user,
        joined.text(),
        joined.blocks(),
        fileName,
        fileContent,
        turnFrom,
        pace);
  }

  /** Its text and blocks as a message; a delivery without blocks has none. */
  public Message asMessage() {
    return new Message(text, blocks == null ? "[]" : blocks);
  }

  /** To a person in private, about an interview (so it is sent in that interview's order). */
  public static Delivery direct(String interviewId, String user, Message message) {
    return new Delivery(
        Kind.POST_DM,
        interviewId,
        null,
        user,
        message.text(),
        message.blocks(),
        null,
        null,
        null,
        null);
  }

  public static Delivery fileInThread(
      String interviewId, String comment, String fileName, String content) {
    return new Delivery(
        Kind.UPLOAD_IN_THREAD,
        interviewId,
        null,
        null,
        comment,
        null,
        fileName,
        content,
        null,
        null);
  }

  /** The spec as a GitHub issue, made as {@code request} says, its body {@code markdown}. */
  public static Delivery publishIssue(String interviewId, IssueRequest request, String markdown) {
    return forInterview(Kind.GITHUB_PUBLISH, interviewId, markdown, request.toJson());
  }

  /** The spec's issue's body, once it is published: {@code markdown}. */
  public static Delivery editIssue(String interviewId, String markdown) {
    return forInterview(Kind.GITHUB_EDIT, interviewId, markdown, null);
  }

  /** A comment on the spec's issue, if it has one by the time this is queued. */
  public static Delivery commentOnIssue(String interviewId, String markdown) {
    return forInterview(Kind.GITHUB_COMMENT, interviewId, markdown, null);
  }

  /** A ticket, recorded in {@code spec_tickets}, as a GitHub issue once the spec has one. */
  public static Delivery createTicket(String interviewId, String ticketKey) {
    return forInterview(Kind.GITHUB_TICKET, interviewId, ticketKey, null);
  }

  /**
   * {@code userId}'s Home tab published again, if they ever opened it (its team is the one they
   * opened it in): for someone a spec no longer names, whom the spec's own refresh would miss.
   */
  public static Delivery homeIfOpened(String userId) {
    return new Delivery(Kind.PUBLISH_HOME, null, null, userId, null, null, null, null, null, null);
  }

  /** {@code userId}'s Home tab, in {@code teamId}, published again as it now stands. */
  public static Delivery home(String teamId, String userId) {
    return new Delivery(
        Kind.PUBLISH_HOME, null, null, userId, teamId, null, null, null, null, null);
  }

  /** Whether this goes to GitHub rather than Slack. */
  public boolean isGitHub() {
    return kind == Kind.GITHUB_PUBLISH
        || kind == Kind.GITHUB_EDIT
        || kind == Kind.GITHUB_COMMENT
        || kind == Kind.GITHUB_TICKET;
  }

  /** This delivery with other text: a document with the link to its issue, or its tickets. */
  Delivery withContent(String content) {
    return new Delivery(
        kind, interviewId, channel, user, text, blocks, fileName, content, turnFrom, pace);
  }

  /**
   * The spec's canvas, made or brought up to date to show {@code markdown}: the document as it now
   * stands, whatever changed it (see {@link #enqueue}: only the latest version waits).
   */
  public static Delivery canvas(String interviewId, String title, String markdown) {
    return new Delivery(
        Kind.SYNC_CANVAS, interviewId, null, null, title, null, null, markdown, null, null);
  }

  /**
   * This delivery, as the question asked after the drafter's input taken in at {@code inputAt}: its
   * sending ends the interview's turn.
   */
  public Delivery asking(Instant inputAt) {
    return new Delivery(
        kind,
        interviewId,
        channel,
        user,
        text,
        blocks,
        fileName,
        fileContent,
        inputAt.toEpochMilli(),
        pace);
  }

  /**
   * This delivery as a notice (a reminder, a nudge): nobody is waiting on it this second, so it
   * yields Slack's limits to questions and replies.
   */
  public Delivery asNotice() {
    return paced(Urgency.NOTICE);
  }

  /**
   * This edit of the parent message as one that only moves its counts on: it yields Slack's
   * chat.update limit to edits that change a spec's stage.
   */
  public Delivery asProgressOnly() {
    return paced(Urgency.PROGRESS);
  }

  /**
   * This message as urgent as a question, though it does not end a turn: the rest of a spec whose
   * first message does, so that its parts arrive together.
   */
  public Delivery asUrgentAsQuestion() {
    return paced(Urgency.QUESTION);
  }

  private Delivery paced(Urgency urgency) {
    return new Delivery(
        kind, interviewId, channel, user, text, blocks, fileName, fileContent, turnFrom, urgency);
  }

  /**
   * How urgent it is, when Slack's limits cannot send everything due at once: the next question
   * first, then replies and the rest of a thread, then direct messages and reminders; edits of the
   * parent message use a limit of their own, where a change of stage goes before counts.
   */
  public Urgency urgency() {
    if (pace != null) {
      return pace;
    }
    if (turnFrom != null) {
      return Urgency.QUESTION;
    }
    return switch (kind) {
      case POST_DM, SYNC_CANVAS, PUBLISH_HOME -> Urgency.NOTICE;
      case UPDATE_PARENT -> Urgency.MILESTONE;
      default -> Urgency.REPLY;
    };
  }

  /** When the input this question follows was taken in, if it is one (see {@link #asking}). */
  Optional<Instant> turnStart() {
    return Optional.ofNullable(turnFrom).map(Instant::ofEpochMilli);
  }

  /**
   * Slack edits an interview's parent message at most this often. Only its latest version matters,
   * so an interview answered quickly (or many at once) costs one {@code chat.update} per interval
   * rather than one per answer; chat.update is one of Slack's more tightly rate-limited methods.
   */
  private static final Duration PARENT_EDIT_INTERVAL = Duration.ofSeconds(1);

  /**
   * A canvas is brought up to date at most this often, for the same reason; the file in the thread
   * is what a change is first seen in.
   */
  private static final Duration CANVAS_EDIT_INTERVAL = Duration.ofSeconds(2);

  /**
   * Queues this delivery in its interview's lane (or its user's); returns its outbox id. Edits of
   * the parent message have a lane of their own, so that they never hold up the thread, and a newer
   * edit replaces one still waiting. So has the canvas: only its latest version matters. What goes
   * to GitHub has lanes of its own too (see {@link GitHubLanes}), and a new document of a published
   * spec also edits its issue.
   */
  public String enqueue(Tx tx, Instant now) {
    return enqueue(tx, now, this::toJson);
  }

  /**
   * As {@link #enqueue(Tx, Instant)}, with {@code json}, this delivery's {@link #toJson}, written
   * before the transaction, so that the writer does not write it. A document or a canvas gets what
   * only the database knows in the transaction (its tickets, its decisions, its issue's link), and
   * is written there again only if that changed it.
   */
  public String enqueue(Tx tx, Instant now, String json) {
    return enqueue(tx, now, () -> json);
  }

  private String enqueue(Tx tx, Instant now, Supplier<String> json) {
    if (isGitHub()) {
      return GitHubLanes.enqueue(tx, this, now);
    }
    if (GitHubLanes.isDocument(this)) {
      Delivery document = DecisionsInDocument.applied(tx, TicketsInDocument.applied(tx, this));
      Delivery queued = GitHubLanes.documentQueued(tx, document, now);
      return queued.enqueueHere(tx, now, writtenOr(queued, json));
    }
    if (kind == Kind.SYNC_CANVAS && interviewId != null && fileContent != null) {
      Delivery canvas = DecisionsInDocument.applied(tx, TicketsInDocument.applied(tx, this));
      Delivery queued = GitHubLanes.canvasQueued(tx, canvas);
      return queued.enqueueHere(tx, now, writtenOr(queued, json));
    }
    return enqueueHere(tx, now, json.get());
  }

  /**
   * The JSON of {@code queued}, this delivery as what the database knows left it: this one's as
   * written before when that added nothing (the same delivery comes back, and so compares at once),
   * else written now.
   */
  private String writtenOr(Delivery queued, Supplier<String> json) {
    return queued.equals(this) ? json.get() : queued.toJson();
  }

  /** Queues it in its own lane, as {@link #enqueue} says. */
  String enqueueHere(Tx tx, Instant now) {
    return enqueueHere(tx, now, toJson());
  }

  private String enqueueHere(Tx tx, Instant now, String json) {
    if (kind() == Delivery.Kind.SYNC_CANVAS) {
      return tx.outbox()
          .replaceWaiting(
              "canvas:" + interviewId(),
              kind().name(),
              json,
              now,
              now.plus(CANVAS_EDIT_INTERVAL),
              urgency().rank());
    }
    if (kind() == Delivery.Kind.PUBLISH_HOME) {
      return HomeLanes.enqueue(tx, this, now);
    }
    if (kind() == Delivery.Kind.UPDATE_PARENT) {
      // Whatever moved the spec's card moved it on someone's home too.
      HomeLanes.interviewChanged(tx, interviewId(), now);
      return tx.outbox()
          .replaceWaiting(
              "parent:" + interviewId(),
              kind().name(),
              json,
              now,
              now.plus(PARENT_EDIT_INTERVAL),
              urgency().rank());
    }
    String lane = interviewId() != null ? interviewId() : "user:" + user();
    return tx.outbox().enqueue(lane, kind().name(), json, now, urgency().rank());
  }

  public String toJson() {
    return GSON.toJson(this);
  }

  static Delivery fromJson(String json) {
    return GSON.fromJson(json, Delivery.class);
  }
}
