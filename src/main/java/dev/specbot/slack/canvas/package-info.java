/**
 * The finished spec as a Slack canvas: {@link dev.specbot.slack.canvas.CanvasMarkdown} turns the
 * spec's markdown (CommonMark plus GFM tables, with the Slack syntax of the answers typed in Slack)
 * into the markdown canvases accept: headings down to h3, lists and checklists, code, quotes,
 * links, and {@code <@U123>} as the canvas mention {@code ![](@U123)}. What canvases cannot show
 * (HTML, deeper headings, tables where the workspace lacks them) is turned into something readable,
 * never dropped.
 *
 * <p>{@link dev.specbot.slack.canvas.CanvasChange} is the one {@code canvases.edit} change that
 * brings a canvas from the markdown last sent to the markdown now; the outbox's canvas sender sends
 * it.
 *
 * <p>Plain Java over the one CommonMark parser; nothing here calls Slack. Everything but {@link
 * dev.specbot.slack.canvas.CanvasMarkdown} and {@link dev.specbot.slack.canvas.CanvasChange} is
 * package-private. Every scanner looks at each character of a writer's text a bounded number of
 * times.
 */
package dev.specbot.slack.canvas;
