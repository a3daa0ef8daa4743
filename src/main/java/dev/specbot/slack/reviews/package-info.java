/**
 * The review in Slack, the stage after the interview: asking teammates to review ({@code
 * review @alice @bob}), their verdicts (the Approve button in their DM, {@code approve}, {@code
 * request changes: ...}), blocking concerns ({@code concern NAME: ...}, {@code resolve NAME}),
 * teammates' comments in the thread, and the spec's status moving on. The rules are the domain's,
 * in {@link dev.specbot.review}; when the stage moves, the document is posted again with its status
 * and the parent message says where the review stands.
 */
package dev.specbot.slack.reviews;
