/**
 * Stage: a spec published as a GitHub issue. {@link dev.specbot.slack.github.GitHubDesk} decides
 * what the issue carries (the template's title pattern filled, its labels and assignees, the
 * drafter's login), offers the Publish to GitHub button, turns review events into the issue's
 * comments, and says in the thread and on the parent where the issue is once it is made; {@link
 * dev.specbot.slack.github.GitHubActions} takes the button and the thread's {@code publish}. What
 * it decides goes to GitHub through the outbox ({@code GitHubSender}), never from here.
 */
package dev.specbot.slack.github;
