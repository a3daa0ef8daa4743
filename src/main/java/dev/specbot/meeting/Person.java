package dev.specbot.meeting;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone a meeting involves, as far as the chat service tells: e-mail and time zone may be
 * unknown.
 *
 * @param userId the chat user id
 * @param name the name to show, on one line and without control characters (a chat profile may hold
 *     anything); the user id when nothing is left
 * @param email the e-mail address, where the chat service gives one
 * @param zone the person's own time zone (UTC when unknown)
 */
public record Person(String userId, String name, Optional<String> email, ZoneId zone) {
  public Person {
    Objects.requireNonNull(userId, "null userId");
    Objects.requireNonNull(name, "null name");
    Objects.requireNonNull(email, "null email");
    Objects.requireNonNull(zone, "null zone");
    name = CleanText.oneLine(name);
    if (name.isEmpty()) {
      name = userId;
    }
  }
}
