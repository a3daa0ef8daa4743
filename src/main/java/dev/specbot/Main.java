package dev.specbot;

import dev.specbot.cli.InterviewCommand;
import dev.specbot.cli.TemplateCommand;
import dev.specbot.slack.SlackBot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Starts specbot: reads the command line and hands over to the front end it names. */
public final class Main {
  private static final String USAGE =
      """
      usage: java -jar specbot.jar                             run the Slack bot
             java -jar specbot.jar interview TEMPLATE [--title T] [--out FILE]
                                                      run an interview in the terminal
             java -jar specbot.jar template show FILE.md|ID   print the interview a template yields
             java -jar specbot.jar template list              list the templates users can pick
      """;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, System.getenv(), out, err));
  }

  static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    if (args.length == 0) {
      return serve(env, err);
    }
    if (args[0].equals("interview")) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      return new InterviewCommand(env, in, out, err, Clock.system(ZoneId.systemDefault()))
          .run(Arrays.copyOfRange(args, 1, args.length));
    }
    if (args[0].equals("template")) {
      return new TemplateCommand(env, out, err).run(Arrays.copyOfRange(args, 1, args.length));
    }
    err.print(USAGE);
    err.flush();
    return 2;
  }

  /** Runs the bot until the process is stopped. */
  private static int serve(Map<String, String> env, PrintWriter err) {
    Config config;
    try {
      config = Config.fromEnvironment(env);
    } catch (Config.Invalid e) {
      err.println("specbot: " + e.getMessage());
      return 2;
    }
    SlackBot bot;
    try {
      bot = SlackBot.start(config, Clock.systemUTC());
    } catch (Exception e) {
      err.println("specbot could not start: " + e.getMessage());
      return 1;
    }
    // Stopped by a signal: the hook closes the bot (Jetty, the sender, the database) before the JVM
    // exits.
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  bot.close();
                  closed.countDown();
                },
                "specbot-shutdown"));
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }
}
