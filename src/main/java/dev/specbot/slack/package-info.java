/**
 * The Slack front end: a Bolt app served by Jetty that runs interviews in threads. Handlers store
 * what came in and return within Slack's 3 seconds; what the bot says goes through the outbox and
 * is sent by the {@link dev.specbot.slack.OutboxWorker}, in order per interview, retried when Slack
 * is unavailable.
 */
package dev.specbot.slack;
