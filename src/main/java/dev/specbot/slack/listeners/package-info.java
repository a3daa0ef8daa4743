/**
 * The Bolt app: one listener per Slack surface (the {@code /spec} command, thread messages and
 * their edits, buttons, forms). A listener reads what Slack sent, hands it to the room that owns it
 * ({@code interviews}, {@code meetings}) and acknowledges within Slack's 3 seconds; it holds no
 * state and writes nothing itself.
 */
package dev.specbot.slack.listeners;
