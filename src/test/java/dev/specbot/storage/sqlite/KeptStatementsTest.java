package dev.specbot.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Through a pool as the bot's, which closes what was prepared through it on each return. */
class KeptStatementsTest {
  private static final String FIND = "SELECT word FROM said WHERE n = :n";

  @TempDir Path folder;

  private final KeptStatements kept = new KeptStatements();
  private final List<PreparedStatement> ran = new ArrayList<>();
  private HikariDataSource pool;
  private HikariDataSource otherPool;
  private Jdbi jdbi;
  private int keptBefore;

  @BeforeEach
  void open() {
    String url = "jdbc:sqlite:" + folder.resolve("k.db") + "?journal_mode=WAL";
    pool = pool(url);
    otherPool = pool(url);
    jdbi = Jdbi.create(pool).setStatementBuilderFactory(kept);
    jdbi.addCustomizer(
        new StatementCustomizer() {
          @Override
          public void beforeExecution(PreparedStatement statement, StatementContext context) {
            ran.add(statement);
          }
        });
    jdbi.useHandle(
        handle -> {
          handle.execute("CREATE TABLE said (n INTEGER PRIMARY KEY, word TEXT NOT NULL)");
          handle.execute("INSERT INTO said VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        });
    ran.clear();
    keptBefore = keptNow(); // The two statements above.
  }

  @AfterEach
  void close() {
    otherPool.close();
    pool.close();
  }

  @Test
  void the_same_sql_on_another_handle_runs_on_the_same_statement_with_its_own_values() {
    assertEquals("one", find(1));
    assertEquals("two", find(2));

    assertEquals(2, ran.size());
    assertSame(ran.get(0), ran.get(1));
    assertEquals(keptBefore + 1, keptNow());
  }

  @Test
  void the_same_sql_run_inside_its_own_mapping_gets_a_statement_of_its_own() {
    List<String> pairs =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(FIND)
                    .bind("n", 1)
                    .map((rows, context) -> rows.getString(1) + "+" + find(handle, 2))
                    .list());

    assertEquals(List.of("one+two"), pairs);
    assertNotSame(ran.get(0), ran.get(1));
    assertEquals(keptBefore + 1, keptNow());
  }

  @Test
  void a_query_read_only_in_part_leaves_no_snapshot_behind() {
    Optional<String> first =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("SELECT word FROM said ORDER BY n")
                    .mapTo(String.class)
                    .findFirst());
    assertEquals(Optional.of("one"), first);

    Jdbi other = Jdbi.create(otherPool);
    other.useHandle(handle -> handle.execute("INSERT INTO said VALUES (4, 'four')"));

    assertEquals("four", find(4)); // A statement left stepping would keep the old snapshot.
    int busy =
        other.withHandle(
            handle ->
                handle
                    .createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                    .map((rows, context) -> rows.getInt(1))
                    .one());
    assertEquals(0, busy); // Nothing on the kept connection holds the log.
  }

  @Test
  void a_statement_that_failed_is_used_again() {
    String insert = "INSERT INTO said VALUES (:n, :word)";
    assertThrows(
        UnableToExecuteStatementException.class,
        () -> jdbi.useHandle(h -> h.createUpdate(insert).bind("n", 1).bind("word", "x").execute()));
    jdbi.useHandle(h -> h.createUpdate(insert).bind("n", 5).bind("word", "five").execute());

    assertEquals("five", find(5));
    assertSame(ran.get(0), ran.get(1));
  }

  @Test
  void beyond_the_most_kept_the_least_recently_used_are_closed() {
    jdbi.useHandle(
        handle -> {
          for (int i = 0; i < KeptStatements.MOST_KEPT + 10; i++) {
            handle.createQuery("SELECT " + i).mapTo(Integer.class).one();
          }
        });

    assertEquals(KeptStatements.MOST_KEPT, keptNow());
    assertEquals(10, ran.stream().filter(KeptStatementsTest::isClosed).count());
  }

  private String find(int n) {
    return jdbi.withHandle(handle -> find(handle, n));
  }

  private static String find(Handle handle, int n) {
    return handle.createQuery(FIND).bind("n", n).mapTo(String.class).one();
  }

  private int keptNow() {
    return jdbi.withHandle(handle -> kept.keptOn(handle.getConnection()));
  }

  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(1);
    return new HikariDataSource(config);
  }

  private static boolean isClosed(PreparedStatement statement) {
    try {
      return statement.isClosed();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
