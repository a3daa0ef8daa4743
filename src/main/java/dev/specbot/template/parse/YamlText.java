package dev.specbot.template.parse;

import dev.specbot.template.TemplateException;

/** YAML as templates hold it (front matter, and overrides beside a template), before it is read. */
final class YamlText {
  /**
   * Longer than any line of overrides needs to be. The YAML parser reads a token (a run of blanks,
   * a tag, a quoted string) in time that grows with the square of its length, a second for a token
   * of a megabyte; tokens kept to lines of this length cost it little, however many there are.
   */
  static final int MAX_LINE = 10_000;

  private YamlText() {}

  /**
   * Refuses YAML with a line over {@link #MAX_LINE} characters, naming the line.
   *
   * @param firstLine the file line of the YAML's first line
   */
  static void checkLines(String source, String yaml, int firstLine) throws TemplateException {
    int line = firstLine;
    int lineStart = 0;
    for (int i = 0; i <= yaml.length(); i++) {
      if (i == yaml.length() || yaml.charAt(i) == '\n') {
        if (i - lineStart > MAX_LINE) {
          throw new TemplateException(
              source,
              line,
              "has a line of "
                  + (i - lineStart)
                  + " characters; a line of YAML may be at most "
                  + MAX_LINE
                  + " (write a long list one item per line)");
        }
        line++;
        lineStart = i + 1;
      }
    }
  }
}
