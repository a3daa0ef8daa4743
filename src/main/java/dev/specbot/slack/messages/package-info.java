/**
 * What every stage's messages are built of: a {@link dev.specbot.slack.messages.Message} (its text
 * and its Block Kit blocks, escaped alike), the parent message each stage adds a line to, and the
 * ids of every button and form the listeners route on. Each stage words its own messages in its
 * room.
 */
package dev.specbot.slack.messages;
