package dev.specbot.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the tests run on: a SQLite file by default, or a fresh database on a real PostgreSQL
 * that this JVM starts once (zonky's binaries from Maven Central, nothing installed) when the
 * system property {@code specbot.test.database} is {@code postgresql}. Maven's build runs the
 * storage and end-to-end tests once with each, so one suite covers both databases.
 */
public final class TestDatabases {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Map<Path, String> BY_FILE = new ConcurrentHashMap<>();

  private TestDatabases() {}

  /** Whether this run is the PostgreSQL one. */
  public static boolean postgres() {
    return "postgresql".equals(System.getProperty("specbot.test.database", "sqlite"));
  }

  /**
   * The URL of the database a test keeps in {@code file}: that SQLite file, or in a PostgreSQL run
   * a database of its own, the same one every time the test names that file (reopened after a
   * restart, or by a second bot).
   */
  public static String urlFor(Path file) {
    return postgres()
        ? BY_FILE.computeIfAbsent(file.toAbsolutePath().normalize(), unused -> freshPostgres())
        : "jdbc:sqlite:" + file;
  }

  /** A connection of its own to the database at {@code url}, as an operator's shell would open. */
  public static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** A new PostgreSQL database on the shared server, and the URL (with credentials) to reach it. */
  public static String freshPostgres() {
    String name = "specbot_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    EmbeddedPostgres server = Server.INSTANCE;
    try (Connection admin = server.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    return server.getJdbcUrl("postgres", name) + "&password=postgres";
  }

  /** Started on first use, stopped when the JVM exits. */
  private static final class Server {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server =
            EmbeddedPostgres.builder()
                // Enough for several bots at once, each with its pool.
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(server)));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the test PostgreSQL", e);
      }
    }

    private static void close(EmbeddedPostgres server) {
      try {
        server.close();
      } catch (IOException e) {
        // The JVM is exiting; zonky's own cleanup removes the data folder next time.
      }
    }
  }
}
