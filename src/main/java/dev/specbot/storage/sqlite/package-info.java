/**
 * What only SQLite needs: reading a {@code jdbc:sqlite:} URL into its file and the settings that
 * keep concurrent writers apart, creating that file so that only its owner can read it, loading the
 * driver's native library, and the one {@link dev.specbot.storage.sqlite.Writer} that runs every
 * write transaction in turn, {@link dev.specbot.storage.sqlite.Checkpoints}, which copies the
 * write-ahead log into the file beside it, and {@link dev.specbot.storage.sqlite.KeptStatements},
 * which prepares each statement once per connection. The stores' SQL stays portable and lives in
 * {@link dev.specbot.storage}.
 */
package dev.specbot.storage.sqlite;
