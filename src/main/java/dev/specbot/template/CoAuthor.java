package dev.specbot.template;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A teammate who wrote a section of the spec for its drafter: the document credits them.
 *
 * @param name the co-author's display name, as it should read in the document; the renderer escapes
 *     it
 * @param section the section they wrote, as "4. Data model"
 * @param on the day it was handed to them
 */
public record CoAuthor(String name, String section, LocalDate on) {
  public CoAuthor {
    Objects.requireNonNull(name, "null name");
    Objects.requireNonNull(section, "null section");
    Objects.requireNonNull(on, "null on");
  }
}
