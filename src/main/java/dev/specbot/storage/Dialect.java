package dev.specbot.storage;

import java.util.Objects;

/** The databases specbot runs on; the SQL is the same on both except where each is better. */
public enum Dialect {
  /** One file, nothing to install: one instance's default. */
  SQLITE,
  /** One database for several instances. */
  POSTGRESQL;

  /** The database a JDBC URL names, or a plain error naming the two that work. */
  public static Dialect of(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "null jdbcUrl");
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    // Only the URL's scheme is named: the rest may hold a password.
    int schemeEnd = jdbcUrl.indexOf(':', jdbcUrl.indexOf(':') + 1);
    String scheme = schemeEnd < 0 ? "an unknown scheme" : jdbcUrl.substring(0, schemeEnd + 1);
    throw new IllegalArgumentException(
        "DATABASE_URL must be jdbc:sqlite:FILE or jdbc:postgresql://HOST/DATABASE, not "
            + scheme
            + "...");
  }
}
