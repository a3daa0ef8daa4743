package dev.specbot.template;

import dev.specbot.template.markdown.Inline;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The "Review" section added at the end of a document whose template has no revision log to show
 * its review in: who approved it and when, and what happened.
 */
final class ReviewSection {
  private ReviewSection() {}

  /**
   * The section's markdown. Each list item starts with its date, so that no name a user gave starts
   * a line, where markdown would read it as a list marker or a heading even escaped.
   */
  static String render(ReviewRecord review) {
    List<String> blocks = new ArrayList<>();
    blocks.add("## Review");
    if (review.approvals().isEmpty()) {
      blocks.add(review.approved() ? "Approved." : "No approvals yet.");
    } else {
      blocks.add(review.approved() ? "Approved by:" : "Approvals so far:");
      blocks.add(
          list(
              review.approvals().stream()
                  .map(signoff -> item(signoff.on(), Inline.escape(signoff.reviewer())))
                  .toList()));
    }
    if (!review.events().isEmpty()) {
      blocks.add("History:");
      blocks.add(
          list(
              review.events().stream()
                  .map(
                      event ->
                          item(
                              event.on(),
                              Inline.escape(event.who()) + ": " + Inline.escape(event.what())))
                  .toList()));
    }
    return String.join("\n\n", blocks);
  }

  private static String item(LocalDate on, String text) {
    return "- " + DateTimeFormatter.ISO_LOCAL_DATE.format(on) + ", " + text;
  }

  private static String list(List<String> items) {
    return String.join("\n", items);
  }
}
