package dev.specbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.specbot.storage.sqlite.OwnerOnlyFiles;
import dev.specbot.storage.sqlite.SqliteUrl;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.jdbi.v3.core.Jdbi;

/** The bot's database: opened and migrated once, then used one transaction at a time. */
public final class Database implements AutoCloseable {
  /**
   * SQLite has one writer at a time, and every transaction here begins IMMEDIATE, so a second
   * connection could only wait for the lock inside SQLite, whose busy handler polls and lets
   * newcomers overtake. Worse, sqlite-jdbc's commit() begins the next transaction at once: a commit
   * that waits out busy_timeout there reports SQLITE_BUSY for work that was in fact committed. One
   * connection makes threads queue in the pool instead, each in turn; busy_timeout is left for
   * other processes on the file.
   */
  private static final int SQLITE_CONNECTIONS = 1;

  private final HikariDataSource pool;
  private final Flyway flyway;
  private final Jdbi jdbi;
  private volatile boolean migrated;

  /**
   * SQLite's one connection, taken in turn, first come first served. The pool alone lets a thread
   * that just arrived take the connection from one that has been waiting, and under load a few
   * requests then wait many times longer than the rest (the load benchmark's p99 ack halved with
   * this). Other databases run several transactions at once, and are left to their pool.
   */
  private final Optional<Semaphore> turn;

  private Database(HikariDataSource pool, Flyway flyway, Optional<Semaphore> turn) {
    this.pool = pool;
    this.flyway = flyway;
    this.turn = turn;
    this.jdbi = Jdbi.create(pool);
  }

  /**
   * Opens (creating the SQLite file's folder, readable by the owner only where the filesystem
   * supports POSIX permissions) and migrates.
   *
   * @param jdbcUrl e.g. {@code jdbc:sqlite:data/specbot.db}; a SQLite URL without query parameters
   *     gets the settings that let several threads write at once, any other URL is used as it is
   */
  public static Database open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "null jdbcUrl");
    Optional<SqliteUrl> sqlite = SqliteUrl.parse(jdbcUrl);
    sqlite.ifPresent(url -> OwnerOnlyFiles.createFile(url.file()));
    HikariConfig config = new HikariConfig();
    config.setPoolName("specbot-db");
    config.setJdbcUrl(sqlite.map(SqliteUrl::url).orElse(jdbcUrl));
    if (sqlite.isPresent()) {
      config.setMaximumPoolSize(SQLITE_CONNECTIONS);
    }
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway flyway =
          Flyway.configure().dataSource(pool).locations("classpath:db/migration").load();
      flyway.migrate();
      return new Database(pool, flyway, sqlite.map(url -> new Semaphore(SQLITE_CONNECTIONS, true)));
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(Work<T> work) {
    Objects.requireNonNull(work, "null work");
    turn.ifPresent(Semaphore::acquireUninterruptibly);
    try {
      return jdbi.inTransaction(handle -> work.run(new Tx(handle)));
    } finally {
      turn.ifPresent(Semaphore::release);
    }
  }

  /**
   * Whether every migration the bot knows of has been applied. Asked on every health check, so the
   * answer is kept once it is yes: migrations are never taken back.
   */
  public boolean isMigrated() {
    if (!migrated) {
      MigrationInfoService info = flyway.info();
      migrated = info.current() != null && info.pending().length == 0;
    }
    return migrated;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx);
  }
}
