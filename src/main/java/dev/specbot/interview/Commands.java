package dev.specbot.interview;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a thread reply as a command or an answer. A command is the whole reply, alone on one line,
 * so an answer that merely starts with "skip" or mentions "back" is still an answer.
 */
public final class Commands {
  private static final Pattern GOTO = Pattern.compile("(?:goto|go to)\\s*#?(\\d{1,4})");

  private Commands() {}

  /** The input a reply stands for. */
  public static Input parse(String reply) {
    return command(reply).orElseGet(() -> new Input.Answer(reply));
  }

  /** The command a reply is, if it is one. */
  public static Optional<Input> command(String reply) {
    Optional<Input> handOver = AssignCommands.parse(reply);
    if (handOver.isPresent()) {
      return handOver;
    }
    String text = commandText(reply, ".!");
    Matcher gotoCommand = GOTO.matcher(text);
    if (gotoCommand.matches()) {
      return Optional.of(new Input.Goto(Integer.parseInt(gotoCommand.group(1))));
    }
    return Optional.ofNullable(
        switch (text) {
          case "skip" -> new Input.Skip();
          case "back" -> new Input.Back();
          case "skip section", "skip group" -> new Input.SkipSection();
          case "preview" -> new Input.Preview();
          case "pause" -> new Input.Pause();
          case "resume", "continue" -> new Input.Resume();
          case "finish", "done" -> new Input.Finish();
          case "cancel" -> new Input.Cancel();
          case "help", "?" -> new Input.Help();
          default -> null;
        });
  }

  /**
   * A reply as it reads as a command: stripped, lower-cased, without the run of {@code endMarks} at
   * its end, so that "Skip." and "skip!" are "skip".
   *
   * <p>One pass from the end: the pattern {@code [.!]+$} it replaces tried every mark of a run
   * against the rest of the run, seconds of work for a reply of 40,000 dots and a letter.
   */
  public static String commandText(String reply, String endMarks) {
    String text = reply.strip().toLowerCase(Locale.ROOT);
    int end = text.length();
    while (end > 0 && endMarks.indexOf(text.charAt(end - 1)) >= 0) {
      end--;
    }
    return text.substring(0, end);
  }
}
