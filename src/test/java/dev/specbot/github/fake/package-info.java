/**
 * A fake GitHub REST API on loopback for tests: issues, comments and labels of a few repositories,
 * checked the way GitHub checks a call (token, headers, access, validation), with failures on
 * demand.
 */
package dev.specbot.github.fake;
