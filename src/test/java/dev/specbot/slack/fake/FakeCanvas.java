package dev.specbot.slack.fake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A canvas as the fake Slack holds it now, for tests to read.
 *
 * @param id the canvas id canvases.create answered, such as {@code F0CANVAS0001}
 * @param title its title; empty when created without one
 * @param channelId the channel it is tabbed in, or empty for a standalone canvas
 * @param markdown its content now, after every edit
 * @param edits how many canvases.edit calls changed it
 * @param access who may read or write it: a channel or user id to {@code read}, {@code write} or
 *     {@code owner}, as canvases.access.set and a channel tab gave it
 * @param sectionIds its sections' ids in order (a heading is a section, and so is the text up to
 *     the next heading), as canvases.sections.lookup would find them
 */
public record FakeCanvas(
    String id,
    String title,
    String channelId,
    String markdown,
    int edits,
    Map<String, String> access,
    List<String> sectionIds) {
  public FakeCanvas {
    Objects.requireNonNull(id, "null id");
    Objects.requireNonNull(title, "null title");
    Objects.requireNonNull(channelId, "null channelId");
    Objects.requireNonNull(markdown, "null markdown");
    access = Map.copyOf(access);
    sectionIds = List.copyOf(sectionIds);
  }
}
