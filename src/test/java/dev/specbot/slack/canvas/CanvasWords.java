package dev.specbot.slack.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words of a text, to show that none is lost: runs of letters and digits, whatever markup
 * surrounds them.
 */
final class CanvasWords {
  private CanvasWords() {}

  /** The text's words in order. */
  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) {
                word.appendCodePoint(c);
              } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
              }
            });
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  /** How often each word occurs. */
  static Map<String, Integer> counted(String text) {
    Map<String, Integer> counts = new HashMap<>();
    for (String word : of(text)) {
      counts.merge(word, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The words a reader sees of Slack's syntax: {@code <@U1|bob>} is the mention of U1 (a canvas
   * mention shows the person's current name, not the one Slack sent), {@code <!subteam^S1|@team>}
   * is "@team", {@code <!here>} is "@here", and {@code <https://x|label>} is its label, then the
   * address (as {@code [label](https://x)} reads).
   */
  static String asShown(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      int end = text.indexOf('>', i);
      int next = text.indexOf('<', i + 1);
      boolean closed = end > 0 && (next < 0 || next > end);
      boolean token =
          (text.startsWith("<@", i) || text.startsWith("<#", i) || text.startsWith("<!", i))
              && !text.startsWith("<!--", i)
              && closed;
      int bar = closed ? text.indexOf('|', i) : -1;
      if (!token && text.startsWith("<http", i) && bar > 0 && bar < end) {
        // A Slack link reads as its label, then the address it goes to.
        shown.append(text, bar + 1, end).append(' ').append(text, i + 1, bar).append(' ');
        i = end + 1;
        continue;
      }
      if (!token) {
        shown.append(text.charAt(i));
        i++;
        continue;
      }
      String inside = text.substring(i + 2, end);
      int label = inside.indexOf('|');
      if (text.charAt(i + 1) == '!') {
        int caret = inside.indexOf('^');
        shown.append(
            label >= 0
                ? inside.substring(label + 1)
                : caret >= 0 ? inside.substring(0, caret) : inside);
      } else {
        shown.append(label >= 0 ? inside.substring(0, label) : inside);
      }
      shown.append(' ');
      i = end + 1;
    }
    return shown.toString();
  }

  /** The words of {@code part} missing from {@code whole} in order, as far as they match. */
  static List<String> missingInOrder(List<String> part, List<String> whole) {
    int at = 0;
    for (int i = 0; i < part.size(); i++) {
      while (at < whole.size() && !whole.get(at).equals(part.get(i))) {
        at++;
      }
      if (at == whole.size()) {
        return part.subList(i, part.size());
      }
      at++;
    }
    return List.of();
  }

  /** The words {@code text} has more often than {@code converted}, with how many are missing. */
  static Map<String, Integer> missing(String text, String converted) {
    Map<String, Integer> have = counted(converted);
    Map<String, Integer> missing = new HashMap<>();
    counted(text)
        .forEach(
            (word, count) -> {
              int lost = count - have.getOrDefault(word, 0);
              if (lost > 0) {
                missing.put(word, lost);
              }
            });
    return missing;
  }
}
