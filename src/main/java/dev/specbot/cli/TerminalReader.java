package dev.specbot.cli;

import dev.specbot.interview.Commands;
import dev.specbot.interview.Input;
import dev.specbot.interview.Status;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the drafter's replies from the terminal: an answer is the lines typed until an empty line,
 * and a command alone on the first line acts at once. Empty means the input has ended.
 */
final class TerminalReader {
  private static final String PROMPT = "> ";

  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean ended;

  TerminalReader(BufferedReader in, PrintWriter out, PrintWriter err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** One line after {@code prompt}, stripped and not blank; asks again after a blank one. */
  Optional<String> line(String prompt) {
    while (true) {
      out.print(prompt);
      out.flush();
      String line = readLine();
      if (line == null) {
        return Optional.empty();
      }
      if (!line.isBlank()) {
        return Optional.of(line.strip());
      }
    }
  }

  /** The next reply to an interview that stands at {@code status}. */
  Optional<Input> next(Status status) {
    out.print(PROMPT);
    out.flush();
    String first = readLine();
    if (first == null) {
      return Optional.empty();
    }
    if (status == Status.CONFIRMING_CANCEL) {
      // "yes" or "no" is a whole reply: waiting for an empty line after it would only puzzle.
      return Optional.of(Commands.parse(first));
    }
    Optional<Input> command = Commands.command(first);
    if (command.isPresent() || first.isBlank()) {
      return command.or(() -> Optional.of(new Input.Answer("")));
    }
    return Optional.of(new Input.Answer(restOfAnswer(first)));
  }

  /** The answer's lines up to an empty line, or to the end of the input, which ends it too. */
  private String restOfAnswer(String first) {
    List<String> lines = new ArrayList<>(List.of(first));
    String line = readLine();
    while (line != null && !line.isBlank()) {
      lines.add(line);
      line = readLine();
    }
    return String.join("\n", lines);
  }

  /**
   * The next line, or null at the end of the input (or when the input cannot be read). The end is
   * final: a terminal would read on after Ctrl-D, but the drafter meant to stop.
   */
  private String readLine() {
    if (ended) {
      return null;
    }
    try {
      String line = in.readLine();
      ended = line == null;
      return line;
    } catch (IOException e) {
      err.println("Could not read the input (" + e.getMessage() + "); stopping here.");
      ended = true;
      return null;
    }
  }
}
