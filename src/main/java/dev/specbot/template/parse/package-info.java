/**
 * Reads a markdown template file, as teams already write them, into a {@link
 * dev.specbot.template.Template}: the bytes checked and decoded, the front matter and overrides
 * read, each section given its role (asked, grouping, kept, left out), and the interview and the
 * layout built in one walk of the sections.
 *
 * <p>{@link dev.specbot.template.parse.TemplateParser} is the way in, used by the catalog. The few
 * other public members (placeholders, metadata lines, slugs) are what the renderer in {@link
 * dev.specbot.template} shares with the parser; everything else here is package-private.
 */
package dev.specbot.template.parse;
