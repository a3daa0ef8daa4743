package dev.specbot.template;

import dev.specbot.template.parse.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Assembles the finished spec: the template's structure and headings kept, each answer in place of
 * its guidance, unanswered sections marked, fields filled, advice to the writer left out, and the
 * spec's review shown in its checklists and revision log, or in a Review section at the end.
 */
public final class SpecRenderer {
  private SpecRenderer() {}

  /** A file name for a spec with this title: "Payment retries" gives {@code payment-retries.md}. */
  public static String fileName(String title) {
    String slug = Ids.slug(title.replace('/', ' '));
    return (slug.isEmpty() ? "spec" : slug) + ".md";
  }

  /** The words before the link to a spec's GitHub issue, as its document shows it. */
  public static final String ISSUE_LINK_LABEL = "GitHub issue: ";

  /**
   * The document with a last paragraph linking to the GitHub issue it was published as: {@code
   * GitHub issue: <url>}. The address is GitHub's own, kept to its first line.
   */
  public static String withIssueLink(String markdown, String url) {
    Objects.requireNonNull(markdown, "null markdown");
    Objects.requireNonNull(url, "null url");
    int lineEnd = url.indexOf('\n');
    String address = (lineEnd < 0 ? url : url.substring(0, lineEnd)).strip();
    return markdown.stripTrailing() + "\n\n" + ISSUE_LINK_LABEL + "<" + address + ">\n";
  }

  /**
   * The document as CommonMark markdown.
   *
   * @param answers the answers by {@link Question#id()}; a missing or blank one is not answered
   */
  public static String render(
      Template template, Map<String, String> answers, RenderContext context) {
    Objects.requireNonNull(template, "null template");
    Objects.requireNonNull(answers, "null answers");
    Objects.requireNonNull(context, "null context");
    Part.Filling filling =
        new Part.Filling(Map.copyOf(answers), context, statusField(template.layout()));
    List<String> blocks = new ArrayList<>();
    for (Part part : template.layout()) {
      String markdown = part.render(filling);
      if (!markdown.isBlank()) {
        blocks.add(markdown);
      }
    }
    if (!context.review().isEmpty()
        && template.layout().stream().noneMatch(Part.RevisionLog.class::isInstance)) {
      blocks.add(ReviewSection.render(context.review()));
    }
    return String.join("\n\n", blocks) + "\n";
  }

  /** The template's own status value, such as {@code [DRAFT/APPROVED]}, or empty without one. */
  private static String statusField(List<Part> layout) {
    return layout.stream()
        .filter(Part.Fields.class::isInstance)
        .flatMap(part -> ((Part.Fields) part).slots().stream())
        .filter(slot -> slot.kind().equals(Optional.of(FieldKind.STATUS)))
        .map(slot -> slot.line().value())
        .findFirst()
        .orElse("");
  }
}
