/**
 * How Slack reaches the bot over Socket Mode, beside {@code slack.http}: a WebSocket the bot opens
 * with the app-level token ({@code xapp-}), carrying the same requests (commands, events, buttons,
 * forms) to the same Bolt app, so no public address is needed. {@link
 * dev.specbot.slack.socket.SocketMode} keeps one connection up: it opens the next before letting
 * the last go when Slack asks it to refresh, reconnects with backoff when one drops, and has a
 * command or an interaction that Slack sends again handled once.
 */
package dev.specbot.slack.socket;
