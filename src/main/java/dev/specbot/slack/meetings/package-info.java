/**
 * The discussion meeting in Slack: the written requests and the buttons and form that schedule,
 * move and cancel it, the invites, and the reminders and nudges the {@link
 * dev.specbot.slack.meetings.ReminderWorker} fires when they are due. The rules (when, to whom, in
 * which hours) are the domain's, in {@link dev.specbot.meeting}.
 */
package dev.specbot.slack.meetings;
