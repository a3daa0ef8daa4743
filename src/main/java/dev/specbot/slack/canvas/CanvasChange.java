package dev.specbot.slack.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one {@code canvases.edit} change that brings a canvas from the markdown last sent to the
 * markdown now: the sections added at the end, when that is all that changed, or else the whole
 * document.
 *
 * <p>Why no finer edits: a canvas's sections are finer than a spec's (each heading, paragraph and
 * list is one), and {@code canvases.sections.lookup} finds only headings or sections by their text.
 * An answer changed under its heading is several sections that cannot be found reliably, so
 * replacing it section by section could leave the old answer behind. Replacing the whole document
 * is one Tier 3 call, the same as one section's replace and fewer than a look-up and a replace.
 *
 * @param operation Slack's operation: {@code insert_at_end} or {@code replace} (with no section)
 * @param markdown the canvas markdown it sends
 */
public record CanvasChange(String operation, String markdown) {
  public static final String INSERT_AT_END = "insert_at_end";
  public static final String REPLACE = "replace";

  public CanvasChange {
    Objects.requireNonNull(operation, "null operation");
    Objects.requireNonNull(markdown, "null markdown");
  }

  /**
   * The change from {@code sent} (empty when what the canvas holds is not known) to {@code now};
   * empty when there is none. Linear in the two texts.
   */
  public static Optional<CanvasChange> between(Optional<String> sent, String now) {
    Objects.requireNonNull(now, "null now");
    if (sent.isPresent() && sent.get().equals(now)) {
      return Optional.empty();
    }
    if (sent.isEmpty() || sent.get().isBlank()) {
      return Optional.of(new CanvasChange(REPLACE, now));
    }
    List<String> before = sections(sent.get());
    List<String> after = sections(now);
    if (after.size() > before.size() && isPrefix(before, after)) {
      return Optional.of(
          new CanvasChange(
              INSERT_AT_END, String.join("", after.subList(before.size(), after.size()))));
    }
    return Optional.of(new CanvasChange(REPLACE, now));
  }

  /**
   * Whether each of {@code before}'s sections is the same in {@code after}, but for blank lines.
   */
  private static boolean isPrefix(List<String> before, List<String> after) {
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).stripTrailing().equals(after.get(i).stripTrailing())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The markdown cut before each heading ({@code #} to {@code ###}, as canvas markdown has them)
   * outside code fences; the pieces, joined, are the markdown again.
   */
  static List<String> sections(String markdown) {
    List<String> sections = new ArrayList<>();
    int sectionStart = 0;
    int lineStart = 0;
    String fence = null;
    while (lineStart < markdown.length()) {
      int newline = markdown.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? markdown.length() : newline;
      if (fence == null && isHeading(markdown, lineStart, lineEnd) && lineStart > sectionStart) {
        sections.add(markdown.substring(sectionStart, lineStart));
        sectionStart = lineStart;
      }
      fence = fence(markdown.substring(lineStart, lineEnd), fence);
      lineStart = newline < 0 ? markdown.length() : newline + 1;
    }
    if (sectionStart < markdown.length()) {
      sections.add(markdown.substring(sectionStart));
    }
    return sections;
  }

  private static boolean isHeading(String markdown, int start, int end) {
    int level = 0;
    while (start + level < end && markdown.charAt(start + level) == '#') {
      level++;
    }
    return level >= 1
        && level <= 3
        && (start + level == end || markdown.charAt(start + level) == ' ');
  }

  /** The fence open after {@code line}: a line of three or more backticks opens or closes one. */
  private static String fence(String line, String open) {
    String stripped = line.strip();
    int ticks = 0;
    while (ticks < stripped.length() && stripped.charAt(ticks) == '`') {
      ticks++;
    }
    if (ticks < 3) {
      return open;
    }
    if (open == null) {
      return stripped.substring(0, ticks);
    }
    return ticks >= open.length() && ticks == stripped.length() ? null : open;
  }
}
