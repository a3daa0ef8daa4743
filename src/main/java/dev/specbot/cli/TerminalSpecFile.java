package dev.specbot.cli;

import dev.specbot.template.SpecRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Where the terminal writes a spec: the file asked for, or one named after the title; never over an
 * existing file, which keeps its name and gives the new one a number ({@code name-2.md}).
 */
final class TerminalSpecFile {
  /** Far more than anyone keeps side by side; only a stuck file system gets this far. */
  private static final int MAX_NUMBER = 1000;

  private final Path wanted;

  private TerminalSpecFile(Path wanted) {
    this.wanted = wanted;
  }

  /**
   * The file {@code out} names, relative to {@code workDir} (a folder gets a file named after the
   * title), or without {@code out} a file named after the title in {@code workDir}.
   */
  static TerminalSpecFile of(Optional<String> out, Path workDir, String title) {
    String named = SpecRenderer.fileName(title);
    Path wanted =
        out.map(workDir::resolve)
            .map(path -> Files.isDirectory(path) ? path.resolve(named) : path)
            .orElseGet(() -> workDir.resolve(named));
    return new TerminalSpecFile(wanted);
  }

  /** Writes a new file with the markdown and returns its path: the wanted one or a numbered one. */
  Path write(String markdown) throws IOException {
    for (int number = 1; number <= MAX_NUMBER; number++) {
      Path candidate = numbered(number);
      try {
        // CREATE_NEW rather than a check first: nothing can slip in between check and write.
        Files.writeString(
            candidate, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return candidate;
      } catch (FileAlreadyExistsException e) {
        // Taken: try the next number.
      }
    }
    throw new IOException(
        "it and " + numbered(2).getFileName() + " to " + numbered(MAX_NUMBER) + " all exist");
  }

  private Path numbered(int number) {
    if (number == 1) {
      return wanted;
    }
    String name = wanted.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String numberedName =
        dot > 0 ? name.substring(0, dot) + "-" + number + name.substring(dot) : name + "-" + number;
    return wanted.resolveSibling(numberedName);
  }

  /** The file asked for, before any number is added. */
  Path wanted() {
    return wanted;
  }
}
