package dev.specbot.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time a JVM's JIT compiler threads have used, read from Linux's /proc: how the benchmark tells
 * that a process has compiled its hot paths and settled.
 */
final class JitActivity {
  /** Linux reports thread CPU in clock ticks, 100 a second on every common kernel. */
  private static final long TICKS_PER_SECOND = 100;

  private final long pid;

  JitActivity(long pid) {
    this.pid = pid;
  }

  /** The compiler threads' CPU time so far. */
  Duration compilerTime() throws IOException {
    long ticks = 0;
    try (DirectoryStream<Path> threads =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads) {
        ticks += compilerTicks(thread);
      }
    }
    return Duration.ofMillis(ticks * 1000 / TICKS_PER_SECOND);
  }

  private static long compilerTicks(Path thread) throws IOException {
    try {
      // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread1"...
      if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
        return 0;
      }
      String stat = Files.readString(thread.resolve("stat"));
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (NoSuchFileException threadEnded) {
      return 0;
    }
  }
}
