/**
 * Test support for the worst-case timing suites: {@link dev.specbot.text.AdversarialText} makes
 * hostile text of an exact length, {@link dev.specbot.text.LinearTime} fails a test when work on it
 * grows faster than the text. The suites themselves ({@code WorstCase*TimingTest}) live beside the
 * code they time, as much of it is package-private.
 */
package dev.specbot.text;
