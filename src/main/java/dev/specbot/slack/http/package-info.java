/**
 * How Slack reaches the bot over HTTP: Jetty serving the Bolt app at {@code /slack/events}, which
 * checks Slack's signature, {@code /healthz} for load balancers, and {@code /metrics} for
 * Prometheus. A new way in (Socket Mode) is a room beside this one, serving the same Bolt app.
 */
package dev.specbot.slack.http;
