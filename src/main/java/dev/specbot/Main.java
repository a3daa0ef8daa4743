package dev.specbot;

import dev.specbot.cli.TemplateCommand;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/** Starts specbot: reads the command line and hands over to the front end it names. */
public final class Main {
  private static final String USAGE =
      """
      usage: java -jar specbot.jar template show FILE.md|ID   print the interview a template yields
             java -jar specbot.jar template list              list the templates users can pick
      """;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    if (args.length >= 1 && args[0].equals("template")) {
      return new TemplateCommand(env, out, err).run(Arrays.copyOfRange(args, 1, args.length));
    }
    err.print(USAGE);
    err.flush();
    return 2;
  }
}
