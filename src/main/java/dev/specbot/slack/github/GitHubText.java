package dev.specbot.slack.github;

/**
 * Text for GitHub's markdown, where a name or a reviewer's words must read as written: nothing they
 * hold mentions a GitHub user ({@code @}), opens HTML, or (inline) formats. Linear time.
 */
final class GitHubText {
  private GitHubText() {}

  /** One line of plain text, its markdown punctuation escaped. */
  static String inline(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        escaped.append(' ');
      } else if ("\\`*_[]#|~!".indexOf(c) >= 0) {
        escaped.append('\\').append(c);
      } else {
        entity(escaped, c);
      }
    }
    return escaped.toString();
  }

  /** A person's words as a block quote: their markdown kept, no mention, no HTML. */
  static String quoted(String text) {
    StringBuilder quote = new StringBuilder(text.length() + 16).append("> ");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        quote.append("\n> ");
      } else if (c != '\r') {
        entity(quote, c);
      }
    }
    return quote.toString();
  }

  private static void entity(StringBuilder out, char c) {
    switch (c) {
      case '@' -> out.append("&#64;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      default -> out.append(c);
    }
  }
}
