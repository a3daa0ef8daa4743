/**
 * The discussion meeting itself (issue 19), as plain Java: {@link dev.specbot.discussion.Agenda}
 * gathers what the meeting should settle (the template's open questions as answered, the open
 * review concerns, who has read the spec), {@link dev.specbot.discussion.DecisionReplies} reads the
 * drafter's replies after it (a decision, an owned follow-up {@code @person: do X}, {@code done},
 * {@code no decisions}), and {@link dev.specbot.discussion.DecisionLog} writes the decisions into
 * the document where its template keeps them and ticks the process step of facilitating the
 * discussion. Nothing here knows of Slack's API or SQL; every scan is linear in its input.
 */
package dev.specbot.discussion;
