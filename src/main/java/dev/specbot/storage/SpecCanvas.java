package dev.specbot.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What specbot knows of a spec's Slack canvas.
 *
 * @param interviewId the spec's interview
 * @param canvasId the canvas, once canvases.create answered
 * @param createAskedAt when canvases.create was asked with no answer recorded since: a canvas may
 *     exist that specbot does not know the id of
 * @param sentMarkdown the canvas markdown as last sent
 * @param refusal Slack's error, once it refused canvases for this spec for good
 */
public record SpecCanvas(
    String interviewId,
    Optional<String> canvasId,
    Optional<Instant> createAskedAt,
    Optional<String> sentMarkdown,
    Optional<String> refusal) {
  public SpecCanvas {
    Objects.requireNonNull(interviewId, "null interviewId");
    Objects.requireNonNull(canvasId, "null canvasId");
    Objects.requireNonNull(createAskedAt, "null createAskedAt");
    Objects.requireNonNull(sentMarkdown, "null sentMarkdown");
    Objects.requireNonNull(refusal, "null refusal");
  }
}
