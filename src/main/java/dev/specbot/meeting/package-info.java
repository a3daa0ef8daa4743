/**
 * The discussion meeting and the reminders around it, as plain Java: when a meeting is, what a
 * written request for one means, the calendar invite, and when nudges and reminders may arrive
 * (working hours, time zones, limits). Nothing here knows of Slack or SQL.
 */
package dev.specbot.meeting;
