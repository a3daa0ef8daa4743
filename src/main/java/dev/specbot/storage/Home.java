package dev.specbot.storage;

import dev.specbot.interview.Status;
import dev.specbot.review.Concern;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import dev.specbot.storage.HomeRows.Approved;
import dev.specbot.storage.HomeRows.Assigned;
import dev.specbot.storage.HomeRows.Discussion;
import dev.specbot.storage.HomeRows.Drafting;
import dev.specbot.storage.HomeRows.OpenConcern;
import dev.specbot.storage.HomeRows.Page;
import dev.specbot.storage.HomeRows.ReviewAsked;
import dev.specbot.storage.HomeRows.Spec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The Home tab's reads (see V17): one person's specs, each part a bounded query (a page and a
 * count) on an index that starts with the person, and who has opened the tab.
 */
public final class Home {
  /** Rows of each part of a home: within Block Kit's 100 blocks with every part full. */
  public static final int PAGE = 8;

  /** Recently approved: a spec whose review reached approval (or beyond) within this long. */
  public static final Duration RECENT = Duration.ofDays(14);

  /** The longest a discussion may last and still show as upcoming while it runs. */
  private static final Duration LONGEST_MEETING = Duration.ofDays(1);

  /** Reviews read for their concerns at most: each is a JSON document to parse. */
  private static final int CONCERN_REVIEWS = 100;

  /** Statuses whose spec the drafter is still writing (or revising one answer of). */
  private static final List<String> DRAFTING =
      Arrays.stream(Status.values())
          .filter(status -> status.isOpen() || status == Status.REVISING)
          .map(Status::name)
          .toList();

  private static final List<String> OPEN =
      Arrays.stream(Status.values()).filter(Status::isOpen).map(Status::name).toList();

  private static final String SPEC =
      "i.id, i.title, i.template_id, i.channel_id, i.permalink, i.created_at";

  private final Handle handle;

  Home(Handle handle) {
    this.handle = handle;
  }

  /** Records that the person opened the Home tab (again): their home follows their specs. */
  public void opened(String teamId, String userId, Instant now) {
    handle
        .createUpdate(
            """
            INSERT INTO home_opened (user_id, team_id, opened_at) VALUES (:user, :team, :now)
            ON CONFLICT (user_id) DO UPDATE SET
              team_id = excluded.team_id, opened_at = excluded.opened_at
            """)
        .bind("user", Objects.requireNonNull(userId, "null userId"))
        .bind("team", Objects.requireNonNull(teamId, "null teamId"))
        .bind("now", now.toEpochMilli())
        .execute();
  }

