/**
 * Calling Slack's Web API: the client (one shared Gson reads every answer), what a failed call
 * means ({@link dev.specbot.slack.webapi.SlackCallFailed}, {@link
 * dev.specbot.slack.webapi.SlackRetries}), the start-up token check, and the {@link
 * dev.specbot.slack.webapi.Directory} of people's names and time zones.
 */
package dev.specbot.slack.webapi;
