/**
 * The Slack adapter: everything that imports {@code com.slack}. {@link dev.specbot.slack.SlackBot}
 * assembles it; the rooms below each do one job.
 *
 * <ul>
 *   <li>{@code http}: how Slack's requests come in (Jetty serving Bolt, {@code /healthz}); {@code
 *       socket}: the same requests over Socket Mode, when there is an app token.
 *   <li>{@code listeners}: the Bolt app and its listeners, which turn a command, a reply, a button
 *       or a form into a call on a room below and answer Slack within its 3 seconds.
 *   <li>{@code interviews}, {@code meetings}: what happens to a spec, one room per stage, each with
 *       its handlers (transactions over the domain) and what it says.
 *   <li>{@code messages}: what every stage's messages share (a message, its buttons, the parent
 *       message, the action ids); {@code blocks}: the finished spec in Block Kit, and escaping.
 *   <li>{@code outbox}: how what the bot says gets to Slack, durably, in order, exactly once.
 *   <li>{@code webapi}: calling Slack's Web API: the client, its retries and failures, the token
 *       check, and the people directory.
 * </ul>
 *
 * <p>ARCHITECTURE.md at the repository's root maps the rooms and the rules between them.
 */
package dev.specbot.slack;
