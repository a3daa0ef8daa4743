package dev.specbot.storage.sqlite;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code jdbc:sqlite:} URL read: the database file it names and the URL to connect with.
 *
 * @param file the database file, as the URL names it (relative to the working folder or absolute)
 * @param url the URL with the settings that keep concurrent writers apart, unless it had its own
 */
public record SqliteUrl(Path file, String url) {
  private static final String PREFIX = "jdbc:sqlite:";

  /**
   * How long the write-ahead log may grow (40 MB of 4 kB pages) before a commit checkpoints it
   * itself: only should {@link Checkpoints}, which does it beside the writer, fall that far behind.
   */
  static final int SELF_CHECKPOINT_PAGES = 10_000;

  /**
   * Without WAL readers and the writer block each other; without IMMEDIATE a transaction that reads
   * then writes fails with SQLITE_BUSY instead of waiting out busy_timeout, and nothing retries it.
   * SQLite's default page cache, 2 MB, no longer holds the indexes once a team has thousands of
   * finished interviews: with 10,000 of them (interviews and answers alone) the load benchmark's
   * answers slowed by a fifth on the default and not measurably on 32 MB. With their whole trail (a
   * 300 MB file) they still slow by about a tenth; 128 MB did no better within the noise. The bot's
   * keys are its own (no rowids read back), so sqlite-jdbc is told not to prepare and run a query
   * for the generated keys after every insert.
   */
  static final String SETTINGS =
      "journal_mode=WAL&busy_timeout=5000&synchronous=NORMAL&foreign_keys=true"
          + "&transaction_mode=IMMEDIATE&cache_size=-32768&jdbc.get_generated_keys=false"
          + "&wal_autocheckpoint="
          + SELF_CHECKPOINT_PAGES;

  /**
   * For connections that only read: WAL lets them read a committed snapshot while the writer
   * writes, so a request's read phase never queues behind another's write. DEFERRED, because
   * IMMEDIATE would take the write lock; query_only (set on each connection by the pool) turns a
   * write slipped into a read into an error instead of a second writer.
   */
  static final String READER_SETTINGS =
      "busy_timeout=5000&foreign_keys=true&transaction_mode=DEFERRED&cache_size=-32768";

  public SqliteUrl {
    Objects.requireNonNull(file, "null file");
    Objects.requireNonNull(url, "null url");
  }

  /** The URL for connections that only read the same file (see {@link #READER_SETTINGS}). */
  public String readerUrl() {
    return PREFIX + file + "?" + READER_SETTINGS;
  }

  /** The SQLite file and URL, or empty when the URL is another database's. */
  public static Optional<SqliteUrl> parse(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "null jdbcUrl");
    if (!jdbcUrl.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String location = query < 0 ? rest : rest.substring(0, query);
    String parameters = query < 0 ? "" : rest.substring(query + 1);
    if (isInMemory(location, parameters)) {
      // Each pooled connection would see a database of its own, and a restart would lose them all.
      throw new IllegalArgumentException(
          "an in-memory SQLite database cannot hold the bot's state; name a file, e.g."
              + " jdbc:sqlite:data/specbot.db (got "
              + jdbcUrl
              + ")");
    }
    String url = query < 0 ? jdbcUrl + "?" + SETTINGS : jdbcUrl;
    return Optional.of(new SqliteUrl(Path.of(withoutFileScheme(location)), url));
  }

  private static boolean isInMemory(String location, String parameters) {
    return location.isEmpty()
        || location.equals(":memory:")
        || location.startsWith("file::memory:")
        || parameters.contains("mode=memory");
  }

  /**
   * {@code file:data/x.db} and {@code file:///srv/x.db} name the same files as without the scheme.
   */
  private static String withoutFileScheme(String location) {
    if (!location.startsWith("file:")) {
      return location;
    }
    String path = location.substring("file:".length());
    return path.startsWith("///") ? path.substring(2) : path;
  }
}
