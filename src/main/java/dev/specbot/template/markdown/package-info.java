/**
 * Markdown text as the template engine reads and writes it, knowing nothing of templates: the one
 * CommonMark parser and the source lines of its blocks, heading text, emphasis, text escaped for a
 * markdown line, and a writer's answer (prose or table rows) made safe to place inside a section.
 *
 * <p>The scanners here are written by hand where a regular expression would backtrack, so that
 * their time grows with the text and never faster.
 */
package dev.specbot.template.markdown;
