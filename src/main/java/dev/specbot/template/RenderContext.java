package dev.specbot.template;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the bot knows about a spec besides its answers, used to fill the template's fields.
 *
 * @param title the title given when the interview started
 * @param drafter the drafter's name as it should read in the document
 * @param createdOn the day the interview started
 * @param updatedOn the day the document is assembled
 * @param meeting the discussion meeting as it should read in the document, once scheduled
 */
public record RenderContext(
    String title,
    String drafter,
    LocalDate createdOn,
    LocalDate updatedOn,
    Optional<String> meeting) {

  public RenderContext {
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(drafter, "null drafter");
    Objects.requireNonNull(createdOn, "null createdOn");
    Objects.requireNonNull(updatedOn, "null updatedOn");
    Objects.requireNonNull(meeting, "null meeting");
  }
}
