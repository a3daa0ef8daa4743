/**
 * How what the bot says gets to Slack. A handler queues a {@link dev.specbot.slack.outbox.Delivery}
 * in the same transaction as the change it reports; the {@link
 * dev.specbot.slack.outbox.OutboxWorker} sends it after the commit, in order per interview,
 * retrying while Slack is unavailable and never posting twice (a message is looked for before it is
 * sent again, a file is uploaded once). The {@link dev.specbot.slack.outbox.Pruner} keeps the
 * tables it fills bounded. A new place a spec is published is a new sender beside this one, as the
 * spec's canvas is (CanvasSender: made once, then edited, in a lane of its own).
 */
package dev.specbot.slack.outbox;
