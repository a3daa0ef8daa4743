package dev.specbot.template;

/**
 * A section the interview does not ask, and why: left out of the document, or kept as it is.
 *
 * @param title the section's heading
 * @param reason why, in words for a template author
 * @param line the 1-based line of its heading in the template file
 */
public record SectionNote(String title, String reason, int line) {}