  /** Those of {@code userIds} who have opened the Home tab, with their team: user id to team. */
  public Map<String, String> openedAmong(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return handle
        .createQuery("SELECT user_id, team_id FROM home_opened WHERE user_id IN (<users>)")
        .bindList("users", List.copyOf(userIds))
        .map(Home::opened)
        .list()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static Map.Entry<String, String> opened(ResultSet row, StatementContext ctx)
      throws SQLException {
    return Map.entry(row.getString("user_id"), row.getString("team_id"));
  }

  /**
   * Those a change to the interview concerns who have opened their tab, each with the team they
   * opened it in: its drafter, reviewers, co-authors and the attendees of its discussion. It runs
   * in every answer's write: one statement on the interview's own key, which also reads the
   * discussion's attendees (a list in one column); a second looks those up, only once there are
   * some.
   */
  public Map<String, String> openedConcernedWith(String interviewId) {
    Map<String, String> opened = new HashMap<>();
    Set<String> attendees = new HashSet<>();
    handle
        .createQuery(
            """
            SELECT user_id, team_id, NULL AS attendees FROM home_opened WHERE user_id IN (
              SELECT drafter_id FROM interviews WHERE id = :id
              UNION SELECT user_id FROM review_reviewers WHERE interview_id = :id
              UNION SELECT assignee_id FROM assignments WHERE interview_id = :id)
            UNION ALL
            SELECT NULL, NULL, attendees FROM meetings WHERE interview_id = :id
            """)
        .bind("id", interviewId)
        .map(
            (row, ctx) ->
                new Concerned(
                    row.getString("user_id"), row.getString("team_id"), row.getString("attendees")))
        .forEach(
            row -> {
              if (row.attendees() == null) {
                opened.put(row.userId(), row.teamId());
              } else {
                // Cancelled too: its attendees' homes still show it until they are told.
                attendees.addAll(Attendees.of(row.attendees()));
              }
            });
    attendees.removeAll(opened.keySet());
    opened.putAll(openedAmong(attendees));
    return opened;
  }

  /** A row of {@link #openedConcernedWith}: one who opened their tab, or a meeting's attendees. */
  private record Concerned(String userId, String teamId, String attendees) {}

  /** Everything the person's home shows, {@code pageSize} of each part at most. */
  public HomeRows of(String userId, Instant now, int pageSize) {
    Objects.requireNonNull(userId, "null userId");
    return new HomeRows(
        drafting(userId, pageSize),
        assigned(userId, pageSize),
        reviews(userId, pageSize),
        concerns(userId, pageSize),
        discussions(userId, now, pageSize),
        approved(userId, now, pageSize));
  }

  private Page<Drafting> drafting(String userId, int pageSize) {
    String from = "FROM interviews i WHERE i.drafter_id = :user AND i.status IN (<statuses>)";
    List<Drafting> shown =
        page(
                """
                SELECT %s, i.status,
                  (SELECT COUNT(*) FROM answers a
                   WHERE a.interview_id = i.id AND a.state = 'ANSWERED') AS answered,
                  (SELECT COUNT(*) FROM answers a
                   WHERE a.interview_id = i.id AND a.state = 'SKIPPED') AS skipped
                %s ORDER BY i.created_at DESC, i.id DESC LIMIT :limit
                """
                    .formatted(SPEC, from),
                pageSize)
            .bind("user", userId)
            .bindList("statuses", DRAFTING)
            .map(
                (row, ctx) ->
                    new Drafting(
                        spec(row),
                        Status.valueOf(row.getString("status")),
                        row.getInt("answered"),
                        row.getInt("skipped")))
            .list();
    int total =
        count(from).bind("user", userId).bindList("statuses", DRAFTING).mapTo(Integer.class).one();
    return new Page<>(shown, total);
  }

  private Page<Assigned> assigned(String userId, int pageSize) {
    String from =
        """
        FROM assignments s JOIN interviews i ON i.id = s.interview_id
        WHERE s.assignee_id = :user AND i.status IN (<statuses>)
          AND NOT EXISTS (SELECT 1 FROM answers a
                          WHERE a.interview_id = s.interview_id AND a.question_id = s.question_id)
        """;
    List<Assigned> shown =
        page(
                "SELECT %s, s.question_id, s.assigned_at %s ORDER BY s.assigned_at DESC, i.id DESC,"
                        .formatted(SPEC, from)
                    + " s.question_id LIMIT :limit",
                pageSize)
            .bind("user", userId)
            .bindList("statuses", OPEN)
            .map(
                (row, ctx) ->
                    new Assigned(
                        spec(row),
                        row.getString("question_id"),
                        Instant.ofEpochMilli(row.getLong("assigned_at"))))
            .list();
    int total =
        count(from).bind("user", userId).bindList("statuses", OPEN).mapTo(Integer.class).one();
    return new Page<>(shown, total);
  }

  private static final String AWAITING =
      """
      FROM review_reviewers v
      JOIN reviews r ON r.interview_id = v.interview_id
      JOIN interviews i ON i.id = v.interview_id
      WHERE v.user_id = :user AND v.verdict IN ('PENDING', 'STALE')
        AND r.stage IN ('IN_REVIEW', 'CHANGES_REQUESTED')
      """;

  /** As {@link Reviews#awaiting}: asked, or approved before a change, in a review still open. */
  private Page<ReviewAsked> reviews(String userId, int pageSize) {
    List<ReviewAsked> shown =
        page(
                "SELECT %s, v.verdict %s ORDER BY i.created_at DESC, i.id DESC LIMIT :limit"
                    .formatted(SPEC, AWAITING),
                pageSize)
            .bind("user", userId)
            .map(
                (row, ctx) -> new ReviewAsked(spec(row), Verdict.valueOf(row.getString("verdict"))))
            .list();
    return new Page<>(shown, count(AWAITING).bind("user", userId).mapTo(Integer.class).one());
  }

  /**
   * Open concerns the person must resolve (they raised them) or answer (on their own specs). The
   * concerns live in each review's JSON document, so the reviews that may hold one are found by
   * their drafter or by the author's id in the document (a scan of the reviews still open, not of
   * every review ever), the most recently changed first, and at most {@link #CONCERN_REVIEWS} of
   * them are read.
   */
  private Page<OpenConcern> concerns(String userId, int pageSize) {
    List<OpenConcern> found = new ArrayList<>();
    handle
        .createQuery(
            """
            SELECT %s, i.drafter_id, r.details
            FROM reviews r JOIN interviews i ON i.id = r.interview_id
            WHERE r.stage IN ('DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'IN_PROGRESS')
              AND r.details NOT LIKE '%%"concerns":[]%%'
              AND (i.drafter_id = :user OR r.details LIKE :authored ESCAPE '!')
            ORDER BY r.updated_at DESC, r.interview_id DESC LIMIT :limit
            """
                .formatted(SPEC))
        .bind("user", userId)
        .bind("authored", "%\"authorId\":\"" + likeEscaped(userId) + "\"%")
        .bind("limit", CONCERN_REVIEWS)
        .map(
            (row, ctx) -> {
              Spec spec = spec(row);
              boolean ownSpec = row.getString("drafter_id").equals(userId);
              List<OpenConcern> open = new ArrayList<>();
              for (Concern concern : ReviewDetails.fromJson(row.getString("details")).concerns()) {
                if (concern.isOpen() && (ownSpec || concern.authorId().equals(userId))) {
                  open.add(
                      new OpenConcern(
                          spec,
                          concern.name(),
                          concern.authorId(),
                          concern.authorId().equals(userId)));
                }
              }
              return open;
            })
        .forEach(found::addAll);
    return new Page<>(found.subList(0, Math.min(pageSize, found.size())), found.size());
  }

  private static final String UPCOMING =
      """
      FROM meetings m JOIN interviews i ON i.id = m.interview_id
      WHERE m.status = 'SCHEDULED' AND m.start_at > :earliest
        AND m.start_at + m.duration_minutes * 60000 > :now
        AND ((' ' || m.attendees || ' ') LIKE :attendee ESCAPE '!' OR i.drafter_id = :user)
      """;

  private Page<Discussion> discussions(String userId, Instant now, int pageSize) {
    long earliest = now.minus(LONGEST_MEETING).toEpochMilli();
    String attendee = "% " + likeEscaped(userId) + " %";
    List<Discussion> shown =
        page(
                "SELECT %s, m.start_at, m.duration_minutes, m.zone %s ORDER BY m.start_at, m.id"
                        .formatted(SPEC, UPCOMING)
                    + " LIMIT :limit",
                pageSize)
            .bind("user", userId)
            .bind("earliest", earliest)
            .bind("now", now.toEpochMilli())
            .bind("attendee", attendee)
            .map(
                (row, ctx) ->
                    new Discussion(
                        spec(row),
                        Instant.ofEpochMilli(row.getLong("start_at")),
                        Duration.ofMinutes(row.getLong("duration_minutes")),
                        ZoneId.of(row.getString("zone"))))
            .list();
    int total =
        count(UPCOMING)
            .bind("user", userId)
            .bind("earliest", earliest)
            .bind("now", now.toEpochMilli())
            .bind("attendee", attendee)
            .mapTo(Integer.class)
            .one();
    return new Page<>(shown, total);
  }

  /**
   * "The person's channels" are those they have a spec in (drafted, asked to review, or co-authored
   * a section of): what specbot knows without asking Slack, whose conversation lists are rate
   * limited and would cost a call per person on every refresh.
   */
  private static final String APPROVED =
      """
      FROM reviews r JOIN interviews i ON i.id = r.interview_id
      WHERE r.stage IN ('APPROVED', 'IN_PROGRESS', 'COMPLETED') AND r.updated_at >= :since
        AND i.channel_id IN (
          SELECT channel_id FROM interviews WHERE drafter_id = :user
          UNION SELECT d.channel_id FROM review_reviewers v JOIN interviews d
            ON d.id = v.interview_id WHERE v.user_id = :user
          UNION SELECT d.channel_id FROM assignments s JOIN interviews d
            ON d.id = s.interview_id WHERE s.assignee_id = :user)
      """;

  private Page<Approved> approved(String userId, Instant now, int pageSize) {
    long since = now.minus(RECENT).toEpochMilli();
    List<Approved> shown =
        page(
                "SELECT %s, r.stage, r.updated_at %s ORDER BY r.updated_at DESC, i.id DESC"
                        .formatted(SPEC, APPROVED)
                    + " LIMIT :limit",
                pageSize)
            .bind("user", userId)
            .bind("since", since)
            .map(
                (row, ctx) ->
                    new Approved(
                        spec(row),
                        Stage.valueOf(row.getString("stage")),
                        Instant.ofEpochMilli(row.getLong("updated_at"))))
            .list();
    int total =
        count(APPROVED).bind("user", userId).bind("since", since).mapTo(Integer.class).one();
    return new Page<>(shown, total);
  }

  private Query page(String sql, int pageSize) {
    return handle.createQuery(sql).bind("limit", pageSize);
  }

  private Query count(String from) {
    return handle.createQuery("SELECT COUNT(*) " + from);
  }

  private static Spec spec(ResultSet row) throws SQLException {
    return new Spec(
        row.getString("id"),
        row.getString("title"),
        row.getString("template_id"),
        row.getString("channel_id"),
        Optional.ofNullable(row.getString("permalink")),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }

  /** A user id as a LIKE pattern matches it only: {@code !} escapes the wildcards. */
  private static String likeEscaped(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /** The space-separated attendees column as ids. */
  static final class Attendees {
    private Attendees() {}

    static Set<String> of(String attendees) {
      return Arrays.stream(attendees.strip().split(" ", -1))
          .filter(id -> !id.isEmpty())
          .collect(Collectors.toCollection(LinkedHashSet::new));
    }
  }
}
