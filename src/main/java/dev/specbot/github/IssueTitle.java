package dev.specbot.github;

import java.util.Objects;
import java.util.Set;

/**
 * An issue's title, from a template's title pattern and a spec's subject: {@code [SUBJECT] Tech
 * Spec} and "Payment retries" give "Payment retries Tech Spec".
 *
 * <p>A placeholder is a bracketed ({@code [SUBJECT]}, {@code [Issue Title]}), angled ({@code
 * <Project / Feature Name>}) or braced ({@code {{ title }}}, {@code {subject}}) name of the
 * subject: its letters and digits hold "subject" or "title", or are one of a few names for it
 * ("name", "projectname", "featurename", "summary", "topic"...). Other brackets stay: {@code [BUG]}
 * or {@code [RFC]} before a title is a tag that GitHub issue templates use, and the subject goes
 * after it. As in the document's title heading, the run from the first placeholder to the last
 * takes the subject, so {@code [ProjectName] – [FeatureName] Feature Plan} gives "Payment retries
 * Feature Plan".
 *
 * <p>Read by hand in one pass: each opening bracket looks at most {@value #MAX_PLACEHOLDER}
 * characters ahead for its closing one.
 */
public final class IssueTitle {
  /** GitHub refuses a longer title (422). */
  public static final int MAX_LENGTH = 256;

  /** A bracket closed further on than this closes something else, not a placeholder. */
  private static final int MAX_PLACEHOLDER = 60;

  /** Names of the subject that hold neither "subject" nor "title", letters and digits only. */
  private static final Set<String> SUBJECT_NAMES =
      Set.of(
          "name",
          "summary",
          "topic",
          "specname",
          "projectname",
          "featurename",
          "projectfeaturename",
          "shortdescription",
          "briefdescription");

  private IssueTitle() {}

  /**
   * The title: the pattern with its placeholder run filled with {@code subject}, or the subject
   * after a pattern that has none ({@code RFC} gives "RFC: Payment retries", {@code [BUG]} gives
   * "[BUG] Payment retries"), or the subject alone for an empty pattern. Line breaks and runs of
   * blanks become one space; a title over {@value #MAX_LENGTH} characters is cut with "…".
   *
   * @throws IllegalArgumentException when the subject is blank
   */
  public static String fill(String pattern, String subject) {
    Objects.requireNonNull(pattern, "null pattern");
    String filler = oneLine(Objects.requireNonNull(subject, "null subject"));
    if (filler.isEmpty()) {
      throw new IllegalArgumentException("an issue title needs a subject");
    }
    String template = oneLine(pattern);
    int[] run = placeholderRun(template);
    String title;
    if (run != null) {
      title = template.substring(0, run[0]) + filler + template.substring(run[1]);
    } else if (template.isEmpty()) {
      title = filler;
    } else {
      boolean endsInWord = Character.isLetterOrDigit(template.codePointBefore(template.length()));
      title = template + (endsInWord ? ": " : " ") + filler;
    }
    return cut(oneLine(title));
  }

  /** The start and end of the run from the first placeholder to the last, or null. */
  private static int[] placeholderRun(String text) {
    int first = -1;
    int last = -1;
    int i = 0;
    while (i < text.length()) {
      int end = placeholderEnd(text, i);
      if (end > 0) {
        first = first < 0 ? i : first;
        last = end;
        i = end;
      } else {
        i++;
      }
    }
    return first < 0 ? null : new int[] {first, last};
  }

  /** Where the placeholder opening at {@code start} ends, or -1 when none opens there. */
  private static int placeholderEnd(String text, int start) {
    String close;
    int innerStart;
    switch (text.charAt(start)) {
      case '[' -> {
        close = "]";
        innerStart = start + 1;
      }
      case '<' -> {
        close = ">";
        innerStart = start + 1;
      }
      case '{' -> {
        boolean doubled = text.startsWith("{{", start);
        close = doubled ? "}}" : "}";
        innerStart = start + (doubled ? 2 : 1);
      }
      default -> {
        return -1;
      }
    }
    int limit = Math.min(text.length(), innerStart + MAX_PLACEHOLDER);
    int closeAt = -1;
    for (int i = innerStart; i < limit; i++) {
      if (text.startsWith(close, i)) {
        closeAt = i;
        break;
      }
    }
    if (closeAt < 0 || !namesSubject(text, innerStart, closeAt)) {
      return -1;
    }
    return closeAt + close.length();
  }

  private static boolean namesSubject(String text, int start, int end) {
    StringBuilder word = new StringBuilder(end - start);
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        word.append((char) (c + ('a' - 'A')));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        word.append(c);
      }
    }
    String letters = word.toString();
    return letters.contains("subject")
        || letters.contains("title")
        || SUBJECT_NAMES.contains(letters);
  }

  /** The text on one line: control characters and line separators as blanks, blanks collapsed. */
  private static String oneLine(String text) {
    StringBuilder line = new StringBuilder(text.length());
    boolean blank = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean isBlank =
          Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
      if (!isBlank) {
        line.append(c);
        blank = false;
      } else if (!blank) {
        line.append(' ');
        blank = true;
      }
    }
    return line.toString().strip();
  }

  /** At most {@value #MAX_LENGTH} characters, never splitting a character made of two. */
  private static String cut(String title) {
    if (title.length() <= MAX_LENGTH) {
      return title;
    }
    int end = MAX_LENGTH - 1;
    if (Character.isHighSurrogate(title.charAt(end - 1))) {
      end--;
    }
    return title.substring(0, end).stripTrailing() + "…";
  }
}
