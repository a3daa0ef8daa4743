/**
 * Storage: interviews, meetings, reviews, the outbox of messages to Slack and the events already
 * handled, kept in SQLite (or PostgreSQL) through Jdbi, with the schema migrated by Flyway from
 * {@code db/migration}.
 *
 * <p>The only package that knows of SQL. {@link dev.specbot.storage.Database} opens and migrates a
 * database and runs work in one transaction; the {@link dev.specbot.storage.Tx} it hands over gives
 * the stores bound to that transaction's handle. SQL stays portable between SQLite and PostgreSQL
 * and sits as text blocks beside the method that runs it, through Jdbi's fluent API ({@code
 * handle.createQuery}): SqlObject proxies cost milliseconds to attach to each transaction's handle.
 *
 * <p>{@link dev.specbot.storage.Optimistic} runs work on one interview as a read, a computation
 * with no transaction open, and a write taken only if the interview is unchanged. What only SQLite
 * needs (its URL's settings, a file only its owner can read) is in {@code storage.sqlite}.
 */
package dev.specbot.storage;
