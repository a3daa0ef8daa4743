package dev.specbot.review;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment on the spec, or the note that came with a request for changes.
 *
 * @param authorId who wrote it
 * @param section the section it is about, as its writer named it, if they did
 * @param text what they wrote
 * @param at when
 */
public record Remark(String authorId, Optional<String> section, String text, Instant at) {
  public Remark {
    Objects.requireNonNull(authorId, "null authorId");
    Objects.requireNonNull(section, "null section");
    Objects.requireNonNull(text, "null text");
    Objects.requireNonNull(at, "null at");
  }
}
