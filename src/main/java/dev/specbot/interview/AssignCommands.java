package dev.specbot.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code assign 4 <@U123>}, {@code assign 4,5 <@U123>}, {@code assign section 4 <@U123>} and
 * {@code unassign 4}: one pass by hand over the reply, so a reply of any length costs linear time.
 * Slack sends a mention as {@code <@U123>} or {@code <@U123|name>}; a plain "@bob" is no mention.
 */
final class AssignCommands {
  private static final String USAGE =
      "Write it as `assign 4 @name` (or `assign 4,5 @name`, or `assign section 4 @name` for the"
          + " whole group), picking the name from Slack's list as you type @ so that it turns into"
          + " a mention.";

  private final String text;
  private int at;

  private AssignCommands(String text) {
    this.text = text;
  }

  /** The input a one-line reply starting with "assign" or "unassign" stands for, if any. */
  static Optional<Input> parse(String reply) {
    String line = reply.strip();
    if (line.indexOf('\n') >= 0) {
      return Optional.empty();
    }
    AssignCommands scanner = new AssignCommands(line);
    if (scanner.word("unassign")) {
      return Optional.of(scanner.unassign());
    }
    if (scanner.word("assign")) {
      return scanner.assign();
    }
    return Optional.empty();
  }

  private Input unassign() {
    Optional<List<Integer>> numbers = numbers();
    skipEndMarks();
    if (numbers.isEmpty() || at < text.length()) {
      return new Input.Unclear(
          "Write it as `unassign 4` (or `unassign 4,5`) to take questions back.");
    }
    return new Input.Unassign(numbers.get());
  }

  private Optional<Input> assign() {
    if (at == text.length()) {
      return Optional.of(new Input.Unclear(USAGE));
    }
    boolean section = word("section") || word("group");
    Optional<List<Integer>> numbers = numbers();
    if (numbers.isEmpty()) {
      // "assign @bob": a hand-over without a question; anything else is an answer.
      return text.charAt(at) == '@' || text.startsWith("<@", at)
          ? Optional.of(new Input.Unclear("Say which question to hand over. " + USAGE))
          : Optional.empty();
    }
    word("to");
    return assignee(numbers.get(), section);
  }

  /** What follows the numbers: a mention, a plain "@name", or nothing a hand-over has. */
  private Optional<Input> assignee(List<Integer> numbers, boolean section) {
    if (at == text.length()) {
      return Optional.of(new Input.Unclear("Say whom to hand it to. " + USAGE));
    }
    Optional<Mention> mention = mention();
    if (mention.isPresent()) {
      skipEndMarks();
      return at == text.length()
          ? Optional.of(
              new Input.Assign(numbers, section, mention.get().id(), mention.get().name()))
          : Optional.of(new Input.Unclear(USAGE));
    }
    if (text.charAt(at) == '@' && text.indexOf(' ', at) < 0) {
      return Optional.of(
          new Input.Unclear(
              "`"
                  + text.substring(at)
                  + "` is not a Slack mention, so I cannot tell who that is. "
                  + USAGE));
    }
    return Optional.empty();
  }

  private record Mention(String id, String name) {}

  /** A mention's user id and the name it carries (blank without one). */
  private Optional<Mention> mention() {
    if (!text.startsWith("<@", at)) {
      return Optional.empty();
    }
    int idStart = at + 2;
    int end = idStart;
    while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
      end++;
    }
    if (end == idStart || end == text.length()) {
      return Optional.empty();
    }
    String id = text.substring(idStart, end);
    String name = "";
    if (text.charAt(end) == '|') {
      int close = text.indexOf('>', end);
      if (close < 0) {
        return Optional.empty();
      }
      name = text.substring(end + 1, close).strip();
      end = close;
    }
    if (text.charAt(end) != '>') {
      return Optional.empty();
    }
    at = end + 1;
    skipBlanks();
    return Optional.of(new Mention(id, name));
  }

  /** Question numbers such as {@code 4}, {@code #4} or {@code 4, 5}; at most 4 digits each. */
  private Optional<List<Integer>> numbers() {
    List<Integer> numbers = new ArrayList<>();
    int start = at;
    while (true) {
      if (at < text.length() && text.charAt(at) == '#') {
        at++;
      }
      int digitsStart = at;
      while (at < text.length() && at - digitsStart < 5 && isDigit(text.charAt(at))) {
        at++;
      }
      int digits = at - digitsStart;
      if (digits == 0 || digits > 4) {
        at = start;
        return Optional.empty();
      }
      numbers.add(Integer.parseInt(text.substring(digitsStart, at)));
      skipBlanks();
      if (at < text.length() && text.charAt(at) == ',') {
        at++;
        skipBlanks();
      } else {
        return Optional.of(numbers);
      }
    }
  }

  /** Whether the word comes next (any case), followed by a blank or the end; skips it if so. */
  private boolean word(String word) {
    int end = at + word.length();
    if (!text.regionMatches(true, at, word, 0, word.length())
        || (end < text.length() && !Character.isWhitespace(text.charAt(end)))) {
      return false;
    }
    at = end;
    skipBlanks();
    return true;
  }

  private void skipBlanks() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private void skipEndMarks() {
    while (at < text.length() && ".!".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
