/**
 * Stage: the Home tab. {@link dev.specbot.slack.home.HomeView} turns what one person's home shows
 * (read by {@code storage.Home}) into the Block Kit view {@code views.publish} sends, within
 * Slack's limits however many specs they have; {@link dev.specbot.slack.home.HomeDesk} records that
 * the tab was opened and queues the home. {@code slack.outbox} publishes it (its {@code
 * HomeSender}, given the view by {@code SlackBot}) and queues it again when a spec of the person's
 * changes (its {@code HomeLanes}).
 */
package dev.specbot.slack.home;
