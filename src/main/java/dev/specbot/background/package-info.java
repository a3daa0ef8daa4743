/**
 * What the bot's background workers share: named daemon threads, and a signal that wakes a worker
 * when there is work instead of leaving it to its next poll.
 */
package dev.specbot.background;
