package dev.specbot.template;

/**
 * A place in the document the bot fills by itself, such as {@code **Drafter**:} or the title
 * heading.
 *
 * @param label the label as the template writes it (or "Title heading")
 * @param kind what the bot writes there
 * @param line the 1-based line in the template file
 */
public record Field(String label, FieldKind kind, int line) {}
