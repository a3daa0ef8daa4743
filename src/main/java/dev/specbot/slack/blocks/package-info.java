/**
 * Turns a finished spec (CommonMark plus GFM tables) into Slack Block Kit messages that read well
 * in Slack and stay within Slack's limits, with every piece of user-written text escaped so that it
 * can neither ping anyone nor inject Slack markup.
 *
 * <p>{@link dev.specbot.slack.blocks.SpecBlocks} converts a whole document; {@link
 * dev.specbot.slack.blocks.SlackText} escapes plain user text for any other mrkdwn the adapter
 * writes. Everything else here is package-private.
 */
package dev.specbot.slack.blocks;
