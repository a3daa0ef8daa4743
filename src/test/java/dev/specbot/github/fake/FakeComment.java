package dev.specbot.github.fake;

import java.time.Instant;

/** A comment as the fake holds it, for tests to check. */
public record FakeComment(long id, String body, String author, Instant createdAt) {}
