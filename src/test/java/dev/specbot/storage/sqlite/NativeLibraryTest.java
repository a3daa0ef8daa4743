package dev.specbot.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.specbot.storage.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's native library is loaded from the quick copy, which is then gone. In a JVM of its own:
 * the driver loads its library once per JVM, and this one's has long been loaded by other tests.
 */
class NativeLibraryTest {
  @TempDir Path folder;

  @Test
  void the_database_opens_with_the_library_copied_once_and_nothing_left_behind() throws Exception {
    Path temporary = Files.createDirectories(folder.resolve("tmp"));
    Path data = Files.createDirectories(folder.resolve("data"));
    Process probe =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-Djava.io.tmpdir=" + temporary,
                "-cp",
                System.getProperty("java.class.path"),
                Probe.class.getName(),
                data.resolve("specbot.db").toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("probe.log").toFile())
            .start();

    assertEquals(true, probe.waitFor(60, TimeUnit.SECONDS), "the probe finished");
    String log = Files.readString(folder.resolve("probe.log"), StandardCharsets.UTF_8);
    assertEquals(0, probe.exitValue(), log);
    // The driver's own way leaves sqlite-VERSION-UUID-libsqlitejdbc.so (and its .lck) here.
    assertEquals(
        List.of("opened; library path none; temporary folder: []"),
        log.lines().filter(line -> line.contains("opened;")).toList(),
        log);
  }

  /** Opens a database and says what the temporary folder holds while the JVM still runs. */
  static final class Probe {
    public static void main(String[] args) throws IOException {
      try (Database database = Database.open("jdbc:sqlite:" + args[0]);
          Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
        boolean opened = database.transaction(tx -> tx.interviews().find("none")).isEmpty();
        List<String> names = left.map(path -> path.getFileName().toString()).sorted().toList();
        System.out.println(
            (opened ? "opened" : "not opened")
                + "; library path "
                + System.getProperty("org.sqlite.lib.path", "none")
                + "; temporary folder: "
                + names);
      }
    }
  }
}
