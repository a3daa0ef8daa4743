package dev.specbot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reviewers a spec suggests are the people its role sections name. */
class SuggestionsTest {
  @Test
  void people_named_in_stakeholder_owner_and_reviewer_sections_are_suggested_in_order() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("Summary", "Talked to <@U0ZED> about it.");
    answers.put("Stakeholders", "<@U0BOB|bob> and <@U0CAROL>, cc <@U0ALICE>");
    answers.put("Owner / Reviewer", "<@U0DAVE> <@U0BOB>");

    assertEquals(List.of("U0BOB", "U0CAROL", "U0DAVE"), Suggestions.reviewers(answers, "U0ALICE"));
  }

  @Test
  void a_broken_mention_is_skipped_and_a_spec_without_roles_suggests_nobody() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("Reviewers", "<@U0BOB <@ <@u0lower> <@W0ENT1>");
    answers.put("Design", "<@U0CAROL>");

    assertEquals(List.of("W0ENT1"), Suggestions.reviewers(answers, "U0ALICE"));
  }
}
