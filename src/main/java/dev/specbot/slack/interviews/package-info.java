/**
 * The interview in Slack: starting one, each reply, button, edit and deletion in its thread, and
 * catching up on replies written while the bot was away. Each runs the domain's {@link
 * dev.specbot.interview.InterviewMachine} between two short transactions ({@link
 * dev.specbot.storage.Optimistic}) and queues what the bot says in the outbox. When the interview
 * is over, its thread passes to the stage after it ({@code meetings}).
 */
package dev.specbot.slack.interviews;
