package dev.specbot.storage.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteUrlTest {

  @Test
  void a_sqlite_url_gets_the_settings_that_let_threads_write_at_once() {
    assertEquals(
        Optional.of(
            new SqliteUrl(
                Path.of("data/specbot.db"),
                "jdbc:sqlite:data/specbot.db?journal_mode=WAL&busy_timeout=5000"
                    + "&synchronous=NORMAL&foreign_keys=true&transaction_mode=IMMEDIATE"
                    + "&cache_size=-32768&jdbc.get_generated_keys=false"
                    + "&wal_autocheckpoint=10000")),
        SqliteUrl.parse("jdbc:sqlite:data/specbot.db"));
  }

  @Test
  void the_driver_applies_the_settings(@TempDir Path folder) throws Exception {
    String url = SqliteUrl.parse("jdbc:sqlite:" + folder.resolve("specbot.db")).orElseThrow().url();
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet cache = statement.executeQuery("PRAGMA cache_size")) {
      assertTrue(cache.next());
      assertEquals(-32768, cache.getInt(1), "a 32 MB page cache");
      try (ResultSet selfCheckpoint = statement.executeQuery("PRAGMA wal_autocheckpoint")) {
        assertTrue(selfCheckpoint.next());
        assertEquals(10_000, selfCheckpoint.getInt(1), "commits checkpoint only far behind");
      }
      assertFalse(
          connection
              .unwrap(org.sqlite.SQLiteConnection.class)
              .getConnectionConfig()
              .isGetGeneratedKeys(),
          "no query for generated keys after each insert");
    }
  }

  @Test
  void a_sqlite_url_with_settings_of_its_own_is_used_as_it_is() {
    String url = "jdbc:sqlite:/srv/specbot/specbot.db?busy_timeout=10000";

    assertEquals(
        Optional.of(new SqliteUrl(Path.of("/srv/specbot/specbot.db"), url)), SqliteUrl.parse(url));
  }

  @Test
  void a_file_scheme_names_the_same_file() {
    assertEquals(
        Path.of("/srv/specbot.db"),
        SqliteUrl.parse("jdbc:sqlite:file:///srv/specbot.db").get().file());
    assertEquals(Path.of("data/x.db"), SqliteUrl.parse("jdbc:sqlite:file:data/x.db").get().file());
  }

  @Test
  void another_databases_url_is_not_sqlites() {
    assertEquals(Optional.empty(), SqliteUrl.parse("jdbc:postgresql://db:5432/specbot?ssl=true"));
  }

  @Test
  void an_in_memory_sqlite_database_is_refused() {
    assertThrows(IllegalArgumentException.class, () -> SqliteUrl.parse("jdbc:sqlite::memory:"));
    assertThrows(IllegalArgumentException.class, () -> SqliteUrl.parse("jdbc:sqlite:"));
    assertThrows(
        IllegalArgumentException.class,
        () -> SqliteUrl.parse("jdbc:sqlite:file:x?mode=memory&cache=shared"));
  }
}
