package dev.specbot.cli;

import dev.specbot.interview.Effect;
import dev.specbot.interview.Input;
import dev.specbot.interview.Interview;
import dev.specbot.interview.InterviewMachine;
import dev.specbot.interview.Progress;
import dev.specbot.interview.Status;
import dev.specbot.interview.Transition;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * One interview in a terminal: reads each reply, steps the machine and carries out its effects,
 * until the spec is written, the interview cancelled, or the input ends.
 */
final class TerminalSession {
  private final InterviewMachine machine;
  private final TerminalReader reader;
  private final TerminalPrinter printer;
  private final TerminalSpecFile file;
  private final Clock clock;
  private final PrintWriter err;

  TerminalSession(
      InterviewMachine machine,
      TerminalReader reader,
      TerminalPrinter printer,
      TerminalSpecFile file,
      Clock clock,
      PrintWriter err) {
    this.machine = machine;
    this.reader = reader;
    this.printer = printer;
    this.file = file;
    this.clock = clock;
    this.err = err;
  }

  /** Runs the interview to its end; returns the process exit code. */
  int run(Interview interview) {
    Transition step = machine.begin(interview);
    int exit = carryOut(step);
    while (step.interview().status().isOpen()) {
      Optional<Input> input = reader.next(step.interview().status());
      if (input.isEmpty()) {
        return unfinished(step.interview());
      }
      step = machine.apply(step.interview(), input.get(), clock.instant());
      exit = carryOut(step);
    }
    if (step.interview().status() == Status.CANCELLED) {
      printer.say("Nothing was written.");
    }
    return exit;
  }

  /** Carries out a step's effects; 1 when the spec it publishes could not be written. */
  private int carryOut(Transition step) {
    int exit = 0;
    for (Effect effect : step.effects()) {
      if (effect instanceof Effect.Ask ask) {
        printer.ask(ask);
      } else if (effect instanceof Effect.Say say) {
        printer.say(say.text());
      } else if (effect instanceof Effect.ShowPreview preview) {
        printer.preview(preview.markdown());
      } else if (effect instanceof Effect.ShowHelp) {
        printer.help();
      } else if (effect instanceof Effect.AskToConfirmCancel) {
        printer.confirmCancel();
      } else if (effect instanceof Effect.Publish publish) {
        exit = write("the spec", publish.markdown(), publish.progress());
      }
      // ProgressChanged shows nothing: each question's [n/total] already says where it stands.
    }
    return exit;
  }

  /** The input ended first: what was answered is written as a draft, so that nothing is lost. */
  private int unfinished(Interview interview) {
    printer.say("");
    printer.say("The interview was not finished.");
    Progress progress = machine.progressOf(interview);
    if (progress.answered() == 0) {
      printer.say("Nothing was answered, so nothing was written.");
      return 1;
    }
    write("a draft", machine.render(interview, clock.instant()), progress);
    return 1;
  }

  private int write(String what, String markdown, Progress progress) {
    try {
      Path written = file.write(markdown);
      printer.wrote(what, written, progress);
      return 0;
    } catch (IOException e) {
      err.println("Could not write " + what + " to " + file.wanted() + ": " + reason(e) + ".");
      err.flush();
      printer.say("Here it is, to copy:");
      printer.preview(markdown);
      return 1;
    }
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "its folder does not exist";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage();
  }
}
