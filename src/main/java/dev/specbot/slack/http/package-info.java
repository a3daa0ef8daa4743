/**
 * How Slack reaches the bot over HTTP: Jetty serving the Bolt app at {@code /slack/events}, which
 * checks Slack's signature, {@code /healthz} for load balancers, and {@code /metrics} for
 * Prometheus. Socket Mode ({@code slack.socket}) is a room beside this one, serving the same Bolt
 * app; {@code /healthz} and {@code /metrics} still run here then, and {@code /slack/events} is not
 * needed.
 */
package dev.specbot.slack.http;
