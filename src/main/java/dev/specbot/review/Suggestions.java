package dev.specbot.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who a spec suggests as its reviewers: the people named in its stakeholder, owner, reviewer or
 * approver sections, never its drafter.
 */
public final class Suggestions {
  private static final List<String> ROLES =
      List.of("stakeholder", "owner", "reviewer", "approver", "approval", "sign-off", "signoff");

  private Suggestions() {}

  /**
   * The people to suggest, in the order the spec names them.
   *
   * @param answers each answered section's title and answer, in the document's order
   */
  public static List<String> reviewers(Map<String, String> answers, String drafterId) {
    List<String> people = new ArrayList<>();
    answers.forEach(
        (title, answer) -> {
          if (namesRoles(title)) {
            for (String id : Mentions.in(answer)) {
              if (!id.equals(drafterId) && !people.contains(id)) {
                people.add(id);
              }
            }
          }
        });
    return people;
  }

  private static boolean namesRoles(String title) {
    String lower = title.toLowerCase(Locale.ROOT);
    return ROLES.stream().anyMatch(lower::contains);
  }
}
