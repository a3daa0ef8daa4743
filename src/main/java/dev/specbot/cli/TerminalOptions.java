package dev.specbot.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * The command line of {@code interview}: the template and the optional title, drafter and output
 * file.
 */
record TerminalOptions(
    String template, Optional<String> title, Optional<String> drafter, Optional<String> out) {

  static final String USAGE =
      """
      usage: java -jar specbot.jar interview TEMPLATE [--title TITLE] [--drafter NAME] [--out FILE]
        TEMPLATE  a template id (see `template list`) or the path of a template .md file
        --title   the spec's title (asked first when not given)
        --drafter the name the spec gives its drafter (default: $USER)
        --out     where to write the spec (default: a file named after the title, here)
      """;

  TerminalOptions {
    Objects.requireNonNull(template, "null template");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(drafter, "null drafter");
    Objects.requireNonNull(out, "null out");
  }

  /** A command line that cannot be run, with what is wrong in a sentence. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /** Reads the arguments that follow the word {@code interview}. */
  static TerminalOptions parse(String[] args) throws Invalid {
    String template = null;
    String title = null;
    String drafter = null;
    String out = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--title" -> title = value(args, ++i, arg, title);
        case "--drafter" -> drafter = value(args, ++i, arg, drafter);
        case "--out" -> out = value(args, ++i, arg, out);
        default -> {
          if (arg.startsWith("-")) {
            throw new Invalid("unknown option " + arg);
          }
          if (template != null) {
            throw new Invalid("one template at a time: " + template + " or " + arg + "?");
          }
          template = arg;
        }
      }
    }
    if (template == null) {
      throw new Invalid("which template? Give its id or the path of its .md file");
    }
    return new TerminalOptions(
        template,
        Optional.ofNullable(title),
        Optional.ofNullable(drafter),
        Optional.ofNullable(out));
  }

  private static String value(String[] args, int index, String option, String earlier)
      throws Invalid {
    if (earlier != null) {
      throw new Invalid(option + " is given twice");
    }
    if (index >= args.length || args[index].isBlank()) {
      throw new Invalid(option + " needs a value");
    }
    return args[index].strip();
  }
}
