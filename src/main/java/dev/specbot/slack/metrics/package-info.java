/**
 * What an operator's Prometheus reads at {@code /metrics}: one registry per bot ({@link
 * dev.specbot.slack.metrics.Metrics}, made by {@code SlackBot}), and the recorders it hands to the
 * rooms that measure. Bolt requests are timed by a middleware ahead of Bolt's own, Web API calls by
 * an interceptor on the SDK's HTTP client, the interview's turn by the outbox when it sends a
 * question, fired reminders by their worker; counts of what is stored are read from the database
 * once per scrape. Tags are low-cardinality words (a kind, a method, Slack's error code), never an
 * id or a person's text.
 */
package dev.specbot.slack.metrics;
