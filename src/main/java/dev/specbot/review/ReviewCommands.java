package dev.specbot.review;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a reply in a spec's thread as a review command. A command is the whole reply; keywords are
 * read ignoring case, and a reply that is not a command reads as nothing.
 *
 * <ul>
 *   <li>{@code review <@U1> <@U2>}: ask them; {@code review} alone: ask again
 *   <li>{@code approve}, {@code lgtm}
 *   <li>{@code request changes: TEXT}, {@code request changes SECTION: TEXT}
 *   <li>{@code concern NAME: TEXT}, {@code resolve NAME}
 *   <li>{@code who has reviewed}, {@code reviews}
 *   <li>{@code status in progress}, {@code status completed}
 * </ul>
 *
 * <p>Every reading is a single pass with no regular expression, so a reply of Slack's 40,000
 * characters costs time in proportion to its length.
 */
public final class ReviewCommands {
  /** Longer than a concern's name: a reply this long after "resolve" is no command. */
  static final int MAX_NAME = 80;

  /** Longer than any command that is a fixed phrase. */
  private static final int MAX_PHRASE = 40;

  /** Words a writer may put before a section's name: "request changes to Goals: ...". */
  private static final List<String> SECTION_LEAD = List.of("to", "in", "on", "for", "about");

  private ReviewCommands() {}

  /** The review input a reply by {@code userId} stands for, if it is a command. */
  public static Optional<ReviewInput> parse(String text, String userId) {
    Objects.requireNonNull(userId, "null userId");
    if (text == null) {
      return Optional.empty();
    }
    String reply = text.strip();
    Optional<ReviewInput> phrase = phrase(withoutEndMarks(reply), userId);
    if (phrase.isPresent()) {
      return phrase;
    }
    int at = afterWords(reply, "review");
    if (at >= 0) {
      return Mentions.only(withoutEndMarks(reply.substring(at)))
          .map(ids -> new ReviewInput.Request(userId, ids));
    }
    at = afterWords(reply, "request", "changes");
    if (at >= 0) {
      return requestChanges(reply.substring(at), userId);
    }
    at = afterWords(reply, "concern");
    if (at >= 0) {
      return concern(reply.substring(at), userId);
    }
    at = afterWords(reply, "resolve");
    if (at >= 0) {
      return name(withoutEndMarks(reply.substring(at)))
          .map(name -> new ReviewInput.Resolve(userId, name));
    }
    return Optional.empty();
  }

  /** The commands that are a fixed phrase, such as "who has reviewed". */
  private static Optional<ReviewInput> phrase(String reply, String userId) {
    if (reply.length() > MAX_PHRASE) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (oneSpaced(reply).toLowerCase(Locale.ROOT)) {
          case "review" -> new ReviewInput.Request(userId, List.of());
          case "approve", "lgtm" -> new ReviewInput.Approve(userId);
          case "who has reviewed", "who has reviewed?", "reviews", "reviews?" ->
              new ReviewInput.ShowBoard(userId);
          case "status in progress" -> new ReviewInput.MoveOn(userId, Stage.IN_PROGRESS);
          case "status completed" -> new ReviewInput.MoveOn(userId, Stage.COMPLETED);
          default -> null;
        });
  }

  /** After "request changes": an optional section, a colon, and the text. */
  private static Optional<ReviewInput> requestChanges(String rest, String userId) {
    return labelled(rest)
        .map(
            said -> {
              String section = withoutLead(oneSpaced(said.label()));
              return new ReviewInput.RequestChanges(
                  userId, section.isEmpty() ? Optional.empty() : Optional.of(section), said.text());
            });
  }

  /** After "concern": a name, a colon, and the text. */
  private static Optional<ReviewInput> concern(String rest, String userId) {
    return labelled(rest)
        .flatMap(
            said ->
                name(said.label())
                    .map(name -> new ReviewInput.RaiseConcern(userId, name, said.text())));
  }

  /** What comes before the first colon, and the text after it, which must not be blank. */
  private record Labelled(String label, String text) {}

  private static Optional<Labelled> labelled(String rest) {
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String text = rest.substring(colon + 1).strip();
    return text.isEmpty()
        ? Optional.empty()
        : Optional.of(new Labelled(rest.substring(0, colon), text));
  }

  /** A concern's name: on one line, one space between words, not blank, not long. */
  private static Optional<String> name(String text) {
    if (text.length() > MAX_NAME * 2) {
      return Optional.empty();
    }
    String name = oneSpaced(text);
    return name.isEmpty() || name.length() > MAX_NAME ? Optional.empty() : Optional.of(name);
  }

  /**
   * The index just past {@code words} at the start of {@code text}, each word followed by
   * whitespace (or, the last, by a colon or the end); -1 when the text does not start so.
   */
  static int afterWords(String text, String... words) {
    int i = 0;
    for (int w = 0; w < words.length; w++) {
      String word = words[w];
      if (!text.regionMatches(true, i, word, 0, word.length())) {
        return -1;
      }
      i += word.length();
      boolean last = w == words.length - 1;
      if (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        return last && text.charAt(i) == ':' ? i : -1;
      }
      if (i == text.length() && !last) {
        return -1;
      }
      while (!last && i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
    }
    return i;
  }

  /** The text without the run of "." and "!" at its end: "Approve!" is "approve". */
  private static String withoutEndMarks(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '!')) {
      end--;
    }
    return text.substring(0, end).strip();
  }

  /** The text stripped, each run of whitespace inside it one space. */
  private static String oneSpaced(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A section's name without a leading "to", "in" and the like. */
  private static String withoutLead(String section) {
    for (String lead : SECTION_LEAD) {
      int after = afterWords(section, lead);
      if (after >= 0 && after < section.length()) {
        return section.substring(after).strip();
      }
    }
    return section;
  }
}
