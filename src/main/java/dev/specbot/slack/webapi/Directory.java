package dev.specbot.slack.webapi;

import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import dev.specbot.background.DaemonThreads;
import dev.specbot.meeting.Person;
import dev.specbot.storage.Database;
import dev.specbot.storage.People;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who a Slack user is (name, e-mail, time zone), from {@code users.info}, kept in the database for
 * a day so that a request rarely waits on Slack. When Slack cannot say, the last known answer
 * serves, and failing that UTC: a meeting time is always echoed back before it is used.
 */
public final class Directory {
  private static final Logger log = LoggerFactory.getLogger(Directory.class);
  private static final Duration FRESH_FOR = Duration.ofDays(1);

  private final Database database;
  private final MethodsClient slack;
  private final Clock clock;
  private final ExecutorService warming =
      Executors.newSingleThreadExecutor(DaemonThreads.named("specbot-directory"));

  public Directory(Database database, MethodsClient slack, Clock clock) {
    this.database = database;
    this.slack = slack;
    this.clock = clock;
  }

  /**
   * Looks the person up in the background, so that the time zone is at hand, without a wait, when
   * their interview needs it.
   */
  public void warm(String userId) {
    try {
      warming.execute(() -> lookUp(userId));
    } catch (RejectedExecutionException closing) {
      // The bot is stopping; the next look-up fetches it.
    }
  }

  public void close() {
    warming.shutdownNow();
  }

  /** The person, asking Slack only if what is stored is missing or a day old. */
  public Person lookUp(String userId) {
    Optional<People.Known> known = database.transaction(tx -> tx.people().find(userId));
    Instant now = clock.instant();
    if (known.isPresent() && known.get().fetchedAt().plus(FRESH_FOR).isAfter(now)) {
      return known.get().person();
    }
    Optional<Person> fetched = fetch(userId);
    if (fetched.isPresent()) {
      database.transaction(
          tx -> {
            tx.people().save(fetched.get(), now);
            return null;
          });
      return fetched.get();
    }
    return known.map(People.Known::person).orElseGet(() -> unknown(userId));
  }

  /** The person as stored, without asking Slack: for work inside a transaction. */
  public static Person stored(dev.specbot.storage.Tx tx, String userId) {
    return tx.people().find(userId).map(People.Known::person).orElseGet(() -> unknown(userId));
  }

  private Optional<Person> fetch(String userId) {
    try {
      var info = slack.usersInfo(r -> r.user(userId));
      if (!info.isOk() || info.getUser() == null) {
        log.warn("users.info for {} failed: {}", userId, info.getError());
        return Optional.empty();
      }
      return Optional.of(person(info.getUser()));
    } catch (Exception e) {
      log.warn("users.info for {} failed: {}", userId, e.getMessage());
      return Optional.empty();
    }
  }

  private static Person person(User user) {
    User.Profile profile = user.getProfile();
    String name =
        firstNonBlank(
            profile == null ? null : profile.getRealName(),
            user.getRealName(),
            profile == null ? null : profile.getDisplayName(),
            user.getName(),
            user.getId());
    Optional<String> email =
        Optional.ofNullable(profile).map(User.Profile::getEmail).filter(e -> !e.isBlank());
    return new Person(user.getId(), name, email, zone(user.getTz()));
  }

  private static ZoneId zone(String tz) {
    try {
      return tz == null || tz.isBlank() ? ZoneOffset.UTC : ZoneId.of(tz);
    } catch (DateTimeException unknownZone) {
      return ZoneOffset.UTC;
    }
  }

  private static Person unknown(String userId) {
    return new Person(userId, userId, Optional.empty(), ZoneOffset.UTC);
  }

  private static String firstNonBlank(String... candidates) {
    for (String candidate : candidates) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate;
      }
    }
    return "";
  }
}
