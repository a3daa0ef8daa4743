package dev.specbot.slack.fake;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/** A workspace member as the fake's {@code users.info} describes them. */
public record FakeUser(
    String id, String name, String realName, String displayName, String email, ZoneId timeZone) {

  public FakeUser {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(name, "null name");
    Objects.requireNonNull(realName, "null realName");
    Objects.requireNonNull(displayName, "null displayName");
    Objects.requireNonNull(email, "null email");
    Objects.requireNonNull(timeZone, "null timeZone");
  }

  /** A member in Europe/Berlin with a name and email derived from the id. */
  public static FakeUser of(String id) {
    String name = id.toLowerCase(Locale.ROOT);
    return new FakeUser(
        id, name, "User " + id, name, name + "@example.com", ZoneId.of("Europe/Berlin"));
  }

  public FakeUser withRealName(String realName) {
    return new FakeUser(id, name, realName, displayName, email, timeZone);
  }

  public FakeUser withDisplayName(String displayName) {
    return new FakeUser(id, name, realName, displayName, email, timeZone);
  }

  public FakeUser withEmail(String email) {
    return new FakeUser(id, name, realName, displayName, email, timeZone);
  }

  public FakeUser withTimeZone(ZoneId timeZone) {
    return new FakeUser(id, name, realName, displayName, email, timeZone);
  }
}
