package dev.specbot.storage;

import dev.specbot.interview.Status;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one person's Home tab shows, as read in one short transaction: each part newest first (the
 * discussions soonest first), at most a page of each, with how many there are in all.
 *
 * @param drafting specs the person is writing
 * @param assigned sections of others' specs handed to the person and not answered yet
 * @param reviews specs whose review waits for the person's verdict
 * @param concerns open concerns the person raised (only they resolve them) or that block their own
 *     specs
 * @param discussions scheduled discussions the person is in that have not ended
 * @param approved specs approved lately in the channels the person has specs in
 */
public record HomeRows(
    Page<Drafting> drafting,
    Page<Assigned> assigned,
    Page<ReviewAsked> reviews,
    Page<OpenConcern> concerns,
    Page<Discussion> discussions,
    Page<Approved> approved) {

  public HomeRows {
    Objects.requireNonNull(drafting, "null drafting");
    Objects.requireNonNull(assigned, "null assigned");
    Objects.requireNonNull(reviews, "null reviews");
    Objects.requireNonNull(concerns, "null concerns");
    Objects.requireNonNull(discussions, "null discussions");
    Objects.requireNonNull(approved, "null approved");
  }

  /** Nothing at all: a person new to specbot. */
  public boolean isEmpty() {
    return drafting.total() == 0
        && assigned.total() == 0
        && reviews.total() == 0
        && concerns.total() == 0
        && discussions.total() == 0
        && approved.total() == 0;
  }

  /** The first rows of a list, and how many it has in all. */
  public record Page<T>(List<T> shown, int total) {
    public Page {
      shown = List.copyOf(shown);
      if (total < shown.size()) {
        throw new IllegalArgumentException(total + " in all, but " + shown.size() + " shown");
      }
    }

    /** How many are not shown: the "and N more". */
    public int more() {
      return total - shown.size();
    }
  }

  /**
   * A spec as a line of the home tab.
   *
   * @param interviewId its interview
   * @param title as the drafter named it: user text
   * @param templateId its template, for its questions
   * @param channelId where its thread is
   * @param permalink its thread, once the parent message is posted
   * @param createdAt when it was started
   */
  public record Spec(
      String interviewId,
      String title,
      String templateId,
      String channelId,
      Optional<String> permalink,
      Instant createdAt) {
    public Spec {
      Objects.requireNonNull(interviewId, "null interviewId");
      Objects.requireNonNull(title, "null title");
      Objects.requireNonNull(templateId, "null templateId");
      Objects.requireNonNull(channelId, "null channelId");
      Objects.requireNonNull(permalink, "null permalink");
      Objects.requireNonNull(createdAt, "null createdAt");
    }
  }

  /** A spec being written: its status and how many questions are answered and skipped. */
  public record Drafting(Spec spec, Status status, int answered, int skipped) {}

  /** A section of a spec handed to the person. */
  public record Assigned(Spec spec, String questionId, Instant assignedAt) {}

  /** A review waiting for the person: never answered ({@code PENDING}) or asked again. */
  public record ReviewAsked(Spec spec, Verdict verdict) {}

  /**
   * An open concern.
   *
   * @param name its name
   * @param authorId who raised it: the only one who resolves it
   * @param raisedByYou whether the person raised it (else it blocks their own spec)
   */
  public record OpenConcern(Spec spec, String name, String authorId, boolean raisedByYou) {}

  /** A scheduled discussion. */
  public record Discussion(Spec spec, Instant start, Duration duration, ZoneId zone) {}

  /** A spec at or past approval, and when its review last changed. */
  public record Approved(Spec spec, Stage stage, Instant changedAt) {}
}
