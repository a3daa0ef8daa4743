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
    String text = reply.strip().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
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
}
