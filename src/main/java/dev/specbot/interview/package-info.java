/**
 * The interview: a state machine that asks a template's questions one at a time and takes answers
 * and commands. A transition is a pure function from (interview, input, now) to (interview,
 * effects); the effects are data that a front end (Slack, the terminal) carries out. Nothing here
 * knows of Slack or SQL.
 */
package dev.specbot.interview;
