/**
 * What only SQLite needs: reading a {@code jdbc:sqlite:} URL into its file and the settings that
 * keep concurrent writers apart, and creating that file so that only its owner can read it. The
 * stores' SQL stays portable and lives in {@link dev.specbot.storage}.
 */
package dev.specbot.storage.sqlite;
