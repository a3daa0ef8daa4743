/**
 * Calling Slack's Web API: the client (one shared Gson reads every answer), what a failed call
 * means ({@link dev.specbot.slack.webapi.SlackCallFailed}, {@link
 * dev.specbot.slack.webapi.SlackRetries}), the start-up token check, the {@link
 * dev.specbot.slack.webapi.Directory} of people's names and time zones, and Slack's rate limits:
 * what is left of each ({@link dev.specbot.slack.webapi.Budgets}), counted on every call as it goes
 * out ({@link dev.specbot.slack.webapi.PacedCalls}).
 */
package dev.specbot.slack.webapi;
