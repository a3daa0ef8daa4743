package dev.specbot.cli;

import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.template.Template;
import dev.specbot.template.TemplateCatalog;
import dev.specbot.template.TemplateException;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code interview TEMPLATE [--title TITLE] [--drafter NAME] [--out FILE]}: the Slack interview in
 * a terminal, writing the spec to a markdown file, to try specbot without a Slack workspace.
 */
public final class InterviewCommand {
  private final Map<String, String> env;
  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Clock clock;
  private final Path workDir;

  /** Reads replies from {@code in}; dates in the spec are days in the clock's zone. */
  public InterviewCommand(
      Map<String, String> env, BufferedReader in, PrintWriter out, PrintWriter err, Clock clock) {
    this(env, in, out, err, clock, Path.of(""));
  }

  /** As the public constructor, with {@code workDir} for the current directory. */
  InterviewCommand(
      Map<String, String> env,
      BufferedReader in,
      PrintWriter out,
      PrintWriter err,
      Clock clock,
      Path workDir) {
    this.env = Map.copyOf(Objects.requireNonNull(env, "null env"));
    this.in = Objects.requireNonNull(in, "null in");
    this.out = Objects.requireNonNull(out, "null out");
    this.err = Objects.requireNonNull(err, "null err");
    this.clock = Objects.requireNonNull(clock, "null clock");
    this.workDir = Objects.requireNonNull(workDir, "null workDir");
  }

  /** Runs the interview given by the arguments after {@code interview}; returns the exit code. */
  public int run(String[] args) {
    try {
      if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
        out.print(TerminalOptions.USAGE);
        return 0;
      }
      return run(TerminalOptions.parse(args));
    } catch (TerminalOptions.Invalid e) {
      err.println("error: " + e.getMessage());
      err.print(TerminalOptions.USAGE);
      return 2;
    } catch (TemplateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private int run(TerminalOptions options) throws TemplateException {
    Template template = load(options.template());
    TerminalReader reader = new TerminalReader(in, out, err);
    TerminalPrinter printer = new TerminalPrinter(template, out);
    printer.intro();
    Optional<String> title = options.title().or(() -> askTitle(reader, printer));
    if (title.isEmpty()) {
      printer.say("");
      printer.say("The interview was not finished: it had no title yet, so nothing was written.");
      return 1;
    }
    Interview interview =
        Interview.start(
            UUID.randomUUID().toString(),
            template.id(),
            title.get(),
            userName().orElse("terminal"),
            options.drafter().or(this::userName).orElse("you"),
            clock.instant());
    TerminalSession session =
        new TerminalSession(
            new InterviewMachine(template, clock.getZone()),
            reader,
            printer,
            TerminalSpecFile.of(options.out(), workDir, title.get()),
            clock,
            err);
    return session.run(interview);
  }

  private static Optional<String> askTitle(TerminalReader reader, TerminalPrinter printer) {
    printer.say("");
    return reader.line("Title of the spec: ");
  }

  /** A template by path or by id, as {@link TemplateCatalog#resolve} reads it. */
  private Template load(String fileOrId) throws TemplateException {
    TemplateCatalog catalog =
        TemplateCatalog.load(
            Optional.ofNullable(env.get("SPECBOT_TEMPLATES_DIR"))
                .filter(dir -> !dir.isBlank())
                .map(Path::of));
    try {
      return catalog.resolve(fileOrId, workDir);
    } catch (TemplateException e) {
      // The template asked for may be one of those that could not be read: say why, not only that
      // it is missing.
      catalog.problems().forEach(problem -> err.println("skipped: " + problem.getMessage()));
      throw e;
    }
  }

  private Optional<String> userName() {
    return Optional.ofNullable(env.get("USER")).map(String::strip).filter(name -> !name.isEmpty());
  }
}
