/**
 * The Home tab: {@link dev.specbot.slack.home.HomeView} turns what one person's home shows (read by
 * {@code storage.Home}) into the Block Kit view {@code views.publish} sends, within Slack's limits
 * however many specs they have; {@link dev.specbot.slack.home.HomeDesk} says whose home a change to
 * a spec refreshes. Plain rendering and reading: {@code slack.outbox}'s {@code HomeSender}
 * publishes it, and the listeners queue it when the tab is opened.
 */
package dev.specbot.slack.home;
