package dev.specbot.storage.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the database file and its folder readable by their owner only: the file holds what people
 * wrote in their drafts.
 */
public final class OwnerOnlyFiles {
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnlyFiles() {}

  /**
   * Creates the file (empty, which SQLite takes for an empty database) and any missing folders
   * above it. Existing files and folders keep the permissions someone chose for them. SQLite gives
   * its -wal and -shm files the database file's permissions, so they are owner-only too.
   */
  public static void createFile(Path file) {
    Path absolute = file.toAbsolutePath();
    boolean posix = absolute.getFileSystem().supportedFileAttributeViews().contains("posix");
    try {
      Path folder = absolute.getParent();
      if (folder != null && !Files.isDirectory(folder)) {
        Files.createDirectories(folder, attributes(posix, FOLDER));
      }
      if (!Files.exists(absolute)) {
        Files.createFile(absolute, attributes(posix, FILE));
      }
    } catch (FileAlreadyExistsException raced) {
      // Another process created it first; it is theirs to have set up.
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the database file " + absolute, e);
    }
  }

  private static FileAttribute<?>[] attributes(
      boolean posix, Set<PosixFilePermission> permissions) {
    return posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
        : new FileAttribute<?>[0];
  }
}
