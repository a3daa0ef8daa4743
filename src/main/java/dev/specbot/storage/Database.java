package dev.specbot.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.specbot.storage.sqlite.Checkpoints;
import dev.specbot.storage.sqlite.KeptStatements;
import dev.specbot.storage.sqlite.NativeLibrary;
import dev.specbot.storage.sqlite.OwnerOnlyFiles;
import dev.specbot.storage.sqlite.SqliteUrl;
import dev.specbot.storage.sqlite.Writer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** The bot's database: opened and migrated once, then used one transaction at a time. */
public final class Database implements AutoCloseable {
  /**
   * SQLite has one writer at a time, and every transaction here begins IMMEDIATE, so a second
   * connection could only wait for the lock inside SQLite, whose busy handler polls and lets
   * newcomers overtake. Worse, sqlite-jdbc's commit() begins the next transaction at once: a commit
   * that waits out busy_timeout there reports SQLITE_BUSY for work that was in fact committed. One
   * connection, used by one thread (the {@link Writer}), makes transactions queue in the bot
   * instead, each in turn; busy_timeout is left for other processes on the file.
   */
  private static final int SQLITE_CONNECTIONS = 1;

  /**
   * PostgreSQL runs transactions side by side; a request, the outbox's dispatcher and its senders'
   * records each hold one for milliseconds, so a few connections per instance serve many users.
   */
  private static final int POSTGRES_CONNECTIONS = 10;

  /**
   * SQLite's readers, beside its one writer: in WAL mode a reader sees the last commit and neither
   * waits for the writer nor holds it up. Two, as the bot's own threads rarely read more at once.
   */
  private static final int SQLITE_READERS = 2;

  private final HikariDataSource pool;
  private final Jdbi jdbi;

  /** SQLite's readers (see {@link #read}); other databases read on {@link #pool}. */
  private final Optional<HikariDataSource> readerPool;

  private final Jdbi readers;

  /**
   * SQLite's readers, taken in turn, first come first served: the pool alone lets a thread that
   * just arrived take a connection from one that has been waiting, and under load a few requests
   * then wait many times longer than the rest.
   */
  private final Semaphore readerTurn = new Semaphore(SQLITE_READERS, true);

  /**
   * SQLite's one writer, a thread that runs the transactions in turn, first come first served, and
   * several in one commit (see {@link Writer}). Other databases run several transactions at once,
   * and are left to their pool.
   */
  private final Optional<Writer> writer;

  /** SQLite's write-ahead log copied into its file beside the writer, not by its commits. */
  private final Optional<Checkpoints> checkpoints;

  private final Dialect dialect;

  private Database(
      HikariDataSource pool,
      Optional<HikariDataSource> readerPool,
      Optional<Checkpoints> checkpoints,
      Dialect dialect) {
    this.pool = pool;
    this.readerPool = readerPool;
    this.checkpoints = checkpoints;
    this.dialect = dialect;
    this.jdbi = keptStatements(Jdbi.create(pool), dialect);
    this.readers =
        readerPool
            .map(readerSource -> keptStatements(Jdbi.create(readerSource), dialect))
            .orElse(jdbi);
    this.writer = checkpoints.map(afterCommit -> new Writer(jdbi, afterCommit::wake));
  }

  /** SQLite prepares each statement once per connection (see {@link KeptStatements}). */
  private static Jdbi keptStatements(Jdbi jdbi, Dialect dialect) {
    return dialect == Dialect.SQLITE ? jdbi.setStatementBuilderFactory(new KeptStatements()) : jdbi;
  }

