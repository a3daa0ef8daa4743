/**
 * The discussion meeting in Slack: the written requests and the buttons and form that schedule,
 * move and cancel it, the invites, and the reminders and nudges the {@link
 * dev.specbot.slack.meetings.ReminderWorker} fires when they are due; and the meeting itself
 * ({@link dev.specbot.slack.meetings.DiscussionDesk}): its agenda as it starts, and the decisions
 * the drafter gives after it ends. The rules (when, to whom, in which hours; what an agenda holds
 * and where decisions go) are the domain's, in {@link dev.specbot.meeting} and {@link
 * dev.specbot.discussion}.
 */
package dev.specbot.slack.meetings;
