package dev.specbot.review;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a run of Slack mentions, {@code <@U0ABC123>} or {@code <@U0ABC123|name>}, as {@code
 * meeting.MeetingRequest} reads them, joined by spaces, commas, "and" or "&amp;".
 *
 * <p>One pass, each character looked at once: a regular expression here would be tried again from
 * every {@code <@} of a 40,000-character reply.
 */
final class Mentions {
  private Mentions() {}

  /** The user ids, in order and each once, if the text is mentions and nothing else. */
  static Optional<List<String>> only(String text) {
    Set<String> ids = new LinkedHashSet<>();
    int i = 0;
    while (true) {
      i = skipJoins(text, i);
      if (i == text.length()) {
        break;
      }
      int end = mentionEnd(text, i);
      if (end < 0) {
        return Optional.empty();
      }
      ids.add(idOf(text, i));
      i = end;
    }
    return ids.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(ids));
  }

  /** Every user id mentioned anywhere in {@code text}, in order and each once. */
  static List<String> in(String text) {
    Set<String> ids = new LinkedHashSet<>();
    int i = text.indexOf("<@");
    while (i >= 0) {
      int end = mentionEnd(text, i);
      if (end > 0) {
        ids.add(idOf(text, i));
        i = text.indexOf("<@", end);
      } else {
        i = text.indexOf("<@", i + 2);
      }
    }
    return new ArrayList<>(ids);
  }

  /** Past the whitespace, commas, "and" and ampersands from {@code from}. */
  private static int skipJoins(String text, int from) {
    int i = from;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == ',') {
        i++;
      } else if (text.startsWith("&amp;", i)) {
        i += "&amp;".length();
      } else if (c == '&') {
        i++;
      } else if (text.regionMatches(true, i, "and", 0, 3) && joinEnds(text, i + 3)) {
        i += 3;
      } else {
        break;
      }
    }
    return i;
  }

  /** Whether "and" ends at {@code at}: a word of its own, not the start of "android". */
  private static boolean joinEnds(String text, int at) {
    return at == text.length() || Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '<';
  }

  /** The index just past the mention starting at {@code at}, or -1 if none starts there. */
  private static int mentionEnd(String text, int at) {
    if (!text.startsWith("<@", at)) {
      return -1;
    }
    int i = at + 2;
    if (i >= text.length() || (text.charAt(i) != 'U' && text.charAt(i) != 'W')) {
      return -1;
    }
    i++;
    int idStart = i;
    while (i < text.length() && isIdCharacter(text.charAt(i))) {
      i++;
    }
    if (i == idStart || i == text.length()) {
      return -1;
    }
    if (text.charAt(i) == '|') {
      i++;
      while (i < text.length() && text.charAt(i) != '>' && text.charAt(i) != '<') {
        i++;
      }
    }
    return i < text.length() && text.charAt(i) == '>' ? i + 1 : -1;
  }

  private static boolean isIdCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** The user id of the mention known to start at {@code at}. */
  private static String idOf(String text, int at) {
    int end = at + 3;
    while (isIdCharacter(text.charAt(end))) {
      end++;
    }
    return text.substring(at + 2, end);
  }
}