  /**
   * Opens (creating the SQLite file's folder, readable by the owner only where the filesystem
   * supports POSIX permissions) and migrates.
   *
   * @param jdbcUrl e.g. {@code jdbc:sqlite:data/specbot.db} or {@code
   *     jdbc:postgresql://db:5432/specbot?user=specbot&password=...}; a SQLite URL without query
   *     parameters gets the settings that let several threads write at once
   */
  public static Database open(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "null jdbcUrl");
    Dialect dialect = Dialect.of(jdbcUrl);
    Optional<SqliteUrl> sqlite = SqliteUrl.parse(jdbcUrl);
    sqlite.ifPresent(url -> OwnerOnlyFiles.createFile(url.file()));
    sqlite.ifPresent(url -> NativeLibrary.load());
    HikariConfig config = new HikariConfig();
    config.setPoolName("specbot-db");
    config.setJdbcUrl(sqlite.map(SqliteUrl::url).orElse(jdbcUrl));
    config.setMaximumPoolSize(
        dialect == Dialect.SQLITE ? SQLITE_CONNECTIONS : POSTGRES_CONNECTIONS);
    HikariDataSource pool = new HikariDataSource(config);
    try {
      Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      return new Database(
          pool,
          sqlite.map(Database::readers),
          sqlite.map(url -> new Checkpoints(url.url())),
          dialect);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Opened after the migration, so that they never see the file before it has its tables. */
  private static HikariDataSource readers(SqliteUrl url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("specbot-db-readers");
    config.setJdbcUrl(url.readerUrl());
    config.setMaximumPoolSize(SQLITE_READERS);
    config.setConnectionInitSql("PRAGMA query_only = true");
    return new HikariDataSource(config);
  }

  /**
   * Runs the work in one transaction: committed when it returns, rolled back when it throws. The
   * work sees the database as if it ran alone: on SQLite it does (one writer at a time); on
   * PostgreSQL it runs SERIALIZABLE, and is run again when PostgreSQL finds that a transaction
   * beside it made that untrue, so the stores' read-then-write steps hold with several instances on
   * one database. The work must therefore do nothing but database work.
   */
  public <T> T transaction(Work<T> work) {
    return run(work, TransactionIsolationLevel.SERIALIZABLE);
  }

  /**
   * Runs work whose every write is a conditional update that decides alone (a claim, a mark): on
   * PostgreSQL at READ COMMITTED, where such an update waits for a row another transaction holds
   * and then re-reads it, so two instances' dispatchers never abort each other; elsewhere as {@link
   * #transaction}.
   */
  public <T> T claiming(Work<T> work) {
    return run(work, TransactionIsolationLevel.READ_COMMITTED);
  }

  /**
   * Runs a write of a statement or two that a request waits on before Slack hears back (a reply
   * recorded in the inbox): on SQLite ahead of the writes queued, so that it does not wait for a
   * wave of others' commits; elsewhere as {@link #claiming}, so its writes must decide alone.
   */
  public <T> T ahead(Work<T> work) {
    Objects.requireNonNull(work, "null work");
    if (writer.isPresent()) {
      return writer.get().runAhead(handle -> work.run(new Tx(handle, dialect)));
    }
    return claiming(work);
  }

  /**
   * Runs work that only reads, in one transaction that sees the database as of its first read. On
   * SQLite it runs on a reader connection, beside the writer; a write there fails. Elsewhere as
   * {@link #transaction}. For reads whose result is checked again before anything is written from
   * it, as {@link Optimistic} does with the interview's version.
   */
  public <T> T read(Work<T> work) {
    Objects.requireNonNull(work, "null work");
    if (readerPool.isEmpty()) {
      return transaction(work);
    }
    readerTurn.acquireUninterruptibly();
    try {
      return readers.inTransaction(handle -> work.run(new Tx(handle, dialect)));
    } finally {
      readerTurn.release();
    }
  }

  private <T> T run(Work<T> work, TransactionIsolationLevel isolation) {
    Objects.requireNonNull(work, "null work");
    if (writer.isPresent()) {
      return writer.get().run(handle -> work.run(new Tx(handle, dialect)));
    }
    return Retries.run(
        () -> jdbi.inTransaction(isolation, handle -> work.run(new Tx(handle, dialect))));
  }

  /** Which database this is, for the few places where each does things its own way. */
  public Dialect dialect() {
    return dialect;
  }

  @Override
  public void close() {
    writer.ifPresent(Writer::close);
    checkpoints.ifPresent(Checkpoints::close);
    readerPool.ifPresent(HikariDataSource::close);
    pool.close();
  }

  /** Work done in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Tx tx);
  }
}
