/**
 * GitHub's REST API for issues: where a spec is published when {@code SPECBOT_GITHUB_TOKEN} is set.
 * {@link dev.specbot.github.GitHubIssues} creates an issue (title, body, labels, assignees), edits
 * its body and comments on it, and finds an issue or comment it made again by the {@link
 * dev.specbot.github.Marker} hidden in its body, so that a call that may have landed before a crash
 * is looked for before it is made again. {@link dev.specbot.github.IssueTitle} fills a template's
 * title pattern; {@link dev.specbot.github.Repository} is an {@code owner/repo}.
 *
 * <p>A failed call is a {@link dev.specbot.github.GitHubFailure}: to be retried after a wait
 * (GitHub failed, could not be reached, or rate-limited the token, saying when to come back), or
 * refused for good with plain words for the drafter (a bad token, no such repository, issues turned
 * off, a label or assignee GitHub would not take).
 *
 * <p>An adapter over OkHttp and Gson only: nothing here knows of Slack, storage or the template
 * model; the sender that publishes a spec brings those together. Time comes from a {@link
 * java.time.Clock}.
 */
package dev.specbot.github;
