package dev.specbot.template;

import java.time.LocalDate;
import java.util.List;
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
 * @param status where the spec stands (such as "In review"), once the team has looked at it; the
 *     template's own spelling of it is used where its status placeholder offers one
 * @param review the spec's review: ticks its checklist steps, adds rows to its revision log, or
 *     adds a Review section at the end; {@link ReviewRecord#NONE} before anyone is asked
 * @param coAuthors the teammates who wrote sections, in template order: credited in an authors
 *     field and in the revision log
 */
public record RenderContext(
    String title,
    String drafter,
    LocalDate createdOn,
    LocalDate updatedOn,
    Optional<String> meeting,
    Optional<String> status,
    ReviewRecord review,
    List<CoAuthor> coAuthors) {

  public RenderContext {
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(drafter, "null drafter");
    Objects.requireNonNull(createdOn, "null createdOn");
    Objects.requireNonNull(updatedOn, "null updatedOn");
    Objects.requireNonNull(meeting, "null meeting");
    Objects.requireNonNull(status, "null status");
    Objects.requireNonNull(review, "null review");
    coAuthors = List.copyOf(Objects.requireNonNull(coAuthors, "null coAuthors"));
  }

  /** A spec whose drafter wrote every section. */
  public RenderContext(
      String title,
      String drafter,
      LocalDate createdOn,
      LocalDate updatedOn,
      Optional<String> meeting,
      Optional<String> status,
      ReviewRecord review) {
    this(title, drafter, createdOn, updatedOn, meeting, status, review, List.of());
  }

  /** A spec nobody has been asked to review yet, with where it stands. */
  public RenderContext(
      String title,
      String drafter,
      LocalDate createdOn,
      LocalDate updatedOn,
      Optional<String> meeting,
      Optional<String> status) {
    this(title, drafter, createdOn, updatedOn, meeting, status, ReviewRecord.NONE);
  }

  /** A spec nobody has reviewed yet: the template's first status, or Draft. */
  public RenderContext(
      String title,
      String drafter,
      LocalDate createdOn,
      LocalDate updatedOn,
      Optional<String> meeting) {
    this(title, drafter, createdOn, updatedOn, meeting, Optional.empty());
  }
}
