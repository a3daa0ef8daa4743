package dev.specbot.storage;

import dev.specbot.meeting.Person;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** What Slack last said of each person (name, e-mail, time zone), and when. */
public final class People {
  private final Handle handle;

  People(Handle handle) {
    this.handle = handle;
  }

  /** A person as last fetched. */
  public record Known(Person person, Instant fetchedAt) {}

  private static final String SAVE =
      """
      INSERT INTO people (user_id, name, email, zone, fetched_at)
      VALUES (:userId, :name, :email, :zone, :fetchedAt)
      ON CONFLICT (user_id) DO UPDATE SET
        name = excluded.name, email = excluded.email, zone = excluded.zone,
        fetched_at = excluded.fetched_at
      """;

  public void save(Person person, Instant fetchedAt) {
    Objects.requireNonNull(person, "null person");
    handle
        .createUpdate(SAVE)
        .bind("userId", person.userId())
        .bind("name", person.name())
        .bind("email", person.email().orElse(null))
        .bind("zone", person.zone().getId())
        .bind("fetchedAt", fetchedAt.toEpochMilli())
        .execute();
  }

  private static final String FIND =
      "SELECT user_id, name, email, zone, fetched_at FROM people WHERE user_id = :userId";

  public Optional<Known> find(String userId) {
    return handle
        .createQuery(FIND)
        .bind("userId", userId)
        .map(
            (row, context) ->
                new Known(
                    new Person(
                        row.getString("user_id"),
                        row.getString("name"),
                        Optional.ofNullable(row.getString("email")),
                        ZoneId.of(row.getString("zone"))),
                    Instant.ofEpochMilli(row.getLong("fetched_at"))))
        .findOne();
  }
}
