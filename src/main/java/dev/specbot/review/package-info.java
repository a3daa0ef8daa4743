/**
 * Review and approval of a posted spec, as plain Java: the drafter asks teammates to review it;
 * they approve, request changes, comment, or raise named concerns that block until their author
 * resolves them (as rfcbot does); a {@link dev.specbot.review.Rule} says when the spec is approved;
 * an edited answer makes approvals stale; the drafter then moves the spec to in progress and
 * completed.
 *
 * <p>A transition is a pure function from (review, input, now) to (review, effects), as in {@code
 * interview}; the effects are data that the Slack side words and sends. Nothing here knows of Slack
 * or SQL, or reads a clock.
 */
package dev.specbot.review;
