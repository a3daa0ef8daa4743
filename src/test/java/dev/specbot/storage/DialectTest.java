package dev.specbot.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DialectTest {
  @Test
  void sqlite_and_postgresql_urls_name_their_database() {
    assertEquals(Dialect.SQLITE, Dialect.of("jdbc:sqlite:data/specbot.db"));
    assertEquals(Dialect.POSTGRESQL, Dialect.of("jdbc:postgresql://db/specbot?user=a"));
  }

  @Test
  void another_database_is_refused_naming_its_scheme_but_never_its_password() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> Dialect.of("jdbc:mysql://db/specbot?user=bot&password=hunter2"));

    assertTrue(refused.getMessage().contains("not jdbc:mysql:..."), refused.getMessage());
    assertFalse(refused.getMessage().contains("hunter2"), refused.getMessage());
  }

  @Test
  void a_url_without_a_scheme_is_refused_too() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Dialect.of("specbot.db"));

    assertTrue(refused.getMessage().contains("an unknown scheme"), refused.getMessage());
  }
}
