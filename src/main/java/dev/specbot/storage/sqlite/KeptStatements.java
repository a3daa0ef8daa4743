package dev.specbot.storage.sqlite;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite's prepared statements, kept on their connection and used again for the same SQL, as Jdbi
 * would otherwise prepare every statement anew: SQLite then parses and plans it each time, about a
 * seventh of the one writer's time in the load benchmark's profile. PostgreSQL's driver keeps its
 * own server-side statements, so this is SQLite's alone.
 *
 * <p>A statement is taken out while it runs and given back when Jdbi closes it; the same SQL run
 * again before that (a query inside another's mapping) gets a statement of its own. A statement
 * given back has been reset by sqlite-jdbc (an update when it ends, a query when Jdbi closes its
 * result set), so a kept one never holds a reader's snapshot open. Kept on the raw connection, not
 * the pool's wrapper, which closes what was prepared through it whenever the connection goes back.
 */
public final class KeptStatements implements StatementBuilderFactory {
  private static final Logger log = LoggerFactory.getLogger(KeptStatements.class);

  /**
   * Per connection: several times the bot's distinct statements (about 120 in its code, a list's
   * every length a statement of its own), the least recently used closed beyond it.
   */
  static final int MOST_KEPT = 512;

  private final Map<Connection, Kept> byConnection = new ConcurrentHashMap<>();

  @Override
  public StatementBuilder createStatementBuilder(Connection connection) {
    Connection raw = raw(connection);
    // The pool closes its connections now and then; their statements went with them.
    byConnection.keySet().removeIf(KeptStatements::isClosed);
    return new Builder(byConnection.computeIfAbsent(raw, Kept::new));
  }

  /** How many statements wait on {@code connection}'s raw connection, for tests. */
  int keptOn(Connection connection) {
    Kept kept = byConnection.get(raw(connection));
    return kept == null ? 0 : kept.idleCount();
  }

  private static Connection raw(Connection connection) {
    try {
      return connection.unwrap(org.sqlite.SQLiteConnection.class);
    } catch (SQLException notSqlite) {
      throw new IllegalArgumentException("not a SQLite connection", notSqlite);
    }
  }

  private static boolean isClosed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** One handle's builder: prepared statements from its connection's kept ones. */
  private static final class Builder implements StatementBuilder {
    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Kept kept;

    Builder(Kept kept) {
      this.kept = kept;
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
      return plain.create(connection, context);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context)
        throws SQLException {
      if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
        return plain.create(connection, sql, context);
      }
      return kept.take(sql);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context)
        throws SQLException {
      return plain.createCall(connection, sql, context);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
      if (!(statement instanceof PreparedStatement prepared) || !kept.giveBack(prepared)) {
        plain.close(connection, sql, statement);
      }
    }
  }

  /** One raw connection's statements: those waiting to be used again, and those out. */
  private static final class Kept {
    private final Connection raw;

    /** Each statement out, with the SQL it was prepared for (Jdbi closes it with its source). */
    private final IdentityHashMap<PreparedStatement, String> out = new IdentityHashMap<>();

    private final Map<String, PreparedStatement> idle =
        new LinkedHashMap<>(64, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MOST_KEPT) {
              return false;
            }
            closeQuietly(eldest.getValue());
            return true;
          }
        };

    Kept(Connection raw) {
      this.raw = raw;
    }

    /** A connection serves one thread at a time; the lock only makes the hand-over visible. */
    synchronized PreparedStatement take(String sql) throws SQLException {
      PreparedStatement statement = idle.remove(sql);
      if (statement == null || statement.isClosed()) {
        statement = raw.prepareStatement(sql);
      }
      out.put(statement, sql);
      return statement;
    }

    /** False for a statement not taken here, which the caller closes as usual. */
    synchronized boolean giveBack(PreparedStatement statement) throws SQLException {
      String sql = out.remove(statement);
      if (sql == null) {
        return false;
      }
      if (statement.isClosed()) {
        return true;
      }
      statement.clearParameters();
      PreparedStatement before = idle.put(sql, statement);
      if (before != null) {
        closeQuietly(before); // The same SQL was out twice at once: one of them is enough.
      }
      return true;
    }

    synchronized int idleCount() {
      return idle.size();
    }

    private static void closeQuietly(PreparedStatement statement) {
      try {
        statement.close();
      } catch (SQLException e) {
        log.warn("Could not close a kept SQLite statement: {}", e.toString());
      }
    }
  }
}
