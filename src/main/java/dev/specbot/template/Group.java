package dev.specbot.template;

import java.util.List;

/**
 * A heading that only groups sub-headings: not asked by itself, its guidance shown with its
 * questions, and skippable as a whole.
 *
 * @param id stable key, derived from the headings
 * @param title the heading
 * @param hint its guidance as readable text (may be empty)
 * @param questionIds every question under it, nested groups included, in interview order
 * @param line the 1-based line of its heading in the template file
 */
public record Group(String id, String title, String hint, List<String> questionIds, int line) {

  public Group {
    questionIds = List.copyOf(questionIds);
  }
}
