package dev.specbot.slack.messages;

import dev.specbot.review.Review;
import dev.specbot.review.ReviewEvent;
import dev.specbot.review.Reviewer;
import dev.specbot.review.Stage;
import dev.specbot.review.Verdict;
import dev.specbot.slack.webapi.Directory;
import dev.specbot.storage.Tx;
import dev.specbot.template.ReviewRecord;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A spec's review as its document shows it: who approved and what happened, by people's names and
 * on days in the drafter's zone. The names are read with the review, before anything is rendered.
 */
public final class DocumentReviews {
  private DocumentReviews() {}

  /** The names of everyone the review mentions, as the directory has them (ids when unknown). */
  public static Map<String, String> names(Tx tx, Optional<Review> review) {
    Map<String, String> names = new LinkedHashMap<>();
    review.ifPresent(
        r ->
            Stream.concat(
                    r.reviewers().stream().map(Reviewer::userId),
                    r.history().stream().map(ReviewEvent::userId))
                .distinct()
                .forEach(id -> names.put(id, Directory.stored(tx, id).name())));
    return names;
  }

  /** What the document shows of the review; nothing before anyone was asked. */
  public static ReviewRecord of(Review review, Map<String, String> names, ZoneId zone) {
    if (review.stage() == Stage.DRAFT && review.history().isEmpty()) {
      return ReviewRecord.NONE;
    }
    boolean approved =
        review.stage() == Stage.APPROVED
            || review.stage() == Stage.IN_PROGRESS
            || review.stage() == Stage.COMPLETED;
    return new ReviewRecord(
        approved,
        review.reviewers().stream()
            .filter(r -> r.verdict() == Verdict.APPROVED && r.at().isPresent())
            .map(
                r ->
                    new ReviewRecord.Signoff(
                        names.getOrDefault(r.userId(), r.userId()),
                        LocalDate.ofInstant(r.at().get(), zone)))
            .toList(),
        review.history().stream()
            .map(
                e ->
                    new ReviewRecord.Entry(
                        LocalDate.ofInstant(e.at(), zone),
                        names.getOrDefault(e.userId(), e.userId()),
                        e.what()))
            .toList());
  }
}
