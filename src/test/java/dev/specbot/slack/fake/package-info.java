/**
 * A fake Slack for end-to-end tests: {@link dev.specbot.slack.fake.FakeSlackWebApi} plays the Web
 * API on loopback (recording calls, failing on demand), and {@link
 * dev.specbot.slack.fake.SlackRequests} plays Slack calling the app, with signed requests shaped
 * like Slack's real payloads; {@link dev.specbot.slack.fake.FakeSocketMode} sends the same payloads
 * as Socket Mode envelopes over a WebSocket the app opened. Given a {@link
 * dev.specbot.slack.fake.SlackModel}, the fake Web API also takes Slack's time per call and refuses
 * calls over Slack's rate limits with HTTP 429 and Retry-After, as Slack does.
 */
package dev.specbot.slack.fake;
