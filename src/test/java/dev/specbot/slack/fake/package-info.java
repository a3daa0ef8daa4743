/**
 * A fake Slack for end-to-end tests: {@link dev.specbot.slack.fake.FakeSlackWebApi} plays the Web
 * API on loopback (recording calls, failing on demand), and {@link
 * dev.specbot.slack.fake.SlackRequests} plays Slack calling the app, with signed requests shaped
 * like Slack's real payloads; {@link dev.specbot.slack.fake.FakeSocketMode} sends the same payloads
 * as Socket Mode envelopes over a WebSocket the app opened.
 */
package dev.specbot.slack.fake;
