package dev.specbot.discussion;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a reply of the drafter's after the meeting ({@link DecisionReply}). By hand, one pass over
 * the reply's start and one over its end: linear in its length whatever it holds.
 */
public final class DecisionReplies {
  /** The longest decision kept: Slack's own message limit is far above what a decision needs. */
  public static final int MAX_LENGTH = 2000;

  private static final Set<String> DONE =
      Set.of("done", "that's all", "thats all", "that is all", "all done", "finished");

  private static final Set<String> NONE =
      Set.of("no decisions", "no decision", "nothing decided", "none", "no decisions made");

  private DecisionReplies() {}

  public static DecisionReply read(String reply) {
    String text = reply.strip();
    String command = command(text);
    if (DONE.contains(command)) {
      return new DecisionReply.Done();
    }
    if (NONE.contains(command)) {
      return new DecisionReply.NoDecisions();
    }
    if (text.isEmpty()) {
      return new DecisionReply.Unclear("That reply was empty.");
    }
    if (text.length() > MAX_LENGTH) {
      return new DecisionReply.Unclear(
          "That decision is "
              + text.length()
              + " characters long; write it in at most "
              + MAX_LENGTH
              + ", one decision per reply.");
    }
    Optional<DecisionReply> followUp = followUp(text);
    return followUp.orElseGet(() -> new DecisionReply.Decision(text));
  }

  /** The reply as a command: lower case, curly apostrophes straight, a final stop dropped. */
  private static String command(String text) {
    if (text.length() > 40) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    int end = lower.length();
    while (end > 0 && ".!".indexOf(lower.charAt(end - 1)) >= 0) {
      end--;
    }
    return lower.substring(0, end).strip();
  }

  /** {@code <@U123>: task}, {@code <@U123|name> task} or {@code @name: task}. */
  private static Optional<DecisionReply> followUp(String text) {
    if (text.startsWith("<@")) {
      int close = text.indexOf('>');
      if (close < 0) {
        return Optional.empty();
      }
      String inside = text.substring(2, close);
      int bar = inside.indexOf('|');
      String id = bar < 0 ? inside : inside.substring(0, bar);
      if (!isUserId(id)) {
        return Optional.empty();
      }
      String label = bar < 0 ? "" : inside.substring(bar + 1).strip();
      return Optional.of(owned(Optional.of(id), label, text.substring(close + 1)));
    }
    if (text.startsWith("@")) {
      int end = 1;
      while (end < text.length() && isNameChar(text.charAt(end))) {
        end++;
      }
      if (end > 1 && end < text.length() && text.charAt(end) == ':') {
        return Optional.of(owned(Optional.empty(), text.substring(1, end), text.substring(end)));
      }
    }
    return Optional.empty();
  }

  private static DecisionReply owned(Optional<String> id, String label, String rest) {
    String task = rest.strip();
    if (task.startsWith(":")) {
      task = task.substring(1).strip();
    }
    if (task.isEmpty()) {
      return new DecisionReply.Unclear(
          "That names an owner but no task: write `@person: what they will do`.");
    }
    return new DecisionReply.FollowUp(id, label, task);
  }

  /** A Slack user id: U or W, then capitals and digits. */
  private static boolean isUserId(String id) {
    if (id.length() < 2 || id.length() > 20 || (id.charAt(0) != 'U' && id.charAt(0) != 'W')) {
      return false;
    }
    return id.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-';
  }
}
