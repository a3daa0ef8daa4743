package dev.specbot.storage.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Hands sqlite-jdbc its native library ready to load, to save start-up time.
 *
 * <p>Left to itself, the driver copies the library out of its jar on every start and then reads the
 * copy back byte by byte against the jar's, which in a JVM that has just started costs about 120 ms
 * (a tenth of the time to open the database, on the start-up's critical path). Here it is copied
 * with one bulk copy into a fresh folder only its owner can open, where nobody else can have put
 * another file, the driver is pointed at it and loads it, and the copy is deleted.
 *
 * <p>Anything unusual (an operator who set {@code org.sqlite.lib.path}, no library for this
 * platform in the jar, a temporary folder that refuses) leaves the driver to do as it always does.
 */
public final class NativeLibrary {
  private static final Logger log = LoggerFactory.getLogger(NativeLibrary.class);
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private static boolean tried;

  private NativeLibrary() {}

  /** Loads the library the quick way, once per JVM; the driver's own way if that fails. */
  public static synchronized void load() {
    if (tried || System.getProperty(PATH) != null) {
      return;
    }
    tried = true;
    String name = LibraryLoaderUtil.getNativeLibName();
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    Path folder = null;
    try (InputStream library = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (library == null) {
        return;
      }
      // A new folder with a random name, readable by its owner only (on POSIX systems).
      folder = Files.createTempDirectory("specbot-sqlite-");
      Files.copy(library, folder.resolve(name));
      System.setProperty(PATH, folder.toString());
      System.setProperty(NAME, name);
      SQLiteJDBCLoader.initialize();
    } catch (Exception e) {
      log.debug("sqlite-jdbc will extract its own native library: {}", e.toString());
    } finally {
      System.clearProperty(PATH);
      System.clearProperty(NAME);
      if (folder != null) {
        delete(folder);
      }
    }
  }

  /** Deletes the copy: a loaded library stays mapped without its file. */
  private static void delete(Path folder) {
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
      Files.delete(folder);
    } catch (IOException e) {
      // Windows keeps a loaded library's file: it goes when the JVM exits.
      folder.toFile().deleteOnExit();
      try (var files = Files.list(folder)) {
        files.forEach(file -> file.toFile().deleteOnExit());
      } catch (IOException ignored) {
        // Then it stays in the temporary folder, as the driver's own copies do.
      }
    }
  }
}
